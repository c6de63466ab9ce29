/**
 * Background: forwards the keyboard command to the active tab; serves the
 * library (the built-in pack plus the enabled installed packs) to content
 * scripts, so that it is never bundled into them; refreshes subscribed packs
 * on a schedule; applies the IT policy's pack list (storage.managed); opens
 * the print view of a letter; deletes closed dossiers past their retention period.
 */
import browser from 'webextension-polyfill';
import { defineBackground } from 'wxt/utils/define-background';
import { isMessage, OPEN_PALETTE_COMMAND, type Message } from '../lib/messages';
import { assembleLibrary, type AssembledLibrary } from '../lib/packs/library';
import { builtinEnabled, loadPacks } from '../lib/packs/store';
import { applyPolicy, refreshAll } from '../lib/packs/subscribe';
import { purgeExpired } from '../lib/dossiers/store';
import { openPrintView } from '../lib/print/session';
import type { Pack } from '../lib/packs/validate';

export const REFRESH_ALARM = 'refresh-packs';
export const REFRESH_MINUTES = 6 * 60;
/** The schedule leaves alone a pack checked less than this long ago. */
const RECENTLY_CHECKED_MS = 30 * 60_000;

let builtin: Promise<Pack> | null = null;
let library: Promise<AssembledLibrary> | null = null;

/** The built-in library: library.json, built from templates/ and checked at build time. */
function loadBuiltin(): Promise<Pack> {
  builtin ??= fetch(browser.runtime.getURL('/library.json'))
    .then((r) => r.json() as Promise<Pack>)
    .catch((error: unknown) => {
      builtin = null;
      throw error;
    });
  return builtin;
}

export function loadLibrary(): Promise<AssembledLibrary> {
  library ??= Promise.all([loadBuiltin(), builtinEnabled.getValue(), loadPacks()])
    .then(([pack, on, stored]) => assembleLibrary(pack, on !== false, stored.packs))
    .catch((error: unknown) => {
      library = null;
      throw error;
    });
  return library;
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

export async function scheduledRefresh(): Promise<void> {
  await purgeExpired().catch(() => undefined);
  await applyPolicy(await policyUrls());
  await refreshAll(undefined, RECENTLY_CHECKED_MS);
}

/** On install and browser start: the periodic refresh alarm, and a refresh now. */
function schedule(): void {
  void browser.alarms.create(REFRESH_ALARM, { periodInMinutes: REFRESH_MINUTES, delayInMinutes: 1 });
  void scheduledRefresh();
}

export default defineBackground(() => {
  browser.commands.onCommand.addListener((command, tab) => void forwardCommand(command, tab));
  browser.runtime.onMessage.addListener((message: unknown) => {
    if (isMessage(message, 'get-library')) return loadLibrary();
    if (isMessage(message, 'refresh-packs')) return refreshAll();
    if (isMessage(message, 'open-print')) return openPrintView(message.letter);
    return undefined;
  });
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && ('packs' in changes || 'builtinEnabled' in changes)) library = null;
    if (area === 'managed') void scheduledRefresh();
  });
  browser.runtime.onInstalled.addListener(schedule);
  browser.runtime.onStartup.addListener(schedule);
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === REFRESH_ALARM) void scheduledRefresh();
  });
});
