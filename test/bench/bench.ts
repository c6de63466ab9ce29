/**
 * `npm run bench`: search latency per keystroke (queries typed letter by
 * letter) over the built-in library and over the 556 scenario titles, compared
 * with a plain Fuse.js rebuilt per search over title, body and tags (what other
 * template tools do); and the size of each built file. Prints a table and writes
 * .output/bench.json. Numbers, not assertions: they depend on the machine.
 */
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import Fuse from 'fuse.js';
import { SearchIndex, type SearchDoc } from '../../lib/search/engine';
import { loadLibrary } from '../../lib/templates/load';

const QUERIES = ['relance facture impayee', 'mise en demeure', 'remerciment paiement rapide', 'echeancier client', 'report echeance', 'cheque non signe', 'colis abime', 'delai de paiement refus'];
const ROUNDS = 5;

interface Stats {
  median: number;
  p95: number;
  max: number;
  samples: number;
}

function stats(samples: number[]): Stats {
  const s = samples.toSorted((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
  return { median: at(0.5), p95: at(0.95), max: s[s.length - 1]!, samples: s.length };
}

function keystrokes(search: (q: string) => unknown): number[] {
  const out: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    for (const query of QUERIES) {
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
const corpora: [string, SearchDoc[], { title: string; body: string; tags: string[] }[]][] = [
  [`bibliothèque (${library.templates.length} modèles)`, library.templates, library.templates.map((t) => ({ title: t.title, body: t.body, tags: t.tags }))],
  [`titres des scénarios (${titles.length})`, titles.map((title, i) => ({ id: String(i), title })), titles.map((title) => ({ title, body: '', tags: [] }))],
];

const f = (n: number) => n.toFixed(2);
const results: Record<string, unknown> = {};
const rows: string[] = ['| corpus | moteur | médiane (ms) | p95 (ms) | max (ms) | frappes |', '| --- | --- | --- | --- | --- | --- |'];
for (const [name, docs, plain] of corpora) {
  const t = performance.now();
  const index = new SearchIndex(docs);
  const build = performance.now() - t;
  keystrokes((q) => index.search(q)); // warm-up
  const ours = stats(keystrokes((q) => index.search(q)));
  const naive = stats(
    keystrokes((q) => new Fuse(plain, { keys: ['title', 'body', 'tags'], threshold: 0.4, ignoreLocation: true, ignoreDiacritics: true }).search(q, { limit: 20 })),
  );
  results[name] = { buildMs: build, modeles: ours, plainFuse: naive, ratioP95: naive.p95 / ours.p95 };
  rows.push(`| ${name} | Modèles (index construit en ${f(build)} ms) | ${f(ours.median)} | ${f(ours.p95)} | ${f(ours.max)} | ${ours.samples} |`);
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

console.log(rows.join('\n'));
fs.mkdirSync(path.resolve('.output'), { recursive: true });
fs.writeFileSync(path.resolve('.output/bench.json'), JSON.stringify({ date: new Date().toISOString(), node: process.version, search: results, sizes }, null, 2));
console.log('\nRésultats écrits dans .output/bench.json');
