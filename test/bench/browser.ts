/**
 * The in-browser part of `npm run bench`: the built extension in Debian's
 * Chromium on the test mailboxes.
 *  - keystroke → results painted in the palette, for realistic queries typed
 *    letter by letter, split into search, Preact render and the browser's
 *    style, layout and paint (User Timing entries the extension writes when the
 *    page carries data-modeles-bench, see lib/search/timing.ts);
 *  - cold start: from the compose opening to the palette ready (library
 *    fetched from the background, index built), with the built-in library and
 *    with 10 000 templates;
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
import { BENCH_ATTRIBUTE } from '../../lib/search/timing';
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

/** The queries of bench.ts, typed letter by letter in the palette. */
export const TYPED_QUERIES = ['relance facture impayee', 'mise en demeure', 'remerciment paiement rapide', 'echeancier client', 'report echeance', 'cheque non signe', 'colis abime', 'delai de paiement refus'];
const TYPING_ROUNDS = 3;
/** Between two keys, as a quick typist. */
const TYPING_DELAY_MS = 80;
const COLD_STARTS = 5;
/** The library size of the second cold start measure. */
export const BIG_LIBRARY = 10_000;

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
  ] as const) {
    await dialog.getByLabel(label, { exact: true }).fill(value);
  }
  // The test mailboxes' composes hold a signature: then the letter brings no sender block and the form does not ask for it.
  const sender = dialog.getByLabel('Votre nom', { exact: true });
  if (await sender.count()) await sender.fill('Claire Martin');
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

/** The first entry of `list` whose time falls within the keystroke. */
function within<T>(list: T[], at: (x: T) => number, k: { start: number; painted: number }): T | undefined {
  return list.find((x) => at(x) >= k.start && at(x) <= k.painted);
}

export interface KeystrokeTimes {
  /** keydown → the frame after the new results is painted. */
  total: Stats;
  /** The search itself (SearchIndex.search). */
  search: Stats;
  /** keydown → search starts: the key's events and the field's update. */
  input: Stats;
  /** Search done → DOM updated (Preact's diff and commit, highlighting included). */
  render: Stats;
  /** DOM updated → painted: style, layout, paint, and the wait for the frame. */
  paint: Stats;
  /** Every keystroke, split (ms), for bench.json. */
  keys: { query: string; total: number; input: number; search: number; render: number; paint: number }[];
}

/** Marks the page so that the extension writes its User Timing entries (lib/search/timing.ts). */
function benchPage(page: Page): Promise<void> {
  return page.evaluate((attribute) => document.documentElement.setAttribute(attribute, ''), BENCH_ATTRIBUTE);
}

/**
 * Keystroke → results painted in the real palette: the queries typed letter by
 * letter in Gmail's compose, each keystroke timed in the page from its keydown
 * to the end of the frame that paints its results (requestAnimationFrame, then
 * a task: the frame's style, layout and paint are done), and split with the
 * extension's own marks.
 */
export async function keystrokeTimes(b: Browser): Promise<KeystrokeTimes> {
  const page = await b.context.newPage();
  await page.goto(GMAIL);
  await benchPage(page);
  await newCompose(page, 'gmail');
  await page.waitForTimeout(500); // the library is fetched while the user writes
  await page.locator('modeles-button').last().click();
  const box = page.getByRole('combobox', { name: 'Rechercher un modèle' });
  await box.waitFor();
  await page.evaluate(() => {
    const root = document.querySelector('modeles-palette')!.shadowRoot!;
    const keys: { start: number; painted: number; query: string }[] = [];
    (globalThis as never as { modelesKeys: typeof keys }).modelesKeys = keys;
    let down: number | null = null;
    root.addEventListener('keydown', (e) => (down = e.timeStamp), true);
    root.addEventListener(
      'input',
      (e) => {
        const start = down ?? e.timeStamp;
        const query = (e.target as HTMLInputElement).value;
        down = null;
        // The results are rendered right after this event (Preact renders in a microtask); the next
        // animation frame lays them out and paints them; a task posted from it runs once that frame is done.
        requestAnimationFrame(() => {
          const channel = new MessageChannel();
          channel.port1.addEventListener('message', () => keys.push({ start, painted: performance.now(), query }));
          channel.port1.start();
          channel.port2.postMessage(null);
        });
      },
      true,
    );
  });
  for (let round = 0; round < TYPING_ROUNDS; round++) {
    for (const query of TYPED_QUERIES) {
      await box.fill('');
      await page.waitForTimeout(150);
      await box.pressSequentially(query, { delay: TYPING_DELAY_MS });
      await page.waitForTimeout(150);
    }
  }
  const { keys, searches, commits } = await page.evaluate(() => ({
    keys: (globalThis as never as { modelesKeys: { start: number; painted: number; query: string }[] }).modelesKeys,
    searches: performance.getEntriesByName('modeles:search').map((e) => ({ start: e.startTime, end: e.startTime + e.duration })),
    commits: performance.getEntriesByName('modeles:commit').map((e) => e.startTime),
  }));
  await page.close();
  const typed = keys.filter((k) => k.query);
  const split = typed.flatMap((k) => {
    const search = within(searches, (x) => x.start, k);
    const commit = within(commits, (x) => x, k);
    return search && commit && commit >= search.end ? [{ k, search, commit }] : [];
  });
  if (split.length < typed.length * 0.9) throw new Error(`keystrokes: only ${split.length} of ${typed.length} have the extension's marks (is it built from this tree?)`);
  return {
    total: stats(typed.map((k) => k.painted - k.start)),
    input: stats(split.map(({ k, search }) => search.start - k.start)),
    search: stats(split.map(({ search }) => search.end - search.start)),
    render: stats(split.map(({ search, commit }) => commit - search.end)),
    paint: stats(split.map(({ k, commit }) => k.painted - commit)),
    keys: split.map(({ k, search, commit }) => ({ query: k.query, total: k.painted - k.start, input: search.start - k.start, search: search.end - search.start, render: commit - search.end, paint: k.painted - commit })),
  };
}

