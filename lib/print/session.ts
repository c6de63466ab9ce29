/**
 * Handing a letter to the print view: the background keeps it in
 * storage.session (memory only, gone when the browser closes, never synced) and
 * opens the extension's print page in a new tab with the entry's id in its
 * hash. Nothing of the letter goes into the URL or the browsing history. No
 * permission is needed: tabs.create without « tabs », storage.session with « storage ».
 */
import browser from 'webextension-polyfill';
import type { PrintLetter } from './letter';

const PREFIX = 'print:';
/** Print views kept at once; older ones are dropped (their tabs then say the letter is gone). */
export const KEPT = 10;

export async function openPrintView(letter: PrintLetter): Promise<string> {
  const id = globalThis.crypto.randomUUID();
  const all = await browser.storage.session.get(null);
  const old = Object.entries(all)
    .filter(([k]) => k.startsWith(PREFIX))
    .toSorted(([, a], [, b]) => String((a as { at?: string }).at ?? '').localeCompare(String((b as { at?: string }).at ?? '')))
    .map(([k]) => k);
  if (old.length >= KEPT) await browser.storage.session.remove(old.slice(0, old.length - KEPT + 1));
  await browser.storage.session.set({ [PREFIX + id]: { at: new Date().toISOString(), letter } });
  await browser.tabs.create({ url: browser.runtime.getURL(`/print.html#${id}`) });
  return id;
}

/** The letter of a print view, or null when it is gone (browser restarted, too many views since). */
export async function readPrintView(id: string): Promise<PrintLetter | null> {
  if (!id) return null;
  const key = PREFIX + id;
  const entry = (await browser.storage.session.get(key))[key] as { letter?: PrintLetter } | undefined;
  const letter = entry?.letter;
  return letter && Array.isArray(letter.body) && Array.isArray(letter.recipient) ? letter : null;
}
