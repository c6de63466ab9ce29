/**
 * What Modèles keeps in the browser (storage.local, never synced, never sent):
 * the sender's remembered field values and the recently used templates.
 * Every item is versioned so that later formats can migrate it. Values read
 * back are checked: a corrupted entry is replaced by the fallback, not thrown.
 * Mail pages read and write them through the background (messages.ts), so
 * that the storage code stays out of the content scripts and writes from
 * several tabs do not interleave.
 */
import { storage } from 'wxt/utils/storage';
import { SHARED_REMEMBERED, type Profile, type RememberedProfiles, type SenderBlockSetting } from './remembered';

export { rememberedFor, SHARED_REMEMBERED, type Profile, type RememberedProfiles, type SenderBlockSetting } from './remembered';

export const RECENT_LIMIT = 8;

const EMPTY_PROFILES: RememberedProfiles = { pro: {}, perso: {}, commun: {} };

/**
 * Last values typed in fields marked `remember` (sender name, company, phone…), by profile and field name.
 * Version 1 was one flat record, filled by company letters only: it becomes the professional profile.
 */
export const rememberedValues = storage.defineItem<RememberedProfiles>('local:rememberedValues', {
  fallback: EMPTY_PROFILES,
  version: 2,
  migrations: {
    2: (old: unknown): RememberedProfiles => {
      const flat = isStringRecord(old) ? old : {};
      const commun = Object.fromEntries(Object.entries(flat).filter(([k]) => SHARED_REMEMBERED.includes(k)));
      const pro = Object.fromEntries(Object.entries(flat).filter(([k]) => !SHARED_REMEMBERED.includes(k)));
      return { pro, perso: {}, commun };
    },
  },
});

function isStringRecord(value: unknown): value is Record<string, string> {
  return !!value && typeof value === 'object' && !Array.isArray(value) && Object.values(value).every((v) => typeof v === 'string');
}

/** Both profiles as stored; a damaged entry reads as empty, never throws. */
export async function getRemembered(): Promise<RememberedProfiles> {
  const value: unknown = await rememberedValues.getValue();
  if (!value || typeof value !== 'object') return { pro: {}, perso: {}, commun: {} };
  const v = value as Record<string, unknown>;
  const part = (k: string) => (isStringRecord(v[k]) ? { ...v[k] } : {});
  return { pro: part('pro'), perso: part('perso'), commun: part('commun') };
}

/** Stores the given values in one profile (shared fields in both), keeping the others; an empty value forgets. */
export async function remember(values: Record<string, string>, profile: Profile): Promise<void> {
  const next = await getRemembered();
  for (const [name, value] of Object.entries(values)) {
    const target = SHARED_REMEMBERED.includes(name) ? next.commun : next[profile];
    if (value.trim()) target[name] = value;
    else delete target[name];
  }
  await rememberedValues.setValue(next);
}

/**
 * Whether the letter brings its own sender block (name, function, company)
 * into the draft: never, only when the draft holds no mail signature
 * (default: the name never appears twice), or always.
 */
export const senderBlockSetting = storage.defineItem<SenderBlockSetting>('local:senderBlock', { fallback: 'sans-signature', version: 1 });

export async function getSenderBlockSetting(): Promise<SenderBlockSetting> {
  const value: unknown = await senderBlockSetting.getValue();
  return value === 'jamais' || value === 'toujours' ? value : 'sans-signature';
}

/**
 * The templates inserted most recently, newest first, as « pack id/template id ».
 * Version 1 (before packs) held bare ids of the built-in library.
 */
export const recentTemplates = storage.defineItem<string[]>('local:recentTemplates', {
  fallback: [],
  version: 2,
  migrations: {
    2: (old: unknown) => (Array.isArray(old) ? old.filter((v): v is string => typeof v === 'string').map((id) => (id.includes('/') ? id : `modeles-base/${id}`)) : []),
  },
});

export async function getRecent(): Promise<string[]> {
  const value: unknown = await recentTemplates.getValue();
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

export async function markUsed(id: string): Promise<void> {
  const recent = (await getRecent()).filter((r) => r !== id);
  await recentTemplates.setValue([id, ...recent].slice(0, RECENT_LIMIT));
}
