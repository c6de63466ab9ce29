/**
 * Handing a letter to the print view: the background keeps the request in
 * storage.session (memory only, gone when the browser closes, never synced) and
 * opens the extension's print page in a new tab with the entry's id in its
 * hash. Nothing of the letter goes into the URL or the browsing history. No
 * permission is needed: tabs.create without « tabs », storage.session with « storage ».
 */
import browser from 'webextension-polyfill';
import type { PrintRequest } from './request';

const PREFIX = 'print:';
/** Print views kept at once; older ones are dropped (their tabs then say the letter is gone). */
export const KEPT = 10;

export async function openPrintView(request: PrintRequest): Promise<string> {
  const id = globalThis.crypto.randomUUID();
  const all = await browser.storage.session.get(null);
  const old = Object.entries(all)
    .filter(([k]) => k.startsWith(PREFIX))
    .toSorted(([, a], [, b]) => String((a as { at?: string }).at ?? '').localeCompare(String((b as { at?: string }).at ?? '')))
    .map(([k]) => k);
  if (old.length >= KEPT) await browser.storage.session.remove(old.slice(0, old.length - KEPT + 1));
  await browser.storage.session.set({ [PREFIX + id]: { at: new Date().toISOString(), request } });
  await browser.tabs.create({ url: browser.runtime.getURL(`/print.html#${id}`) });
  return id;
}

/** The request of a print view, or null when it is gone (browser restarted, too many views since) or unreadable. */
export async function readPrintView(id: string): Promise<PrintRequest | null> {
  if (!id) return null;
  const key = PREFIX + id;
  const request = ((await browser.storage.session.get(key))[key] as { request?: PrintRequest } | undefined)?.request;
  const ok = request && request.template && Array.isArray(request.template.fields) && typeof request.template.body === 'string' && request.values && typeof request.at === 'number';
  return ok ? { ...request, recipients: Array.isArray(request.recipients) ? request.recipients : [] } : null;
}
