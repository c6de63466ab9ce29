/**
 * `npm run bench`: search latency per keystroke (queries typed letter by
 * letter) over the built-in library, the 556 scenario titles and synthetic
 * libraries of 10 000 and 50 000 templates made from them, compared
 * with a plain Fuse.js rebuilt per search over title, body and tags (what other
 * template tools do); the size of each built file; and, in the built extension
 * in Chromium (browser.ts): keystroke → results painted in the real palette,
 * cold start (compose opened → palette ready) with 446 and 10 000 templates,
 * palette open and insert times, heap and CPU cost.
 * Prints a table and writes
 * .output/bench.json. Numbers, not assertions: they depend on the machine.
 */
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import Fuse from 'fuse.js';
import { SearchIndex, type SearchDoc } from '../../lib/search/engine';
import { prepareIndex } from '../../lib/search/prepare';
import { browserBench, stats } from './browser';
import { syntheticLibrary, type BenchDoc } from './synthetic';
import { loadLibrary } from '../../lib/templates/load';

const QUERIES = ['relance facture impayee', 'mise en demeure', 'remerciment paiement rapide', 'echeancier client', 'report echeance', 'cheque non signe', 'colis abime', 'delai de paiement refus'];
const ROUNDS = 5;


function keystrokes(search: (q: string) => unknown, rounds = ROUNDS, queries = QUERIES): number[] {
  const out: number[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const query of queries) {
      for (let i = 1; i <= query.length; i++) {
        const t = performance.now();
        search(query.slice(0, i));
        out.push(performance.now() - t);
      }
    }
  }
  return out;
}

const { library } = loadLibrary(path.resolve('templates'));
const titles = fs.readFileSync('test/data/all.txt', 'utf8').split('\n').filter(Boolean);
const seed: BenchDoc[] = library.templates;
/** name, documents, rounds of the query set for Modèles, and for the plain Fuse.js (rebuilt per keystroke, it gets slow). */
const corpora: [string, BenchDoc[], number, number][] = [
  [`bibliothèque (${library.templates.length} modèles)`, seed, ROUNDS, ROUNDS],
  [`titres des scénarios (${titles.length})`, titles.map((title, i) => ({ id: String(i), title, body: '' })), ROUNDS, ROUNDS],
  ['synthétique 10 000', syntheticLibrary(seed, titles, 10_000), 3, 1],
  ['synthétique 50 000', syntheticLibrary(seed, titles, 50_000), 3, 0],
];

const f = (n: number) => n.toFixed(2);
const results: Record<string, unknown> = {};
const rows: string[] = ['| corpus | moteur | médiane (ms) | p95 (ms) | max (ms) | frappes |', '| --- | --- | --- | --- | --- | --- |'];
for (const [name, docs, rounds, plainRounds] of corpora) {
  // What the background does once per library, then what each mail page does with it (after JSON, as messaging carries it).
  let t = performance.now();
  const prepared = prepareIndex(docs as SearchDoc[]);
  const prepare = performance.now() - t;
  const message = JSON.stringify(prepared);
  t = performance.now();
  const index = new SearchIndex(docs as SearchDoc[], JSON.parse(message));
  const unpack = performance.now() - t;
  const build = { prepareMs: prepare, unpackMs: unpack, preparedBytes: message.length };
  keystrokes((q) => index.search(q), 1); // warm-up
  const ours = stats(keystrokes((q) => index.search(q), rounds));
  rows.push(`| ${name} | Modèles (index préparé en ${f(prepare)} ms, ${Math.round(message.length / 1024)} Kio, déballé en ${f(unpack)} ms) | ${f(ours.median)} | ${f(ours.p95)} | ${f(ours.max)} | ${ours.samples} |`);
  if (!plainRounds) {
    results[name] = { index: build, modeles: ours };
    rows.push(`| ${name} | Fuse.js simple | (non mesuré : plusieurs secondes par frappe) | | | |`);
    continue;
  }
  const plain = docs.map((d) => ({ title: d.title, body: d.body, tags: d.tags ?? [] }));
  const naive = stats(
    keystrokes(
      (q) => new Fuse(plain, { keys: ['title', 'body', 'tags'], threshold: 0.4, ignoreLocation: true, ignoreDiacritics: true }).search(q, { limit: 20 }),
      plainRounds,
      // Over a big library one query typed once is enough to see it: each keystroke takes seconds.
      docs.length > 1000 ? QUERIES.slice(1, 2) : QUERIES,
    ),
  );
  results[name] = { index: build, modeles: ours, plainFuse: naive, ratioP95: naive.p95 / ours.p95 };
  rows.push(`| ${name} | Fuse.js simple, reconstruit à chaque frappe | ${f(naive.median)} | ${f(naive.p95)} | ${f(naive.max)} | ${naive.samples} |`);
}

const sizes: Record<string, { raw: number; gzip: number }> = {};
const out = path.resolve('.output/chrome-mv3');
if (fs.existsSync(out)) {
  const walk = (dir: string): string[] => fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
  for (const file of walk(out)) {
    const data = fs.readFileSync(file);
    sizes[path.relative(out, file)] = { raw: data.length, gzip: gzipSync(data).length };
  }
  rows.push('', '| fichier construit | octets | gzip |', '| --- | --- | --- |');
  for (const [file, s] of Object.entries(sizes).toSorted()) rows.push(`| ${file} | ${s.raw} | ${s.gzip} |`);
} else {
  rows.push('', '(pas d’extension construite : lancez « npm run build » pour mesurer les tailles)');
}

let browser: Record<string, unknown> = {};
if (fs.existsSync(path.join(out, 'manifest.json'))) {
  const measured = await browserBench();
  rows.push('', ...measured.rows);
  browser = measured.results;
}

console.log(rows.join('\n'));
fs.mkdirSync(path.resolve('.output'), { recursive: true });
fs.writeFileSync(path.resolve('.output/bench.json'), JSON.stringify({ date: new Date().toISOString(), node: process.version, search: results, sizes, browser }, null, 2));
console.log('\nRésultats écrits dans .output/bench.json');
