/**
 * `npm run load`: the update schedule under load — 10 000 simulated browsers
 * (or the number given) through one simulated day against one pack server on
 * 127.0.0.1, with the naive schedule and with the spread one. Prints the table
 * the README quotes.
 */
import { simulateDay } from './simulate';

const browsers = Number(process.argv[2] ?? 10_000);
const minutes = (ms: number) => (Number.isFinite(ms) ? `${Math.round(ms / 60_000)} min` : '—');
console.log(`${browsers} browsers, one simulated day, one pack server on 127.0.0.1 answering 429 (Retry-After: 600) beyond its capacity per minute\n`);
console.log('| schedule | requests | peak requests/min (at) | 429 answered | browsers with the new version (last at) | shortest gap between two requests of one browser |');
console.log('| --- | --- | --- | --- | --- | --- |');
const runs = [
  { schedule: 'naive', capacityPerMinute: 300 },
  { schedule: 'spread', capacityPerMinute: 300 },
  // A server that can take much less: Retry-After and backoff at work.
  { schedule: 'spread', capacityPerMinute: Math.max(10, Math.round(browsers / 200)) },
] as const;
for (const run of runs) {
  const r = await simulateDay({ browsers, ...run });
  console.log(`| ${r.schedule} (server: ${run.capacityPerMinute}/min) | ${r.requests} | ${r.peakPerMinute} (${r.peakAt}) | ${r.tooMany} | ${r.updated} / ${r.browsers} (${r.lastUpdatedAt}) | ${minutes(r.shortestGapMs)} |`);
}
