/**
 * Background: forwards the keyboard command to the active tab; serves the
 * library (the built-in pack plus the enabled installed packs) to content
 * scripts, so that it is never bundled into them; refreshes subscribed packs
 * on a schedule spread over the period (lib/packs/schedule.ts); applies the IT
 * policy's pack list (storage.managed); opens the print view of a letter
 * (lib/print/session.ts); deletes closed dossiers past their retention period
 * at browser start (and the palette and settings page do at every read).
 */
import browser from 'webextension-polyfill';
import { defineBackground } from 'wxt/utils/define-background';
import { isMessage, OPEN_PALETTE_COMMAND, type Message } from '../lib/messages';
import { assembleLibrary, type AssembledLibrary, type SearchLibrary } from '../lib/packs/library';
import { searchLibrary } from '../lib/packs/search-library';
import { keep, outdate, readKept } from '../lib/packs/search-cache';
import { drawPhase, overdueDelay } from '../lib/packs/schedule';
import { builtinEnabled, dropManagedExcept, loadPacks, PERSONAL_PACK_ID, updatePhase } from '../lib/packs/store';
import { applyPolicy, nextDue, refreshAll, refreshDue } from '../lib/packs/subscribe';
import { personalEntry, readPersonal } from '../lib/personal/local';
import { isPersonalMessage } from '../lib/personal/messages';
import { createService, SYNC_ALARM, SYNC_ALARM_MINUTES, touchesSync } from '../lib/personal/service';
import type { Pack } from '../lib/packs/validate';
import { loadDossiers, purgeExpired } from '../lib/dossiers/store';
import { dossierLetter, dossierOffers, recordByUid } from '../lib/dossiers/service';
import { openPrintView } from '../lib/print/session';
import { packagedOnce } from '../lib/packaged';
import { getRecent, getRemembered, getSenderBlockSetting, markUsed, remember } from '../lib/storage';

export const REFRESH_ALARM = 'refresh-packs';

let library: Promise<AssembledLibrary> | null = null;

/** The built-in library: library.json, built from templates/ and checked at build time. */
const loadBuiltin = packagedOnce<Pack>('/library.json');

/** « Mes modèles »: written and synced by the background only (lib/personal/service.ts). */
const personal = createService({ onWritten: () => libraryChanged() });

export function loadLibrary(): Promise<AssembledLibrary> {
  library ??= Promise.all([loadBuiltin(), builtinEnabled.getValue(), loadPacks(), readPersonal()])
    .then(([pack, on, stored, mine]) => assembleLibrary(pack, on !== false, [...stored.packs.filter((p) => p.pack.id !== PERSONAL_PACK_ID), personalEntry(mine.data)]))
    .catch((error: unknown) => {
      library = null;
      throw error;
    });
  return library;
}

/** The search entries and index of the library: prepared once, and kept across the background's restarts (search-cache.ts). */
let search: Promise<SearchLibrary> | null = null;

export function loadSearch(): Promise<SearchLibrary> {
  search ??= readKept()
    .then(async ({ generation, library: kept }) => {
      if (kept) return kept;
      const prepared = searchLibrary(await loadLibrary());
      void keep(generation, prepared);
      return prepared;
    })
    .catch((error: unknown) => {
      search = null;
      throw error;
    });
  return search;
}

/** A pack, the built-in switch or « Mes modèles » changed: assemble and prepare again when asked. */
function libraryChanged(): void {
  library = null;
  search = null;
  void outdate();
}

export async function forwardCommand(command: string, tab?: browser.Tabs.Tab): Promise<void> {
  if (command !== OPEN_PALETTE_COMMAND) return;
  const target = tab?.id !== undefined ? tab : (await browser.tabs.query({ active: true, currentWindow: true }))[0];
  if (target?.id === undefined) return;
  const message: Message = { type: 'open-palette' };
  // No content script in that tab (not a mail page): nothing to open.
  await browser.tabs.sendMessage(target.id, message).catch(() => undefined);
}

/** The pack URLs the IT department pushes through policy (see README « Déploiement »), or [] without a policy. */
async function policyUrls(): Promise<string[]> {
  try {
    const { packUrls } = await browser.storage.managed.get('packUrls');
    return Array.isArray(packUrls) ? packUrls.filter((u): u is string => typeof u === 'string') : [];
  } catch {
    return [];
  }
}

