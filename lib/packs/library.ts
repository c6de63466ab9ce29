/**
 * The library the palette searches: every enabled pack together — the user's
 * own templates first, then subscribed and imported packs, then the built-in
 * one. Two packs may hold a template for the same scenario; each template is
 * known by « pack id/template id ».
 */
import type { PreparedIndex, SearchDoc } from '../search/format';
import type { Template } from '../templates/types';
import type { InstalledPack } from './store';
import { BUILTIN_PACK_ID, PERSONAL_PACK_ID } from './ids';
import type { Pack } from './validate';

export interface LibraryTemplate extends Template {
  /** « pack id/template id »: unique across packs. */
  uid: string;
  packId: string;
  packName: string;
}

export interface AssembledLibrary {
  templates: LibraryTemplate[];
  /** Field defaults of each pack (company name, IBAN…), by pack id. */
  defaults: Record<string, Record<string, string>>;
}

/**
 * What the palette lists and searches of a template: no subject, body or
 * fields. A mail page receives these first, with the search index prepared
 * (about a quarter of the whole library), and the full templates after.
 */
export type SearchEntry = Pick<LibraryTemplate, 'uid' | 'id' | 'title' | 'name' | 'aliases' | 'keywords' | 'tags' | 'category' | 'kind' | 'level' | 'audience' | 'packId' | 'packName'>;

export function searchEntry(t: LibraryTemplate): SearchEntry {
  const { uid, id, title, name, aliases, keywords, tags, category, kind, level, audience, packId, packName } = t;
  return { uid, id, title, ...(name !== undefined && { name }), aliases, keywords, tags, category, ...(kind !== undefined && { kind }), ...(level !== undefined && { level }), audience, packId, packName };
}

/** The search entries of the library and its index, prepared by the background (search-library.ts). */
export interface SearchLibrary {
  entries: SearchEntry[];
  index: PreparedIndex;
}

/** The entries as the search reads them: a template is found by its uid. */
export const searchDocs = (entries: SearchEntry[]): SearchDoc[] => entries.map((e) => ({ ...e, id: e.uid }));

export const uidOf = (packId: string, templateId: string) => `${packId}/${templateId}`;

function rank(p: InstalledPack): number {
  return p.pack.id === PERSONAL_PACK_ID ? 0 : 1;
}

export function assembleLibrary(builtin: Pack | null, builtinOn: boolean, installed: InstalledPack[]): AssembledLibrary {
  const packs = installed.filter((p) => p.enabled).toSorted((a, b) => rank(a) - rank(b)).map((p) => p.pack);
  if (builtin && builtinOn) packs.push({ ...builtin, id: BUILTIN_PACK_ID });
  const templates: LibraryTemplate[] = [];
  const defaults: Record<string, Record<string, string>> = {};
  for (const pack of packs) {
    defaults[pack.id] = pack.defaults ?? {};
    for (const t of pack.templates) templates.push({ ...t, uid: uidOf(pack.id, t.id), packId: pack.id, packName: pack.name });
  }
  return { templates, defaults };
}
