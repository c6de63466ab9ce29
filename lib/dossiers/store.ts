/**
 * The dossiers in storage.local: in this browser only, never synced, never sent.
 *
 * - `dossiers`: one entry per invoice, each tagged with its format (DOSSIER_FORMAT);
 *   an entry of an earlier format is migrated when read (MIGRATIONS), one of a later
 *   format (written by a newer Modèles) or one that does not read is set aside in
 *   `dossiersQuarantine` with the day it was set aside, and the user is told in French.
 *   Nothing read back can break the palette: a bad entry is never thrown at it.
 * - `dossierSettings`: tracking on or off, and how long closed dossiers are kept.
 *   Closed dossiers (and set-aside entries) are deleted once that period is over.
 *
 * Checked by hand rather than with zod: this module runs in the content script,
 * whose size is budgeted.
 */
import { storage } from 'wxt/utils/storage';
import { addMonths, isIsoDate, toIsoDate, type IsoDate } from '../render/format';
import { DOSSIER_FORMAT, type Dossier, type DossierRecipient, type DossierStep } from './model';

export interface DossierSettings {
  /** Record the letters of the payment ladder and suggest the next one. */
  tracking: boolean;
  /** Closed dossiers are deleted this many months after they were closed. */
  retentionMonths: number;
}

export const DEFAULT_SETTINGS: DossierSettings = { tracking: true, retentionMonths: 12 };
export const RETENTION_CHOICES = [3, 6, 12, 24, 36] as const;

export const dossiersItem = storage.defineItem<unknown>('local:dossiers', { fallback: [], version: 1 });
export const dossiersQuarantine = storage.defineItem<unknown>('local:dossiersQuarantine', { fallback: [], version: 1 });
export const dossierSettings = storage.defineItem<unknown>('local:dossierSettings', { fallback: DEFAULT_SETTINGS, version: 1 });

/** An entry set aside: what was stored, untouched, and why. */
export interface SetAside {
  at: IsoDate;
  reason: 'illisible' | 'version';
  raw: unknown;
}

type Raw = Record<string, unknown>;
/** Migrations of one entry, by the format they produce: MIGRATIONS[2] turns a format-1 entry into format 2. None yet: format 1 is the first. */
export type Migrations = Record<number, (entry: Raw) => Raw>;
export const MIGRATIONS: Migrations = {};

const isObject = (v: unknown): v is Raw => !!v && typeof v === 'object' && !Array.isArray(v);
const str = (v: unknown): v is string => typeof v === 'string';
const date = (v: unknown): v is IsoDate => str(v) && isIsoDate(v);
const optDate = (v: unknown) => v === undefined || date(v);
const nullableDate = (v: unknown) => v === null || date(v);

function readStep(v: unknown): DossierStep | null {
  if (!isObject(v) || !date(v.date) || !str(v.uid) || !str(v.title)) return null;
  if (!(v.rank === null || (typeof v.rank === 'number' && Number.isInteger(v.rank) && v.rank >= 0 && v.rank <= 5))) return null;
  if (!optDate(v.deadline) || !(v.printed === undefined || typeof v.printed === 'boolean')) return null;
  if (!(v.registered === undefined || (isObject(v.registered) && str(v.registered.number)))) return null;
  const step: DossierStep = { date: v.date, rank: v.rank, uid: v.uid, title: v.title };
  if (v.deadline) step.deadline = v.deadline as IsoDate;
  if (v.printed) step.printed = true;
  if (v.registered) step.registered = { number: (v.registered as { number: string }).number };
  return step;
}

function readRecipient(v: unknown): DossierRecipient | null {
  if (!isObject(v)) return null;
  const fields = ['email', 'name', 'company', 'civilite', 'address'] as const;
  if (!fields.every((f) => str(v[f]))) return null;
  return { email: v.email as string, name: v.name as string, company: v.company as string, civilite: v.civilite as string, address: v.address as string };
}

