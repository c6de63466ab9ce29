/**
 * Merging « Mes modèles » between this browser and the browser's own sync
 * storage (storage.sync), which carries them to the user's other computers.
 * No server of ours: the browser's sync does the carrying.
 *
 * Each template is a register with a history: a version made on top of the
 * other side's replaces it (fast-forward); two versions made beside each other
 * (edited on two computers before they synced) are both kept — the later edit
 * keeps the template, the other becomes a copy. An edit beats a deletion. A
 * template missing from sync storage is written again, never deleted here
 * (sync data cleared by the browser does not empty « Mes modèles »). Items
 * that do not read are set aside and reported; they are never used and never
 * destroyed. When sync storage is full, what does not fit stays on this
 * computer and the status says so.
 */
import type { Template } from '../templates/types';
import { decodeAll, encodeDeletion, encodeTemplate, HISTORY, itemBytes, SYNC_QUOTA, versionOf, type RemoteEntry, type VersionInfo } from './codec';
import { metaOf, versionOfDeletion, type PersonalData, type TemplateMeta } from './data';

/** The part of storage.sync the merge uses (browser.storage.sync, or a fake in tests). */
export interface SyncArea {
  get(keys: null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string[]): Promise<void>;
}

/** Kept free in sync storage, for deletions and for other computers' writes in flight. */
export const RESERVE_BYTES = 2_048;
/** Items of a template still incomplete after this long are treated as damaged. */
export const PENDING_MS = 5 * 60_000;
/** Deletions are kept in sync storage this long, then forgotten. */
export const DELETION_KEEP_MS = 90 * 24 * 3600_000;

export type SyncState = 'ok' | 'full' | 'busy' | 'unavailable' | 'error';

export interface SyncOutcome {
  data: PersonalData;
  state: SyncState;
  /** Templates in sync storage after this pass. */
  synced: number;
  /** Ids of the templates kept on this computer only (sync storage full). */
  localOnly: string[];
  bytes: number;
  /** What the user should know, in French: conflicts kept as copies, damaged items set aside… */
  notes: string[];
  /** Raw items that did not read, to keep aside. */
  quarantine: Record<string, unknown>[];
  /** Whether this pass changed the local data (templates taken from other computers…). */
  changedLocally: boolean;
}

interface Op {
  id: string;
  items: Record<string, unknown>;
  /** Keys of the remote entry this op replaces. */
  replaces: string[];
  priority: number;
  /** Applied to the local data once written. */
  onWritten(data: PersonalData): PersonalData;
}

const pad = (n: number) => String(n).padStart(2, '0');
const frDate = (iso: string) => {
  const d = new Date(iso);
  const p = pad;
  return `${p(d.getDate())}/${p(d.getMonth() + 1)}/${d.getFullYear()} à ${p(d.getHours())}:${p(d.getMinutes())}`;
};

/** A copy of a template that lost a conflict: new id, a title saying what it is. */
export function conflictCopy(template: Template, editedAt: string, taken: Set<string>): Template {
  const base = template.id.slice(0, 100);
  let id = `${base}-copie`;
  for (let n = 2; taken.has(id); n++) id = `${base}-copie-${n}`;
  const suffix = ` (autre version du ${frDate(editedAt)})`;
  return { ...template, id, title: `${template.title.slice(0, 480 - suffix.length)}${suffix}` };
}

function setMeta(data: PersonalData, id: string, meta: TemplateMeta): PersonalData {
  return { ...data, meta: { ...data.meta, [id]: meta } };
}

function withTemplate(data: PersonalData, template: Template, meta: TemplateMeta): PersonalData {
  const exists = data.templates.some((t) => t.id === template.id);
  return setMeta({ ...data, templates: exists ? data.templates.map((t) => (t.id === template.id ? template : t)) : [...data.templates, template] }, template.id, meta);
}

function withoutTemplate(data: PersonalData, id: string): PersonalData {
  const { [id]: _, ...meta } = data.meta;
  return { ...data, templates: data.templates.filter((t) => t.id !== id), meta };
}

function dropDeletion(data: PersonalData, id: string): PersonalData {
  const { [id]: _, ...deleted } = data.deleted;
  return { ...data, deleted };
}

function dropPending(data: PersonalData, id: string): PersonalData {
  if (!(id in data.pending)) return data;
  const { [id]: _, ...pending } = data.pending;
  return { ...data, pending };
}

const remoteMeta = (info: VersionInfo, synced: string): TemplateMeta => ({ rev: info.r, editedAt: info.u, by: info.d, history: info.p, synced });

