/**
 * Packs subscribed to by URL: fetched with If-None-Match / If-Modified-Since,
 * replaced only by a valid, newer version, and never lost on a failure (404,
 * timeout, broken file): the installed version stays, the error is recorded
 * for the settings page. Used by the settings page (subscribe, « Mettre à jour »)
 * and by the background (schedule, IT policy).
 */
import gt from 'semver/functions/gt';
import { checkPackUrl, downloadPack, PackServerBusy, type Download, type Fetcher } from './download';
import { afterCheck, dueAt, type CheckOutcome, type Random } from './schedule';
import { dropManagedExcept, installPack, loadPacks, updateEntry, type InstalledPack } from './store';
import { readPack } from './validate';

export { checkPackUrl, downloadPack, FETCH_TIMEOUT_MS, PackServerBusy, PackUnreachable, type Download, type Fetcher } from './download';

/** Subscribes to a pack: downloads, checks, installs. Throws a French message; installs nothing then. */
export async function subscribe(url: string, options: { managed?: boolean; fetcher?: Fetcher } = {}): Promise<InstalledPack> {
  const invalid = checkPackUrl(url);
  if (invalid) throw new Error(invalid);
  const download = await downloadPack(url, {}, options.fetcher);
  if (download.notModified) throw new Error(`Le serveur n’a pas renvoyé le pack (${url}).`);
  const { pack, errors } = readPack(download.text);
  if (!pack) throw new Error(`Le pack de ${url} n’a pas été installé : ${errors[0] ?? 'fichier invalide'}${errors.length > 1 ? ` (et ${errors.length - 1} autre(s) problème(s))` : ''}.`);
  return installPack(pack, {
    kind: 'url',
    url,
    ...(download.etag && { etag: download.etag }),
    ...(download.lastModified && { lastModified: download.lastModified }),
    checkedAt: new Date().toISOString(),
    ...(options.managed && { managed: true }),
  });
}

export interface RefreshReport {
  id: string;
  name: string;
  outcome: 'updated' | 'unchanged' | 'failed';
  message: string;
}

/** Checks one subscribed pack for a new version. Never throws: a failure is recorded on the pack, with when to ask again. */
export async function refreshPack(entry: InstalledPack, fetcher?: Fetcher, now = Date.now(), random: Random = Math.random): Promise<RefreshReport> {
  const origin = entry.origin;
  const { id, name, version } = entry.pack;
  if (origin.kind !== 'url') return { id, name, outcome: 'unchanged', message: 'pas d’abonnement' };
  const checkedAt = new Date(now).toISOString();
  // What the schedule keeps on the pack after this check: the time, and after a busy server when to ask again.
  const scheduled = (outcome: CheckOutcome) => {
    const next = afterCheck({ ...(origin.failures !== undefined && { failures: origin.failures }) }, outcome, now, random);
    return { checkedAt, ...(next.retryAt !== undefined && { retryAt: new Date(next.retryAt).toISOString(), failures: next.failures }) };
  };
  const { error: _, retryAt: _r, failures: _f, ...clean } = origin;
  const fail = async (message: string, outcome: CheckOutcome = { kind: 'failed' }): Promise<RefreshReport> => {
    await updateEntry(id, (p) => ({ ...p, origin: { ...clean, ...scheduled(outcome), error: `${message} La version ${version} installée reste utilisée.` } }));
    return { id, name, outcome: 'failed', message };
  };
  let download: Download;
  try {
    download = await downloadPack(origin.url, origin, fetcher);
  } catch (e) {
    return fail((e as Error).message, e instanceof PackServerBusy ? { kind: 'busy', ...(e.retryAfterMs !== undefined && { retryAfterMs: e.retryAfterMs }) } : { kind: 'failed' });
  }
  const done = scheduled({ kind: 'done' });
  if (download.notModified) {
    await updateEntry(id, (p) => ({ ...p, origin: { ...clean, ...done } }));
    return { id, name, outcome: 'unchanged', message: 'déjà à jour' };
  }
  const { pack, errors } = readPack(download.text);
  if (!pack) return fail(`La version publiée est invalide : ${errors[0] ?? 'fichier illisible'}.`);
  if (pack.id !== id) return fail(`Le fichier publié est un autre pack (« ${pack.id} »).`);
  const cache = { ...(download.etag && { etag: download.etag }), ...(download.lastModified && { lastModified: download.lastModified }) };
  if (!gt(pack.version, version)) {
    await updateEntry(id, (p) => ({ ...p, origin: { ...clean, ...cache, ...done } }));
    return { id, name, outcome: 'unchanged', message: `version publiée ${pack.version}, pas plus récente` };
  }
  await installPack(pack, { ...clean, ...cache, ...done });
  return { id, name, outcome: 'updated', message: `${version} → ${pack.version}` };
}

/** Checks every subscribed pack now, one after the other (« Mettre à jour »: the user asked). */
export async function refreshAll(fetcher?: Fetcher): Promise<RefreshReport[]> {
  const { packs } = await loadPacks();
  const reports: RefreshReport[] = [];
  for (const entry of packs.filter((p) => p.origin.kind === 'url')) reports.push(await refreshPack(entry, fetcher));
  return reports;
}

const time = (iso?: string) => (iso && !Number.isNaN(Date.parse(iso)) ? Date.parse(iso) : undefined);

/** When a subscribed pack is next due, by the schedule (schedule.ts). */
export function packDueAt(entry: InstalledPack, phase: number, now: number, overdue: number): number | null {
  const origin = entry.origin;
  if (origin.kind !== 'url') return null;
  const checkedAt = time(origin.checkedAt);
  const retryAt = time(origin.retryAt);
  return dueAt({ ...(checkedAt !== undefined && { checkedAt }), ...(retryAt !== undefined && { retryAt }) }, phase, now, overdue);
}

/** Checks the subscribed packs that the schedule says are due at `now`, one after the other. */
export async function refreshDue(phase: number, now = Date.now(), fetcher?: Fetcher): Promise<RefreshReport[]> {
  const { packs } = await loadPacks();
  const reports: RefreshReport[] = [];
  // A pack due "after the overdue delay" is due now: this run is that delay's end.
  for (const entry of packs.filter((p) => (packDueAt(p, phase, now, 0) ?? Infinity) <= now)) reports.push(await refreshPack(entry, fetcher, now));
  return reports;
}

/** The earliest time a subscribed pack is due, or null without subscriptions. */
export async function nextDue(phase: number, now: number, overdue: number): Promise<number | null> {
  const { packs } = await loadPacks();
  const times = packs.map((p) => packDueAt(p, phase, now, overdue)).filter((t): t is number => t !== null);
  return times.length ? Math.min(...times) : null;
}

/** Makes the installed packs follow the IT policy's list of pack URLs (storage.managed): subscribe, and drop what the policy no longer lists. */
export async function applyPolicy(urls: string[], fetcher?: Fetcher): Promise<string[]> {
  const problems: string[] = [];
  const { packs } = await loadPacks();
  for (const url of urls) {
    const existing = packs.find((p) => p.origin.kind === 'url' && p.origin.url === url);
    if (existing) {
      if (existing.origin.kind === 'url' && !existing.origin.managed) await updateEntry(existing.pack.id, (p) => ({ ...p, origin: { ...(p.origin as { kind: 'url'; url: string }), managed: true } }));
      continue;
    }
    try {
      await subscribe(url, { managed: true, ...(fetcher && { fetcher }) });
    } catch (e) {
      problems.push((e as Error).message);
    }
  }
  await dropManagedExcept(urls);
  return problems;
}
