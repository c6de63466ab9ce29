/**
 * What Modèles keeps in the browser (storage.local, never synced, never sent):
 * the sender's remembered field values and the recently used templates.
 * Every item is versioned so that later formats can migrate it. Values read
 * back are checked: a corrupted entry is replaced by the fallback, not thrown.
 */
import { storage } from 'wxt/utils/storage';

export const RECENT_LIMIT = 8;

/** Last values typed in fields marked `remember` (sender name, company, phone…), by field name. */
export const rememberedValues = storage.defineItem<Record<string, string>>('local:rememberedValues', {
  fallback: {},
  version: 1,
});

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

function isStringRecord(value: unknown): value is Record<string, string> {
  return !!value && typeof value === 'object' && !Array.isArray(value) && Object.values(value).every((v) => typeof v === 'string');
}

export async function getRemembered(): Promise<Record<string, string>> {
  const value: unknown = await rememberedValues.getValue();
  return isStringRecord(value) ? value : {};
}

/** Stores the non-empty values of the given fields, keeping the others. */
export async function remember(values: Record<string, string>): Promise<void> {
  const current = await getRemembered();
  const next = { ...current };
  for (const [name, value] of Object.entries(values)) {
    if (value.trim()) next[name] = value;
    else delete next[name];
  }
  await rememberedValues.setValue(next);
}

export async function getRecent(): Promise<string[]> {
  const value: unknown = await recentTemplates.getValue();
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

export async function markUsed(id: string): Promise<void> {
  const recent = (await getRecent()).filter((r) => r !== id);
  await recentTemplates.setValue([id, ...recent].slice(0, RECENT_LIMIT));
}
