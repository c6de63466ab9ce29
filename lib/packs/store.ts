/**
 * The packs installed in this browser profile (storage.local): imported from
 * a file, subscribed to by URL (possibly pushed by the IT department's policy),
 * and, before they got their own storage (lib/personal/local.ts), the user's
 * own templates, « Mes modèles ». The built-in library is not stored (it ships
 * with the extension); only whether it is enabled.
 *
 * Stored data is versioned: a change of format comes with a migration from
 * every earlier version (tested). Whatever is read back is checked; an entry
 * that does not read is set aside, reported, never silently dropped.
 */
import { storage } from 'wxt/utils/storage';
import { z } from 'zod';
import { packSchema, PACK_FORMAT, PACK_FORMAT_VERSION } from './schema';
import { diffPacks, type Pack } from './validate';

import { BUILTIN_PACK_ID, PERSONAL_PACK_ID } from './ids';

export { BUILTIN_PACK_ID, PERSONAL_PACK_ID };

export type PackOrigin =
  | { kind: 'file'; fileName?: string }
  | { kind: 'url'; url: string; etag?: string; lastModified?: string; checkedAt?: string; error?: string; managed?: boolean; retryAt?: string; failures?: number }
  | { kind: 'personal' };

export interface PackChange {
  from: string;
  to: string;
  at: string;
  added: string[];
  changed: string[];
  removed: string[];
}

export interface InstalledPack {
  pack: Pack;
  origin: PackOrigin;
  enabled: boolean;
  installedAt: string;
  updatedAt: string;
  lastChange?: PackChange;
}

const originSchema = z.union([
  z.object({ kind: z.literal('file'), fileName: z.string().optional() }),
  z.object({
    kind: z.literal('url'),
    url: z.string(),
    etag: z.string().optional(),
    lastModified: z.string().optional(),
    checkedAt: z.string().optional(),
    error: z.string().optional(),
    managed: z.boolean().optional(),
    /** After a busy server (429, 5xx): not asked again before this time (schedule.ts). */
    retryAt: z.string().optional(),
    failures: z.number().int().nonnegative().optional(),
  }),
  z.object({ kind: z.literal('personal') }),
]);

const installedSchema = z.object({
  pack: packSchema,
  origin: originSchema,
  enabled: z.boolean(),
  installedAt: z.string(),
  updatedAt: z.string(),
  lastChange: z
    .object({ from: z.string(), to: z.string(), at: z.string(), added: z.array(z.string()), changed: z.array(z.string()), removed: z.array(z.string()) })
    .optional(),
});

export const installedPacks = storage.defineItem<unknown[]>('local:packs', { fallback: [], version: 1 });
/** Packs whose stored data did not read back: kept here, shown to the user, never lost. */
export const quarantinedPacks = storage.defineItem<unknown[]>('local:packsQuarantine', { fallback: [], version: 1 });
/**
 * What was set aside and not shown yet, as French sentences: whoever reads the
 * packs first (often the background, when storage changes), the settings page
 * says it next time it opens (takePackProblems).
 */
export const packProblems = storage.defineItem<string[]>('local:packProblems', { fallback: [], version: 1 });

/** The problems not shown yet, and forgets them. */
export async function takePackProblems(): Promise<string[]> {
  const value: unknown = await packProblems.getValue();
  const problems = Array.isArray(value) ? value.filter((p): p is string => typeof p === 'string') : [];
  if (problems.length) await packProblems.setValue([]);
  return problems;
}

async function keepProblems(problems: string[]): Promise<void> {
  const value: unknown = await packProblems.getValue();
  const before = Array.isArray(value) ? value.filter((p): p is string => typeof p === 'string') : [];
  await packProblems.setValue([...new Set([...before, ...problems])]);
}

export const builtinEnabled = storage.defineItem<boolean>('local:builtinEnabled', { fallback: true, version: 1 });
/** This browser's phase in the pack update period (lib/packs/schedule.ts), drawn once. */
export const updatePhase = storage.defineItem<number | null>('local:updatePhase', { fallback: null, version: 1 });

export interface StoredPacks {
  packs: InstalledPack[];
  /** French sentences about stored data that could not be read. */
  problems: string[];
}

/**
 * Reads one stored entry against the schema. Templates were compiled when the
 * pack was installed; a template damaged since then can still not produce HTML
 * (rendering escapes everything) and fails with a message when it is used.
 */