/** This browser's phase in the update period: drawn once, then kept. */
async function phase(): Promise<number> {
  const kept = await updatePhase.getValue();
  if (typeof kept === 'number') return kept;
  const drawn = drawPhase();
  await updatePhase.setValue(drawn);
  return drawn;
}

/**
 * Sets the alarm for the next check: the earliest pack due, or a policy pack
 * not installed yet (after a random delay, never at once). An alarm already
 * set earlier is kept, so that re-planning never pushes a check back.
 */
export async function planRefresh(now = Date.now()): Promise<number | null> {
  const overdue = overdueDelay();
  const urls = await policyUrls();
  // The policy dropped a pack: remove it now (no request needed).
  await dropManagedExcept(urls);
  const { packs } = await loadPacks();
  const installed = new Set(packs.map((p) => (p.origin.kind === 'url' ? p.origin.url : '')));
  let when = await nextDue(await phase(), now, overdue);
  if (urls.some((u) => !installed.has(u))) when = Math.min(when ?? Infinity, now + overdue);
  const current = await browser.alarms.get(REFRESH_ALARM);
  if (current && current.scheduledTime > now && (when === null || current.scheduledTime <= when)) return current.scheduledTime;
  if (when === null) {
    await browser.alarms.clear(REFRESH_ALARM);
    return null;
  }
  await browser.alarms.create(REFRESH_ALARM, { when });
  return when;
}

/** The alarm: the policy's packs, the packs due, then the next alarm. */
export async function scheduledRefresh(): Promise<void> {
  try {
    await applyPolicy(await policyUrls());
    await refreshDue(await phase());
  } finally {
    await planRefresh();
  }
}

/** « Mes modèles »' sync: a pass soon, and one every quarter of an hour to retry what could not be written. */
function startPersonalSync(): void {
  void browser.alarms.create(SYNC_ALARM, { periodInMinutes: SYNC_ALARM_MINUTES, delayInMinutes: SYNC_ALARM_MINUTES });
  personal.schedule();
}

export default defineBackground(() => {
  browser.commands.onCommand.addListener((command, tab) => void forwardCommand(command, tab));
  browser.runtime.onMessage.addListener((message: unknown) => {
    if (isMessage(message, 'get-library')) return loadLibrary();
    if (isMessage(message, 'get-search')) return loadSearch();
    if (isMessage(message, 'get-preferences')) return Promise.all([getRecent(), getRemembered(), getSenderBlockSetting()]).then(([recent, remembered, senderBlock]) => ({ recent, remembered, senderBlock }));
    if (isMessage(message, 'template-used')) return Promise.all([remember(message.remember, message.profile), markUsed(message.uid)]).then(() => undefined);
    if (isMessage(message, 'refresh-packs')) return refreshAll().finally(() => void planRefresh());
    if (isPersonalMessage(message)) return personal.handle(message);
    if (isMessage(message, 'open-print')) return openPrintView(message.request);
    if (isMessage(message, 'get-dossiers')) return loadDossiers();
    if (isMessage(message, 'get-dossier-offers')) return loadLibrary().then((lib) => dossierOffers(lib.templates));
    if (isMessage(message, 'get-dossier-letter')) return loadLibrary().then((lib) => dossierLetter(lib.templates, message.key, message.uid));
    if (isMessage(message, 'record-letter')) return loadLibrary().then((lib) => recordByUid(lib.templates, message.letter));
    return undefined;
  });
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && ('packs' in changes || 'builtinEnabled' in changes || 'personal' in changes)) libraryChanged();
    // A pack subscribed or removed, a policy changed: the next check may move (never to now: see planRefresh).
    if ((area === 'local' && 'packs' in changes) || area === 'managed') void planRefresh();
    if (area === 'sync' && touchesSync(changes)) personal.schedule();
  });
  // At install and browser start: plan the checks, spread over the period; nothing is fetched at once.
  browser.runtime.onInstalled.addListener(() => void planRefresh());
  browser.runtime.onStartup.addListener(() => void planRefresh());
  browser.runtime.onInstalled.addListener(startPersonalSync);
  browser.runtime.onStartup.addListener(startPersonalSync);
  browser.runtime.onStartup.addListener(() => void purgeExpired().catch(() => undefined));
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === REFRESH_ALARM) void scheduledRefresh();
    if (alarm.name === SYNC_ALARM) void personal.sync();
  });
});