export interface ColdStart {
  templates: number;
  /** Compose opened → the content script asks the background (when the page is idle). */
  asked: Stats;
  /** Compose opened → search entries and prepared index received from the background (the index starts). */
  fetch: Stats;
  /** Unpacking the prepared search index. */
  index: Stats;
  /** Compose opened → index ready: the palette can search. */
  total: Stats;
  /** Compose opened → the whole templates (subjects, bodies, fields) received, asked for when the page is idle again. */
  full: Stats;
  /** The first of the runs, with the background's library not yet assembled. */
  first: number;
}

/**
 * From the compose opening to the palette ready: a new mail tab, a new
 * compose, and the time until the content script has the library (fetched from
 * the background, which reads library.json and the packs) and its search index.
 */
export async function coldStart(b: Browser, runs = COLD_STARTS, { stopBackground = false } = {}): Promise<ColdStart> {
  const samples: { asked: number; fetch: number; index: number; total: number; full: number; docs: number }[] = [];
  const stopper = stopBackground ? await backgroundStopper(b) : null;
  for (let i = 0; i < runs; i++) {
    const page = await b.context.newPage();
    await page.goto(GMAIL);
    await benchPage(page);
    await page.waitForTimeout(300);
    await stopper?.stop();
    const opened = await page.evaluate(() => {
      const t = performance.now();
      document.querySelector<HTMLElement>('[data-sim="compose"]')!.click();
      return t;
    });
    const handle = await page.waitForFunction(() => {
      const [e] = performance.getEntriesByName('modeles:index') as PerformanceMeasure[];
      return e && { start: e.startTime, duration: e.duration, docs: (e.detail as { docs: number }).docs };
    });
    const built = (await handle.jsonValue()) as { start: number; duration: number; docs: number };
    const at = (name: string) => page.waitForFunction((n) => performance.getEntriesByName(n)[0]?.startTime, name).then((h) => h.jsonValue() as Promise<number>);
    const [asked, full] = await Promise.all([at('modeles:library-asked'), at('modeles:library-full')]);
    samples.push({ asked: asked - opened, fetch: built.start - opened, index: built.duration, total: built.start + built.duration - opened, full: full - opened, docs: built.docs });
    await page.close();
  }
  await stopper?.close();
  return {
    templates: samples[0]!.docs,
    asked: stats(samples.map((s) => s.asked)),
    fetch: stats(samples.map((s) => s.fetch)),
    full: stats(samples.map((s) => s.full)),
    index: stats(samples.map((s) => s.index)),
    total: stats(samples.map((s) => s.total)),
    first: samples[0]!.total,
  };
}

/**
 * Stops the extension's service worker, as Chrome does after 30 s without
 * events (DevTools protocol, from one of the extension's own pages): the next
 * compose then wakes it, and it reads the library and prepares the index again.
 */
async function backgroundStopper(b: Browser): Promise<{ stop(): Promise<void>; close(): Promise<void> }> {
  const page = await b.context.newPage();
  await page.goto(`chrome-extension://${b.extensionId}/options.html`);
  const cdp = await b.context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  return {
    async stop() {
      const stopped = new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('the background did not stop')), 2000);
        const onUpdate = (e: { versions: { runningStatus: string }[] }) => {
          if (!e.versions.some((v) => v.runningStatus === 'stopped')) return;
          clearTimeout(timer);
          cdp.off('ServiceWorker.workerVersionUpdated', onUpdate);
          resolve();
        };
        cdp.on('ServiceWorker.workerVersionUpdated', onUpdate);
      });
      await cdp.send('ServiceWorker.stopAllWorkers');
      await stopped;
    },
    close: () => page.close(),
  };
}