/** One stored entry of the current format, checked field by field; null when anything does not read. */
export function readDossier(v: unknown): Dossier | null {
  if (!isObject(v) || !str(v.id) || !v.id || !str(v.invoice) || !v.invoice.trim()) return null;
  if (v.client !== 'pro' && v.client !== 'particulier') return null;
  if (v.status !== 'ouvert' && v.status !== 'paye') return null;
  if (!(v.amount === null || (typeof v.amount === 'number' && Number.isFinite(v.amount)))) return null;
  if (!nullableDate(v.invoiceDate) || !nullableDate(v.dueDate)) return null;
  if (!optDate(v.paidOn) || !optDate(v.thankedOn) || !optDate(v.closedOn)) return null;
  if (!str(v.createdAt) || !str(v.updatedAt) || !Array.isArray(v.steps)) return null;
  const recipient = readRecipient(v.recipient);
  const steps = v.steps.map(readStep);
  if (!recipient || steps.some((s) => !s)) return null;
  const d: Dossier = {
    id: v.id,
    invoice: v.invoice,
    client: v.client,
    recipient,
    amount: v.amount as number | null,
    invoiceDate: v.invoiceDate as IsoDate | null,
    dueDate: v.dueDate as IsoDate | null,
    steps: steps as DossierStep[],
    status: v.status,
    createdAt: v.createdAt,
    updatedAt: v.updatedAt,
  };
  if (v.paidOn) d.paidOn = v.paidOn as IsoDate;
  if (v.thankedOn) d.thankedOn = v.thankedOn as IsoDate;
  if (v.closedOn) d.closedOn = v.closedOn as IsoDate;
  return d;
}

/** Brings an entry to the current format: migrated, or « newer » (written by a later Modèles), or null (unreadable). */
export function migrateEntry(raw: unknown, migrations: Migrations = MIGRATIONS, current = DOSSIER_FORMAT): Dossier | 'newer' | null {
  if (!isObject(raw) || typeof raw.format !== 'number' || !Number.isInteger(raw.format) || raw.format < 1) return null;
  if (raw.format > current) return 'newer';
  let entry: Raw = raw;
  for (let to = raw.format + 1; to <= current; to++) {
    const step = migrations[to];
    if (!step) return null;
    try {
      entry = step(entry);
    } catch {
      return null;
    }
  }
  return readDossier(entry);
}

export function toStored(d: Dossier): Raw {
  return { format: DOSSIER_FORMAT, ...d };
}

export async function getSettings(): Promise<DossierSettings> {
  const v: unknown = await dossierSettings.getValue();
  if (!isObject(v)) return { ...DEFAULT_SETTINGS };
  const months = typeof v.retentionMonths === 'number' && (RETENTION_CHOICES as readonly number[]).includes(v.retentionMonths) ? v.retentionMonths : DEFAULT_SETTINGS.retentionMonths;
  return { tracking: v.tracking !== false, retentionMonths: months };
}

export async function saveSettings(next: DossierSettings): Promise<void> {
  await dossierSettings.setValue(next);
}

/** The day a closed dossier will be deleted. */
export function expiresOn(d: Dossier, settings: DossierSettings): IsoDate | null {
  return d.status === 'paye' && d.closedOn ? addMonths(d.closedOn, settings.retentionMonths) : null;
}

export function isExpired(d: Dossier, settings: DossierSettings, today: IsoDate): boolean {
  const end = expiresOn(d, settings);
  return !!end && end <= today;
}

export interface StoredDossiers {
  dossiers: Dossier[];
  settings: DossierSettings;
  /** How many entries are set aside (damaged, or from a newer version). */
  setAside: number;
  /** French sentences about what had to be set aside during this read. */
  problems: string[];
}

async function readQuarantine(): Promise<SetAside[]> {
  const v: unknown = await dossiersQuarantine.getValue();
  return Array.isArray(v) ? v.filter((e): e is SetAside => isObject(e) && date(e.at) && (e.reason === 'illisible' || e.reason === 'version')) : [];
}

function plural(n: number, one: string, many: string): string {
  return n === 1 ? one : many.replace('#', String(n));
}

/**
 * Every dossier, checked; what does not read is set aside and said; what is
 * past its retention period is deleted. With tracking off, nothing is kept.
 */