/** Merges local data with what sync storage holds, writes what must be written, and says how it went. */
export async function syncOnce(local: PersonalData, area: SyncArea, now: Date): Promise<SyncOutcome> {
  let all: Record<string, unknown>;
  try {
    all = await area.get(null);
  } catch {
    return { data: local, state: 'unavailable', synced: 0, localOnly: [], bytes: 0, notes: [], quarantine: [], changedLocally: false };
  }
  const remote = await decodeAll(all);
  let data = local;
  let changedLocally = false;
  const notes: string[] = [];
  const quarantine: Record<string, unknown>[] = [];
  const ops: Op[] = [];
  const removals: string[] = [];
  const taken = new Set([...data.templates.map((t) => t.id), ...remote.keys()]);

  const pushTemplate = async (template: Template, meta: TemplateMeta, replaces: string[], priority: number) => {
    const h = versionOf(template);
    const info: VersionInfo = { h, r: meta.rev, u: meta.editedAt, d: meta.by, p: meta.history.filter((v) => v !== h).slice(0, HISTORY) };
    ops.push({
      id: template.id,
      items: await encodeTemplate(template, info),
      replaces,
      priority,
      onWritten: (d) => (d.templates.some((t) => t.id === template.id) ? setMeta(d, template.id, { ...metaOf(d, template.id), history: info.p, synced: h, localOnly: false }) : d),
    });
  };

  const ids = new Set([...data.templates.map((t) => t.id), ...Object.keys(data.deleted), ...remote.keys()]);
  for (const id of ids) {
    const R: RemoteEntry | undefined = remote.get(id);
    const L = data.templates.find((t) => t.id === id);
    const meta = L ? metaOf(data, id) : undefined;
    const D = data.deleted[id];
    const Lh = L ? versionOf(L) : undefined;
    const rKeys = R?.keys ?? [];

    if (R?.kind === 'newer') {
      notes.push('Un autre ordinateur utilise une version plus récente de Modèles : certains de ses modèles ne seront lus ici qu’après la mise à jour de l’extension.');
      continue;
    }
    if (R?.kind === 'incomplete') {
      const since = data.pending[id] ?? now.toISOString();
      if (now.getTime() - Date.parse(since) < PENDING_MS) {
        if (!(id in data.pending)) data = { ...data, pending: { ...data.pending, [id]: since } };
        continue;
      }
    }
    data = dropPending(data, id);

    if (R?.kind === 'damaged' || R?.kind === 'incomplete') {
      if (R.kind === 'damaged') quarantine.push({ id, reason: R.reason, items: R.raw, at: now.toISOString() });
      else quarantine.push({ id, reason: 'morceaux manquants', items: Object.fromEntries(R.keys.map((k) => [k, all[k]])), at: now.toISOString() });
      const title = L?.title ?? id;
      if (L && meta) {
        notes.push(`La copie synchronisée du modèle « ${title} » était abîmée : elle a été remplacée par celle de cet ordinateur.`);
        const h = R.info?.h;
        await pushTemplate(L, h ? { ...meta, history: [h, ...meta.history] } : meta, rKeys, 1);
      } else if (D) {
        ops.push({ id, items: encodeDeletion(id, { h: versionOfDeletion(id, D), r: D.rev, u: D.at, d: D.by, p: D.history }), replaces: rKeys, priority: 0, onWritten: (d) => dropDeletion(d, id) });
      } else {
        notes.push(`Un modèle synchronisé (« ${id} ») est illisible : il n’est pas utilisé ici. Ouvrez Modèles sur l’ordinateur où il a été écrit pour le réparer ; une copie des données a été gardée.`);
      }
      continue;
    }

    if (!R) {
      if (L && meta) await pushTemplate(L, meta, [], meta.synced ? 1 : 2);
      if (D) data = dropDeletion(data, id);
      continue;
    }

    if (R.kind === 'deleted') {
      if (now.getTime() - Date.parse(R.info.u) > DELETION_KEEP_MS && !L) {
        removals.push(...rKeys);
        if (D) data = dropDeletion(data, id);
        continue;
      }
      if (L && meta && Lh) {
        if (Lh === meta.synced || R.info.p.includes(Lh)) {
          data = withoutTemplate(data, id);
          changedLocally = true;
        } else {
          notes.push(`Le modèle « ${L.title} » a été supprimé sur un autre ordinateur mais modifié sur celui-ci : il est gardé.`);
          await pushTemplate(L, { ...meta, history: [R.info.h, ...meta.history] }, rKeys, 1);
        }
      } else if (D) data = dropDeletion(data, id);
      continue;
    }

    // R is a template.
    const Rh = R.info.h;
    if (L && meta && Lh) {
      if (Lh === Rh) {
        if (meta.synced !== Rh || meta.localOnly) data = setMeta(data, id, { ...meta, synced: Rh, localOnly: false, rev: Math.max(meta.rev, R.info.r) });
      } else if (Rh === meta.synced || meta.history.includes(Rh)) {
        await pushTemplate(L, { ...meta, history: [Rh, ...meta.history] }, rKeys, 1);
      } else if (R.info.p.includes(Lh)) {
        data = withTemplate(data, R.template, remoteMeta(R.info, Rh));
        changedLocally = true;
      } else {
        // Edited on two computers: the later edit keeps the template, the other is kept as a copy.
        const localWins = meta.editedAt > R.info.u || (meta.editedAt === R.info.u && meta.by > R.info.d);
        const [winner, loser, loserAt] = localWins ? [L, R.template, R.info.u] : [R.template, L, meta.editedAt];
        const copy = conflictCopy(loser, loserAt, taken);
        taken.add(copy.id);
        const copyMeta: TemplateMeta = { rev: 1, editedAt: loserAt, by: localWins ? R.info.d : meta.by, history: [] };
        if (localWins) {
          const merged = { ...meta, history: [Rh, ...meta.history] };
          data = setMeta(data, id, merged);
          await pushTemplate(L, merged, rKeys, 1);
        } else {
          data = withTemplate(data, R.template, remoteMeta(R.info, Rh));
        }
        data = withTemplate(data, copy, copyMeta);
        await pushTemplate(copy, copyMeta, [], 1);
        changedLocally = true;
        notes.push(`Le modèle « ${winner.title} » a été modifié sur deux ordinateurs : la modification la plus récente est gardée, l’autre est enregistrée sous « ${copy.title} ».`);
      }
      if (D) data = dropDeletion(data, id);
      continue;
    }
    if (D && D.history.includes(Rh)) {
      ops.push({ id, items: encodeDeletion(id, { h: versionOfDeletion(id, D), r: D.rev, u: D.at, d: D.by, p: D.history }), replaces: rKeys, priority: 0, onWritten: (d) => dropDeletion(d, id) });
      continue;
    }
    if (D) notes.push(`Le modèle « ${R.template.title} », supprimé sur cet ordinateur, a été modifié sur un autre : il est gardé.`);
    data = dropDeletion(withTemplate(data, R.template, remoteMeta(R.info, Rh)), id);
    changedLocally = true;
  }

  return write(data, area, all, ops, removals, notes, quarantine, changedLocally, remote);
}