/** A pack holds at most this many templates (lib/packs/schema.ts). */
const PACK_MAX_TEMPLATES = 5000;

/**
 * Packs of `n` short templates in all, for the 10 000-template cold start: the
 * search texts of the built-in templates (title, keywords, tags) for team
 * variants, as in synthetic.ts, with a one-line body. Full templates would not
 * fit: the extension's storage.local holds 10 MB.
 */
function lightPackEntries(n: number): object[] {
  const { pack } = buildPack(BUILTIN_TEMPLATES);
  const file = packToFile(pack!);
  const teams = ['Comptabilité', 'Service client', 'Ventes', 'Achats', 'Juridique', 'Ressources humaines', 'Logistique', 'Direction', 'Agence Lyon', 'Agence Lille'];
  const templates = Array.from({ length: n }, (_, i) => {
    const t = file.templates[i % file.templates.length]!;
    const team = teams[i % teams.length]!;
    return {
      ...t,
      id: `${t.id}-${i}`,
      title: `${t.title} (${team}, variante ${Math.floor(i / teams.length)})`,
      aliases: [],
      keywords: [...t.keywords, team.toLowerCase()],
      subject: 'Courrier',
      body: 'Madame, Monsieur,\n\nBien cordialement,',
      fields: [],
      computed: [],
    };
  });
  const now = new Date().toISOString();
  const packs = Math.ceil(n / PACK_MAX_TEMPLATES);
  return Array.from({ length: packs }, (_, p) => ({
    pack: { ...file, id: `pack-volumineux-${p + 1}`, name: `Pack volumineux ${p + 1}`, templates: templates.slice(Math.floor((p * n) / packs), Math.floor(((p + 1) * n) / packs)) },
    origin: { kind: 'file' },
    enabled: true,
    installedAt: now,
    updatedAt: now,
  }));
}

/** Installs packs of `n` short templates in all (or none) in the extension's storage, as the settings page would. */
export async function installPack(b: Browser, n: number): Promise<void> {
  const packs = n > 0 ? lightPackEntries(n) : [];
  await b.worker.evaluate(async (value) => {
    await (globalThis as never as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }).chrome.storage.local.set({ packs: value });
  }, packs);
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
  // Keystroke → results painted, with the built-in library only.
  const keys = await keystrokeTimes(b);
  results.keystroke = keys;
  rows.push('| frappe → résultats affichés (Gmail, bibliothèque intégrée) | médiane (ms) | p95 (ms) | max (ms) | frappes |', '| --- | --- | --- | --- | --- |');
  const keyRow = (label: string, st: Stats) => rows.push(`| ${label} | ${f(st.median)} | ${f(st.p95)} | ${f(st.max)} | ${st.samples} |`);
  keyRow('**total** : keydown → image peinte', keys.total);
  keyRow('dont événements clavier et champ', keys.input);
  keyRow('dont recherche', keys.search);
  keyRow('dont rendu Preact (diff, DOM, surlignage)', keys.render);
  keyRow('dont style, mise en page, peinture, attente de l’image', keys.paint);

  // Cold start: the built-in library, then 10 000 templates; each with the background awake, then stopped before each compose.
  const builtinCold = await coldStart(b);
  const builtinStopped = await coldStart(b, COLD_STARTS, { stopBackground: true });
  const builtinCount = builtinCold.templates;
  await installPack(b, BIG_LIBRARY - builtinCount);
  const bigCold = await coldStart(b);
  const bigStopped = await coldStart(b, COLD_STARTS, { stopBackground: true });
  await installPack(b, 0);
  results.coldStart = { builtin: builtinCold, builtinStopped, big: bigCold, bigStopped };
  rows.push(
    '',
    '| démarrage à froid : rédaction ouverte → palette prête | modèles | demande au fond (ms, médiane) | index reçu (ms, médiane) | index déballé (ms, médiane / p95) | **palette prête** (ms, médiane / p95 / max) | 1er essai (ms) | modèles complets reçus (ms, médiane) |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
  );
  const coldRows: [string, ColdStart][] = [
    ['bibliothèque intégrée', builtinCold],
    ['bibliothèque intégrée, fond arrêté avant chaque rédaction', builtinStopped],
    ['avec un pack', bigCold],
    ['avec un pack, fond arrêté avant chaque rédaction', bigStopped],
  ];
  for (const [label, c] of coldRows) {
    rows.push(`| ${label} | ${c.templates} | ${f(c.asked.median)} | ${f(c.fetch.median)} | ${f(c.index.median)} / ${f(c.index.p95)} | ${f(c.total.median)} / ${f(c.total.p95)} / ${f(c.total.max)} | ${f(c.first)} | ${f(c.full.median)} |`);
  }
  rows.push('');

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
