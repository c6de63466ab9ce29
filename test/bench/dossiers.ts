/**
 * What the dossiers cost: the background preparing the offers' rows (once per
 * palette opened), the content script filtering them at every keystroke, and
 * the settings page's next step of every dossier, over many dossiers and the
 * real library. `npx tsx test/bench/dossiers.ts [dossiers]` prints median and p95 in ms.
 */
import path from 'node:path';
import { offerRows } from '../../lib/dossiers/offers';
import { pickOffers } from '../../lib/dossiers/match';
import { nextStep } from '../../lib/dossiers/ladder';
import type { Dossier } from '../../lib/dossiers/model';
import type { LibraryTemplate } from '../../lib/packs/library';
import { addDays, toIsoDate } from '../../lib/render/format';
import { loadLibrary } from '../../lib/templates/load';

const n = Number(process.argv[2] ?? 2000);
const root = path.resolve(import.meta.dirname, '../..');
const { library } = loadLibrary(path.join(root, 'templates'), root, { catalogue: {}, partials: {} });
const templates = library.templates.map((t): LibraryTemplate => ({ ...t, uid: `modeles-base/${t.id}`, packId: 'modeles-base', packName: 'Modèles' }));
const today = toIsoDate(new Date());

const dossiers: Dossier[] = Array.from({ length: n }, (_, i) => ({
  id: `d${i}`,
  invoice: `FA-2026-${String(i).padStart(5, '0')}`,
  client: i % 3 ? 'pro' : 'particulier',
  recipient: { email: `client${i % 400}@exemple.fr`, name: `Client ${i}`, company: i % 2 ? `Société ${i} SARL` : '', civilite: 'madame', address: '' },
  amount: 100 + i,
  invoiceDate: addDays(today, -90),
  dueDate: addDays(today, -60),
  steps: Array.from({ length: i % 5 }, (_step, k) => ({ date: addDays(today, -50 + k * 10), rank: k + 1, uid: 'modeles-base/x', title: 'x' })),
  status: i % 7 ? 'ouvert' : 'paye',
  ...(i % 7 ? {} : { paidOn: addDays(today, -5), closedOn: addDays(today, -5) }),
  createdAt: '',
  updatedAt: '',
}));

function measure(label: string, fn: () => unknown, runs = 50): void {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  console.log(`${label}: median ${times[Math.floor(runs / 2)]!.toFixed(2)} ms, p95 ${times[Math.floor(runs * 0.95)]!.toFixed(2)} ms`);
}

console.log(`${n} dossiers, ${templates.length} letters`);
measure('background: the offers’ rows, once per palette opened', () => offerRows(dossiers, templates, today), 20);
const rows = offerRows(dossiers, templates, today);
measure('content script: offers for a message (nothing typed)', () => pickOffers(rows, { emails: ['client7@exemple.fr'], query: '' }));
measure('content script: typing « FA-2026-001 »', () => pickOffers(rows, { emails: [], query: 'FA-2026-001' }));
measure('content script: typing « relance » (no dossier matches)', () => pickOffers(rows, { emails: [], query: 'relance' }));
measure('next step of every dossier (settings page)', () => dossiers.map((d) => nextStep(d, templates)), 10);
