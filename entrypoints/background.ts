/**
 * Background: forwards the keyboard command to the active tab, and serves the
 * built-in library (library.json, built from templates/) to content scripts,
 * so that it is never bundled into them.
 */
import browser from 'webextension-polyfill';
import { defineBackground } from 'wxt/utils/define-background';
import { isMessage, OPEN_PALETTE_COMMAND, type Message } from '../lib/messages';
import type { Library } from '../lib/templates/types';

let library: Promise<Library> | null = null;

export function loadLibrary(): Promise<Library> {
  library ??= fetch(browser.runtime.getURL('/library.json'))
    .then((r) => r.json() as Promise<Library>)
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

export default defineBackground(() => {
  browser.commands.onCommand.addListener((command, tab) => void forwardCommand(command, tab));
  browser.runtime.onMessage.addListener((message: unknown) => {
    if (isMessage(message, 'get-library')) return loadLibrary();
    return undefined;
  });
});
