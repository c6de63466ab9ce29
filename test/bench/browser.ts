/**
 * The in-browser part of `npm run bench`: the built extension in Debian's
 * Chromium on the test mailboxes.
 *  - palette open time (click on « Modèles » → search field painted) and insert
 *    time (click on « Insérer » → letter in the draft), in Gmail and Outlook,
 *    measured inside the page with performance.now() and animation frames;
 *  - JS heap of the page with Modèles and every pack loaded, minus the same page
 *    without the extension (content scripts share the page's heap);
 *  - main-thread script time while the page mutates heavily, with no compose
 *    open and with one, minus the same page without the extension.
 */
import type { Page } from 'playwright-core';
import { BUILTIN_TEMPLATES, buildPack } from '../../lib/packs/build';
import { packToFile } from '../../lib/packs/validate';
import { launch, type Browser } from '../e2e/harness';
import { serveGmail } from '../e2e/pages/gmail';
import { serveOutlook } from '../e2e/pages/outlook';

export interface Stats {
  median: number;
  p95: number;
  max: number;
  samples: number;
}

export function stats(samples: number[]): Stats {
  const s = samples.toSorted((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
  return { median: at(0.5), p95: at(0.95), max: s[s.length - 1]!, samples: s.length };
}

const f = (n: number) => n.toFixed(1);

const OPENS = 20;
const INSERTS = 8;
/** Templates in the extra pack installed for the heap measure, on top of the built-in library. */
const EXTRA_PACK_TEMPLATES = 1000;

const GMAIL = 'https://mail.google.com/mail/u/0/?hl=fr#inbox';
const OUTLOOK = 'https://outlook.office.com/mail/inbox?hl=fr';

/** Clicks « Modèles » in the last compose and waits, in the page, for the search field to be painted. */
function timeOpen(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const buttons = [...document.querySelectorAll('modeles-button')].map((h) => h.shadowRoot?.querySelector('button')).filter((b) => b);
    const button = buttons.at(-1) as HTMLButtonElement;
    // oxlint-disable-next-line unicorn/consistent-function-scoping -- runs in the page: it cannot use the module's scope
    const field = () => document.querySelector('modeles-palette')?.shadowRoot?.querySelector('[role="combobox"]');
    const t0 = performance.now();
    button.click();
    await new Promise<void>((resolve) => {
      const check = () => (field()?.getBoundingClientRect().height ? resolve() : requestAnimationFrame(check));
      check();
    });
    // The frame that paints it.
    await new Promise((r) => requestAnimationFrame(r));
    return performance.now() - t0;
  });
}

