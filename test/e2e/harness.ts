/**
 * Launches Debian's Chromium with the built extension loaded, through
 * playwright-core (no downloaded browser), and gives tests the handles they need.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';

export const EXTENSION_DIR = path.resolve(process.env.MODELES_EXTENSION_DIR ?? '.output/chrome-mv3');
export const CHROMIUM = process.env.CHROMIUM_BIN ?? '/usr/lib/chromium/chromium';

export interface Browser {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  close(): Promise<void>;
}

/** `extension: false` starts the same browser without Modèles, as a baseline for measurements. */
export async function launch({
  headless = true,
  extension = true,
  viewport = { width: 1400, height: 900 },
}: { headless?: boolean; extension?: boolean; viewport?: { width: number; height: number } } = {}): Promise<Browser> {
  if (extension && !fs.existsSync(path.join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No built extension in ${EXTENSION_DIR}: run « npm run build » first.`);
  }
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'modeles-e2e-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless,
    viewport,
    locale: 'fr-FR',
    args: [
      ...(extension ? [`--disable-extensions-except=${EXTENSION_DIR}`, `--load-extension=${EXTENSION_DIR}`] : ['--disable-extensions']),
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-gpu',
    ],
  });
  const worker = extension ? (context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'))) : (null as never as Worker);
  const extensionId = extension ? new URL(worker.url()).host : '';
  return {
    context,
    worker,
    extensionId,
    async close() {
      await context.close();
      fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Sends the message the browser's keyboard command sends (Playwright cannot press a browser-level shortcut). */
export async function sendCommand(b: Browser, page: Page): Promise<void> {
  await page.bringToFront();
  await b.worker.evaluate(async () => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    if (tab?.id !== undefined) await chrome.tabs.sendMessage(tab.id, { type: 'open-palette' });
  });
}

declare const chrome: {
  tabs: {
    query(q: object): Promise<{ id?: number }[]>;
    sendMessage(id: number, message: object): Promise<unknown>;
  };
};
