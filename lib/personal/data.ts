/**
 * The user's own templates, « Mes modèles », as this browser keeps them:
 * one storage.local item holding the templates and, for each, what the sync
 * needs to merge edits made on other computers (edit count, when and where it
 * was made, the versions it was made on top of, the version last seen in sync).
 * Templates and their sync data are written together, so they never disagree.
 *
 * The functions here are pure: they take the data and return the next data.
 */
import { z } from 'zod';
import { packTemplateSchema } from '../packs/schema';
import { withoutSource } from '../packs/validate';
import type { Template } from '../templates/types';
import { deletionVersion, HISTORY, versionOf } from './codec';

export interface TemplateMeta {
  /** Edit count. */
  rev: number;
  /** When the last edit was made (ISO) and in which browser profile. */
  editedAt: string;
  by: string;
  /** Versions this one was made on top of, newest first. */
  history: string[];
  /** The version last seen identical here and in sync storage. */
  synced?: string;
  /** Not in sync storage because it was full when last tried. */
  localOnly?: boolean;
}

/** A template deleted here whose deletion has not reached sync storage yet. */
export interface Deletion {
  at: string;
  by: string;
  rev: number;
  /** The deleted version and those before it. */
  history: string[];
}

export interface PersonalData {
  version: 1;
  /** Random id of this browser profile, to tell its edits from other computers'. */
  device: string;
  /** Whether « Mes modèles » show in the palette. */
  enabled: boolean;
  /** Whether they are copied to the browser's sync storage. */
  syncEnabled: boolean;
  templates: Template[];
  meta: Record<string, TemplateMeta>;
  deleted: Record<string, Deletion>;
  /** Templates whose items in sync storage were seen incomplete, and since when (a write still arriving). */
  pending: Record<string, string>;
}

export const newDevice = (): string => (globalThis.crypto?.randomUUID?.() ?? `${Date.now()}-${Math.random()}`).replace(/-/g, '').slice(0, 12);

export function emptyData(device = newDevice()): PersonalData {
  return { version: 1, device, enabled: true, syncEnabled: true, templates: [], meta: {}, deleted: {}, pending: {} };
}

const metaSchema = z.object({
  rev: z.number().int().min(0),
  editedAt: z.string(),
  by: z.string(),
  history: z.array(z.string()).max(HISTORY * 2),
  synced: z.string().optional(),
  localOnly: z.boolean().optional(),
});

const deletionSchema = z.object({ at: z.string(), by: z.string(), rev: z.number(), history: z.array(z.string()) });

/**
 * Reads stored data back. Templates are checked against the pack schema: one
 * that does not read is returned apart (to be kept aside, never dropped);
 * sync data that does not read is forgotten (the template then merges as one
 * never synced: a difference is kept as a copy, never lost).
 */
const record = (v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});

export function readData(raw: unknown, device?: string): { data: PersonalData; bad: unknown[]; unreadable: boolean } {
  if (raw === undefined || raw === null) return { data: emptyData(device), bad: [], unreadable: false };
  if (typeof raw !== 'object' || Array.isArray(raw)) return { data: emptyData(device), bad: [raw], unreadable: true };
  const r = raw as Record<string, unknown>;
  const data = emptyData(typeof r.device === 'string' && r.device ? r.device : device);
  if (typeof r.enabled === 'boolean') data.enabled = r.enabled;
  if (typeof r.syncEnabled === 'boolean') data.syncEnabled = r.syncEnabled;
  const bad: unknown[] = [];
  for (const t of Array.isArray(r.templates) ? r.templates : []) {
    const parsed = packTemplateSchema.safeParse(t);
    if (parsed.success && !data.templates.some((o) => o.id === parsed.data.id)) data.templates.push(parsed.data as Template);
    else bad.push(t);
  }
  for (const [id, m] of Object.entries(record(r.meta))) {
    const parsed = metaSchema.safeParse(m);
    if (parsed.success && data.templates.some((t) => t.id === id)) data.meta[id] = parsed.data;
  }
  for (const [id, d] of Object.entries(record(r.deleted))) {
    const parsed = deletionSchema.safeParse(d);
    if (parsed.success) data.deleted[id] = parsed.data;
  }
  for (const [id, since] of Object.entries(record(r.pending))) if (typeof since === 'string') data.pending[id] = since;
  return { data, bad, unreadable: !Array.isArray(r.templates) && r.templates !== undefined };
}

/** The meta of a template, made up for one that has none (it never went through sync). */
export function metaOf(data: PersonalData, id: string): TemplateMeta {
  return data.meta[id] ?? { rev: 1, editedAt: new Date(0).toISOString(), by: data.device, history: [] };
}

/** Adds or replaces a template: a new version made here, on top of the one it replaces. */
export function putTemplate(data: PersonalData, template: Template, now: Date): PersonalData {
  const clean = withoutSource(template) as Template;
  const previous = data.templates.find((t) => t.id === clean.id);
  const meta = data.meta[clean.id];
  const deletion = data.deleted[clean.id];
  const history = previous ? [versionOf(previous), ...(meta?.history ?? [])] : deletion ? deletion.history : [];
  const { [clean.id]: _, ...deleted } = data.deleted;
  const templates = previous ? data.templates.map((t) => (t.id === clean.id ? clean : t)) : [...data.templates, clean];
  const next: TemplateMeta = {
    rev: (meta?.rev ?? deletion?.rev ?? 0) + 1,
    editedAt: now.toISOString(),
    by: data.device,
    history: [...new Set(history)].slice(0, HISTORY),
    ...(meta?.synced && { synced: meta.synced }),
  };
  return { ...data, templates, deleted, meta: { ...data.meta, [clean.id]: next } };
}

/** Removes a template; when it had reached sync storage, its deletion is kept until it reaches it too. */
export function removeTemplate(data: PersonalData, id: string, now: Date): PersonalData {
  const previous = data.templates.find((t) => t.id === id);
  if (!previous) return data;
  const meta = metaOf(data, id);
  const { [id]: _, ...metas } = data.meta;
  const deleted = { ...data.deleted };
  if (meta.synced || !meta.localOnly)
    deleted[id] = { at: now.toISOString(), by: data.device, rev: meta.rev + 1, history: [versionOf(previous), ...meta.history].slice(0, HISTORY) };
  return { ...data, templates: data.templates.filter((t) => t.id !== id), meta: metas, deleted };
}

/** The deletion's own version, as written in sync storage. */
export const versionOfDeletion = (id: string, d: Deletion) => deletionVersion(id, d.at, d.by);