async function write(
  start: PersonalData,
  area: SyncArea,
  all: Record<string, unknown>,
  ops: Op[],
  removals: string[],
  notes: string[],
  quarantine: Record<string, unknown>[],
  changedLocally: boolean,
  remote: Map<string, RemoteEntry>,
): Promise<SyncOutcome> {
  let data = start;
  const sizes = new Map(Object.entries(all).map(([k, v]) => [k, itemBytes(k, v)]));
  let bytes = [...sizes.values()].reduce((a, b) => a + b, 0);
  let count = sizes.size;
  for (const key of removals) {
    bytes -= sizes.get(key) ?? 0;
    count -= sizes.has(key) ? 1 : 0;
    sizes.delete(key);
  }
  // Deletions first (they free room), then templates already in sync, then new ones, oldest edit first.
  const ordered = ops.toSorted((a, b) => a.priority - b.priority || (metaOf(data, a.id).editedAt < metaOf(data, b.id).editedAt ? -1 : 1));
  const chosen: Op[] = [];
  const skipped: Op[] = [];
  for (const op of ordered) {
    const before = op.replaces.reduce((n, k) => n + (sizes.get(k) ?? 0), 0);
    const after = Object.entries(op.items).reduce((n, [k, v]) => n + itemBytes(k, v), 0);
    const stale = op.replaces.filter((k) => !(k in op.items));
    const items = Object.keys(op.items).filter((k) => !sizes.has(k)).length - stale.length;
    if (bytes - before + after > SYNC_QUOTA.bytes - RESERVE_BYTES || count + items > SYNC_QUOTA.maxItems) {
      skipped.push(op);
      continue;
    }
    bytes += after - before;
    count += items;
    for (const k of op.replaces) sizes.delete(k);
    for (const [k, v] of Object.entries(op.items)) sizes.set(k, itemBytes(k, v));
    chosen.push(op);
  }
  const toSet = Object.assign({}, ...chosen.map((op) => op.items)) as Record<string, unknown>;
  const toRemove = [...removals, ...chosen.flatMap((op) => op.replaces.filter((k) => !(k in op.items)))];
  let state: SyncState = skipped.length ? 'full' : 'ok';
  try {
    if (Object.keys(toSet).length) await area.set(toSet);
    if (toRemove.length) await area.remove(toRemove);
    for (const op of chosen) data = op.onWritten(data);
  } catch (e) {
    const message = String((e as Error)?.message ?? e);
    // Chromium says « Resource::kQuotaBytesPerItem quota exceeded », older Chrome « QUOTA_BYTES quota exceeded », Firefox « …exceeded its quota… ».
    state = /write_?operations/i.test(message) ? 'busy' : /quota/i.test(message) ? 'full' : 'error';
    skipped.push(...chosen);
    bytes = Object.entries(all).reduce((n, [k, v]) => n + itemBytes(k, v), 0);
  }
  // What could not be written: new templates are marked as kept here only; edits will be tried again.
  const localOnly: string[] = [];
  for (const op of skipped) {
    if (!data.templates.some((t) => t.id === op.id)) continue;
    localOnly.push(op.id);
    data = setMeta(data, op.id, { ...metaOf(data, op.id), localOnly: true });
  }
  const written = new Set(chosen.map((op) => op.id));
  const synced = data.templates.filter((t) => !localOnly.includes(t.id) && (written.has(t.id) || remote.get(t.id)?.kind === 'template')).length;
  return { data, state, synced, localOnly, bytes, notes, quarantine, changedLocally };
}
