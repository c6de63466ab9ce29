/**
 * Where « Mes modèles » live in this browser: one storage.local item (see
 * data.ts), the items that did not read (kept aside, never dropped), and the
 * last sync status for the settings page. Before this item existed, the
 * templates were a pack among the installed packs: they are moved here once.
 */
import { storage } from 'wxt/utils/storage';
import { emptyPersonalPack, installedPacks, PERSONAL_PACK_ID, type InstalledPack } from '../packs/store';
import { readData, type PersonalData } from './data';
import type { Draft } from './draft-model';
import type { SyncState } from './sync';

export const personalItem = storage.defineItem<unknown>('local:personal', { fallback: null, version: 1 });
/** Templates or sync items that could not be read: kept here, never used, never lost. */
export const personalQuarantine = storage.defineItem<unknown[]>('local:personalQuarantine', { fallback: [], version: 1 });

export interface SyncStatus {
  state: SyncState | 'off' | 'never';
  /** Last pass (ISO), and the last one that went through. */
  at?: string;
  okAt?: string;
  synced: number;
  /** Titles of the templates kept on this computer only. */
  localOnly: string[];
  bytes: number;
  quota: number;
  /** What the user should know, newest first, with when. */
  notes: { at: string; text: string }[];
}

/** A draft the palette hands over to the settings page's full editor (« Continuer dans l’éditeur complet »). */
export const editorDraft = storage.defineItem<Draft | null>('local:editorDraft', { fallback: null, version: 1 });

export const syncStatusItem = storage.defineItem<SyncStatus | null>('local:syncStatus', { fallback: null, version: 1 });

export interface LoadedPersonal {
  data: PersonalData;
  /** French sentences about stored data that could not be read. */
  problems: string[];
  /** The stored data needs writing back (moved from the old place, or damaged entries set aside). */
  dirty: boolean;
  bad: unknown[];
}

/** The templates « Mes modèles » had when they were a pack in `local:packs`. */
async function legacyTemplates(): Promise<InstalledPack | null> {
  const raw: unknown = await installedPacks.getValue();
  if (!Array.isArray(raw)) return null;
  const entry = raw.find((p) => (p as InstalledPack | null)?.pack?.id === PERSONAL_PACK_ID) as InstalledPack | undefined;
  return entry && Array.isArray(entry.pack?.templates) ? entry : null;
}

/** Reads « Mes modèles » (read-only: whoever writes goes through the background, see service.ts). */
export async function readPersonal(): Promise<LoadedPersonal> {
  const raw: unknown = await personalItem.getValue();
  if (raw === null || raw === undefined) {
    const legacy = await legacyTemplates();
    if (!legacy) return { data: readData(null).data, problems: [], dirty: false, bad: [] };
    const { data, bad } = readData({ templates: legacy.pack.templates, enabled: legacy.enabled });
    return { data, problems: badMessage(bad.length), dirty: true, bad };
  }
  const { data, bad, unreadable } = readData(raw);
  const problems = unreadable ? ['La liste de vos modèles était illisible : elle a été mise de côté.'] : badMessage(bad.length);
  return { data, problems, dirty: bad.length > 0 || unreadable || (raw as { device?: unknown }).device !== data.device, bad };
}

function badMessage(n: number): string[] {
  if (!n) return [];
  return [
    `${n === 1 ? 'Un de vos modèles était illisible (données abîmées) : il a été mis de côté' : `${n} de vos modèles étaient illisibles (données abîmées) : ils ont été mis de côté`}. Vos autres modèles sont intacts.`,
  ];
}

/** Writes « Mes modèles »; the first time, also takes them out of the installed packs, where they used to be. */
export async function writePersonal(data: PersonalData, bad: unknown[] = []): Promise<void> {
  if (bad.length) await personalQuarantine.setValue([...((await personalQuarantine.getValue()) ?? []), ...bad.map((item) => ({ at: new Date().toISOString(), item }))]);
  await personalItem.setValue(data);
  const raw: unknown = await installedPacks.getValue();
  if (Array.isArray(raw) && raw.some((p) => (p as InstalledPack | null)?.pack?.id === PERSONAL_PACK_ID))
    await installedPacks.setValue(raw.filter((p) => (p as InstalledPack | null)?.pack?.id !== PERSONAL_PACK_ID));
}

/** « Mes modèles » as an installed pack, for the library and the pack list. */
export function personalEntry(data: PersonalData): InstalledPack {
  const revs = Object.values(data.meta).reduce((n, m) => n + m.rev, 0);
  const times = Object.values(data.meta).map((m) => m.editedAt).toSorted();
  const pack = { ...emptyPersonalPack(), version: `1.0.${revs}`, templates: data.templates };
  const at = times.at(-1) ?? new Date(0).toISOString();
  return { pack, origin: { kind: 'personal' }, enabled: data.enabled, installedAt: times[0] ?? at, updatedAt: at };
}