function readEntry(raw: unknown): InstalledPack | null {
  const parsed = installedSchema.safeParse(raw);
  return parsed.success ? (parsed.data as InstalledPack) : null;
}

export async function loadPacks(): Promise<StoredPacks> {
  const raw: unknown = await installedPacks.getValue();
  if (!Array.isArray(raw)) {
    if (raw !== null && raw !== undefined) await quarantinedPacks.setValue([...(await quarantinedPacks.getValue()), raw]);
    await installedPacks.setValue([]);
    const problems = raw ? ['La liste des packs installés était illisible : elle a été mise de côté et remplacée par une liste vide.'] : [];
    if (problems.length) await keepProblems(problems);
    return { packs: [], problems };
  }
  const packs: InstalledPack[] = [];
  const bad: unknown[] = [];
  for (const entry of raw) {
    const read = readEntry(entry);
    if (read) packs.push(read);
    else bad.push(entry);
  }
  const problems: string[] = [];
  if (bad.length) {
    await quarantinedPacks.setValue([...(await quarantinedPacks.getValue()), ...bad]);
    await installedPacks.setValue(packs);
    problems.push(
      `${bad.length === 1 ? 'Un pack enregistré était illisible (données abîmées) : il a été mis de côté' : `${bad.length} packs enregistrés étaient illisibles (données abîmées) : ils ont été mis de côté`}. Les autres packs et vos modèles sont intacts ; réimportez ce pack si vous en avez besoin.`,
    );
    await keepProblems(problems);
  }
  return { packs, problems };
}

async function save(packs: InstalledPack[]): Promise<void> {
  await installedPacks.setValue(packs);
}

const now = () => new Date().toISOString();

/**
 * Installs a pack, or replaces the installed pack of the same id. An imported
 * file never replaces a subscribed or policy pack, nor the user's own templates.
 */
export async function installPack(pack: Pack, origin: PackOrigin): Promise<InstalledPack> {
  if (pack.id === BUILTIN_PACK_ID || pack.id === PERSONAL_PACK_ID) throw new Error(`L’identifiant « ${pack.id} » est réservé : ce pack ne peut pas être installé.`);
  const { packs } = await loadPacks();
  const existing = packs.find((p) => p.pack.id === pack.id);
  if (existing && existing.origin.kind === 'url' && origin.kind === 'file')
    throw new Error(`Le pack « ${pack.name} » est déjà installé par abonnement : supprimez l’abonnement avant de l’importer depuis un fichier.`);
  const entry: InstalledPack = {
    pack,
    origin,
    enabled: existing?.enabled ?? true,
    installedAt: existing?.installedAt ?? now(),
    updatedAt: now(),
    ...(existing && { lastChange: { from: existing.pack.version, to: pack.version, at: now(), ...diffPacks(existing.pack, pack) } }),
  };
  await save([...packs.filter((p) => p.pack.id !== pack.id), entry]);
  return entry;
}

export async function updateEntry(id: string, change: (entry: InstalledPack) => InstalledPack): Promise<void> {
  const { packs } = await loadPacks();
  await save(packs.map((p) => (p.pack.id === id ? change(p) : p)));
}

export async function setEnabled(id: string, enabled: boolean): Promise<void> {
  if (id === BUILTIN_PACK_ID) await builtinEnabled.setValue(enabled);
  else await updateEntry(id, (p) => ({ ...p, enabled }));
}

export async function removePack(id: string): Promise<void> {
  const { packs } = await loadPacks();
  const target = packs.find((p) => p.pack.id === id);
  if (target?.origin.kind === 'url' && target.origin.managed) throw new Error('Ce pack est imposé par votre service informatique : il ne peut pas être supprimé.');
  await save(packs.filter((p) => p.pack.id !== id));
}

/** Removes the packs the IT policy installed and no longer lists. */
export async function dropManagedExcept(urls: string[]): Promise<void> {
  const { packs } = await loadPacks();
  const kept = packs.filter((p) => !(p.origin.kind === 'url' && p.origin.managed && !urls.includes(p.origin.url)));
  if (kept.length !== packs.length) await save(kept);
}

/** The user's own pack, created empty on first use. */
export function emptyPersonalPack(): Pack {
  return { format: PACK_FORMAT, formatVersion: PACK_FORMAT_VERSION, id: PERSONAL_PACK_ID, name: 'Mes modèles', version: '1.0.0', defaults: {}, templates: [] };
}