/** Clicks « Insérer » and waits, in the page, for one more message body to hold the letter. */
function timeInsert(page: Page, bodySelector: string, expected: string): Promise<number> {
  return page.evaluate(
    async ([selector, text]) => {
      const root = document.querySelector('modeles-palette')!.shadowRoot!;
      const insert = [...root.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Insérer')!;
      const holding = () => [...document.querySelectorAll<HTMLElement>(selector!)].filter((b) => b.innerText.includes(text!)).length;
      const before = holding();
      const t0 = performance.now();
      insert.click();
      await new Promise<void>((resolve, reject) => {
        const check = () => {
          if (holding() > before) resolve();
          else if (performance.now() - t0 > 5000) reject(new Error('the letter did not reach the draft in 5 s'));
          else requestAnimationFrame(check);
        };
        check();
      });
      return performance.now() - t0;
    },
    [bodySelector, expected] as const,
  );
}

async function newCompose(page: Page, client: 'gmail' | 'outlook'): Promise<void> {
  if (client === 'gmail') await page.locator('[data-sim="compose"]').click();
  else await page.getByRole('button', { name: 'Nouveau message' }).click();
  await page.locator('modeles-button').last().waitFor({ state: 'attached' });
}

async function fillThanks(page: Page): Promise<void> {
  await page.getByRole('combobox', { name: 'Rechercher un modèle' }).fill('merci paiement rapide');
  await page.getByRole('option').filter({ hasText: 'Vous remerciez un client pour son paiement rapide.' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Modèles' });
  await dialog.getByLabel("Formule d'appel", { exact: true }).selectOption({ label: 'Madame' });
  for (const [label, value] of [
    ['Nom du destinataire', 'Durand'],
    ['Date du paiement reçu', '20/11/2026'],
    ['Montant reçu', '1250'],
    ['N° de facture', 'FA-2026-0142'],
    ['Votre nom', 'Claire Martin'],
  ] as const) {
    await dialog.getByLabel(label, { exact: true }).fill(value);
  }
}

async function uiTimes(b: Browser, client: 'gmail' | 'outlook'): Promise<{ firstOpen: number; open: Stats; insert: Stats }> {
  const page = await b.context.newPage();
  await page.goto(client === 'gmail' ? GMAIL : OUTLOOK);
  await newCompose(page, client);
  await page.waitForTimeout(500); // the library is fetched while the user writes
  const firstOpen = await timeOpen(page);
  await page.keyboard.press('Escape');
  const opens: number[] = [];
  for (let i = 0; i < OPENS; i++) {
    opens.push(await timeOpen(page));
    await page.keyboard.press('Escape');
    await page.getByRole('dialog', { name: 'Modèles' }).waitFor({ state: 'detached' });
  }
  const inserts: number[] = [];
  const bodySelector = '[data-sim-compose] [id$="-body"]';
  await page.close();
  for (let i = 0; i < INSERTS; i++) {
    // A fresh mailbox each time: one compose, its button, its draft.
    const fresh = await b.context.newPage();
    await fresh.goto(client === 'gmail' ? GMAIL : OUTLOOK);
    await newCompose(fresh, client);
    await fresh.locator('modeles-button').last().click();
    await fillThanks(fresh);
    inserts.push(await timeInsert(fresh, bodySelector, 'Nous avons bien reçu'));
    await fresh.close();
  }
  return { firstOpen, open: stats(opens), insert: stats(inserts) };
}

/** A pack of `n` templates made from the built-in ones, stored as the settings page would. */
function bigPackEntry(n: number): object {
  const { pack } = buildPack(BUILTIN_TEMPLATES);
  const file = packToFile(pack!);
  const templates = Array.from({ length: n }, (_, i) => {
    const t = file.templates[i % file.templates.length]!;
    return { ...t, id: `${t.id}-${i}`, title: `${t.title} (variante ${i})` };
  });
  const now = new Date().toISOString();
  return { pack: { ...file, id: 'pack-volumineux', name: 'Pack volumineux', templates }, origin: { kind: 'file' }, enabled: true, installedAt: now, updatedAt: now };
}

/** Used JS heap of the page after a full GC, in bytes. */
async function heapUsed(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  return usedSize;
}

/** Script time on the page's main thread (DevTools metrics), in ms, while `work` runs. */
async function scriptTime(page: Page, work: () => Promise<void>): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const read = async () => ((await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] }).metrics.find((m) => m.name === 'ScriptDuration')!.value;
  const before = await read();
  await work();
  return ((await read()) - before) * 1000;
}

/** Thousands of DOM mutations per second in the mail page, for `ms`, away from any compose. */
function mutationStorm(page: Page, ms: number): Promise<void> {
  return page.evaluate(async (duration) => {
    const box = document.createElement('div');
    document.body.append(box);
    const end = performance.now() + duration;
    let n = 0;
    while (performance.now() < end) {
      for (let i = 0; i < 50; i++) {
        const row = document.createElement('div');
        row.className = 'zA';
        row.textContent = `Message ${n++}`;
        box.append(row);
        if (box.childElementCount > 200) box.firstElementChild!.remove();
      }
      await new Promise((r) => setTimeout(r, 4));
    }
    box.remove();
  }, ms);
}

interface CostSample {
  heapBytes: number;
  idleStormMs: number;
  composeStormMs: number;
}

async function pageCosts(b: Browser, withExtension: boolean): Promise<CostSample> {
  const page = await b.context.newPage();
  await page.goto(GMAIL);
  await page.waitForTimeout(300);
  const idleStormMs = await scriptTime(page, () => mutationStorm(page, 3000));
  await newCompose(page, 'gmail').catch(() => page.locator('[data-sim-compose]').last().waitFor());
  if (withExtension) {
    await page.locator('modeles-button').last().click();
    await page.getByRole('combobox', { name: 'Rechercher un modèle' }).fill('relance');
    await page.getByRole('option').first().waitFor();
    await page.keyboard.press('Escape');
  }
  await page.waitForTimeout(300);
  const composeStormMs = await scriptTime(page, () => mutationStorm(page, 3000));
  const heapBytes = await heapUsed(page);
  await page.close();
  return { heapBytes, idleStormMs, composeStormMs };
}

export async function browserBench(): Promise<{ rows: string[]; results: Record<string, unknown> }> {
  const rows: string[] = [];
  const results: Record<string, unknown> = {};

  const b = await launch();
  // tsx names functions with a `__name` helper, which the functions sent to page.evaluate take along.
  await b.context.addInitScript('globalThis.__name = (f) => f');
  await serveGmail(b.context);
  await serveOutlook(b.context);
  rows.push('| mesure dans le navigateur | médiane (ms) | p95 (ms) | max (ms) | essais |', '| --- | --- | --- | --- | --- |');
  for (const client of ['gmail', 'outlook'] as const) {
    const t = await uiTimes(b, client);
    results[client] = t;
    rows.push(`| ${client} : première ouverture de la palette | ${f(t.firstOpen)} | | | 1 |`);
    rows.push(`| ${client} : ouverture de la palette | ${f(t.open.median)} | ${f(t.open.p95)} | ${f(t.open.max)} | ${t.open.samples} |`);
    rows.push(`| ${client} : insertion | ${f(t.insert.median)} | ${f(t.insert.p95)} | ${f(t.insert.max)} | ${t.insert.samples} |`);
  }
  // Every pack loaded: the built-in library and a big team pack.
  await b.worker.evaluate(async (entry) => {
    await (globalThis as never as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }).chrome.storage.local.set({ packs: [entry] });
  }, bigPackEntry(EXTRA_PACK_TEMPLATES));
  const withExt = await pageCosts(b, true);
  await b.close();

  const bare = await launch({ extension: false });
  await bare.context.addInitScript('globalThis.__name = (f) => f');
  await serveGmail(bare.context);
  const without = await pageCosts(bare, false);
  await bare.close();

  const heap = withExt.heapBytes - without.heapBytes;
  results.costs = { withExtension: withExt, withoutExtension: without, heapBytes: heap, extraPackTemplates: EXTRA_PACK_TEMPLATES };
  rows.push('', '| coût dans la page Gmail (avec Modèles − sans) | valeur |', '| --- | --- |');
  rows.push(`| tas JS, bibliothèque + pack de ${EXTRA_PACK_TEMPLATES} modèles chargés, palette ouverte une fois | ${(heap / 1024 / 1024).toFixed(1)} Mo |`);
  rows.push(`| temps de script pendant 3 s de mutations (~12 000 nœuds ajoutés/s), aucune fenêtre de rédaction | ${f(withExt.idleStormMs - without.idleStormMs)} ms |`);
  rows.push(`| temps de script pendant 3 s de mutations, une fenêtre de rédaction ouverte | ${f(withExt.composeStormMs - without.composeStormMs)} ms |`);
  return { rows, results };
}