export async function loadDossiers(now = new Date()): Promise<StoredDossiers> {
  const today = toIsoDate(now);
  const settings = await getSettings();
  const raw: unknown = await dossiersItem.getValue();
  const quarantine = await readQuarantine();
  const problems: string[] = [];
  let list: unknown[] = [];
  let dirty = false;
  if (Array.isArray(raw)) list = raw;
  else if (raw !== null && raw !== undefined) {
    quarantine.push({ at: today, reason: 'illisible', raw });
    problems.push('La liste des relances en cours était illisible (données abîmées) : elle a été mise de côté et remplacée par une liste vide.');
    dirty = true;
  }
  const dossiers: Dossier[] = [];
  let bad = 0;
  let newer = 0;
  for (const entry of list) {
    const read = migrateEntry(entry);
    if (read && read !== 'newer') {
      dossiers.push(read);
      if (isObject(entry) && entry.format !== DOSSIER_FORMAT) dirty = true;
    } else {
      quarantine.push({ at: today, reason: read === 'newer' ? 'version' : 'illisible', raw: entry });
      if (read === 'newer') newer++;
      else bad++;
      dirty = true;
    }
  }
  if (bad) problems.push(`${plural(bad, 'Un dossier de relance enregistré était illisible (données abîmées) : il a été mis de côté', '# dossiers de relance enregistrés étaient illisibles (données abîmées) : ils ont été mis de côté')}. Les autres dossiers sont intacts.`);
  if (newer) problems.push(`${plural(newer, 'Un dossier de relance a été enregistré par une version plus récente de Modèles : il a été mis de côté, sans être modifié', '# dossiers de relance ont été enregistrés par une version plus récente de Modèles : ils ont été mis de côté, sans être modifiés')}. Les autres dossiers sont intacts.`);
  const kept = dossiers.filter((d) => !isExpired(d, settings, today));
  const keptAside = quarantine.filter((q) => addMonths(q.at, settings.retentionMonths) > today);
  if (kept.length !== dossiers.length || keptAside.length !== quarantine.length) dirty = true;
  if (!settings.tracking && (kept.length || keptAside.length)) {
    await clearAll();
    return { dossiers: [], settings, setAside: 0, problems: [] };
  }
  if (dirty) {
    await dossiersItem.setValue(kept.map(toStored));
    await dossiersQuarantine.setValue(keptAside);
  }
  return { dossiers: kept, settings, setAside: keptAside.length, problems };
}

export async function saveDossiers(dossiers: Dossier[]): Promise<void> {
  await dossiersItem.setValue(dossiers.map(toStored));
}

/** Changes one dossier (read, checked, written back). Throws a French message when it is gone. */
export async function updateDossier(id: string, change: (d: Dossier) => Dossier, now = new Date()): Promise<Dossier> {
  const { dossiers } = await loadDossiers(now);
  const current = dossiers.find((d) => d.id === id);
  if (!current) throw new Error('Ce dossier n’existe plus : il a peut-être été supprimé dans un autre onglet.');
  const next = { ...change(current), updatedAt: now.toISOString() };
  await saveDossiers(dossiers.map((d) => (d.id === id ? next : d)));
  return next;
}

export async function deleteDossier(id: string): Promise<void> {
  const { dossiers } = await loadDossiers();
  await saveDossiers(dossiers.filter((d) => d.id !== id));
}

/** « Payée »: closes the dossier on that day; the retention period starts. */
export function markPaid(d: Dossier, paidOn: IsoDate): Dossier {
  return { ...d, status: 'paye', paidOn, closedOn: paidOn };
}

/** Opens a closed dossier again (paid by mistake). */
export function reopen(d: Dossier): Dossier {
  const { paidOn: _p, closedOn: _c, thankedOn: _t, ...rest } = d;
  return { ...rest, status: 'ouvert' };
}

/** Deletes every dossier and every set-aside entry. */
export async function clearAll(): Promise<void> {
  await dossiersItem.setValue([]);
  await dossiersQuarantine.setValue([]);
}

export async function clearSetAside(): Promise<void> {
  await dossiersQuarantine.setValue([]);
}

/** Tracking off deletes everything at once; on starts again from nothing. */
export async function setTracking(on: boolean): Promise<void> {
  const settings = await getSettings();
  if (!on) await clearAll();
  await saveSettings({ ...settings, tracking: on });
}

/** Deletes what is past its retention period (called by the background on its schedule, and on every read). */
export async function purgeExpired(now = new Date()): Promise<void> {
  await loadDossiers(now);
}
