/**
 * The update schedule under load (test/load/simulate.ts): a thousand simulated
 * browsers through one simulated day against one real HTTP server on
 * 127.0.0.1, with the extension's own download code. `npm run load` runs the
 * same with 10 000 browsers and prints the numbers the README quotes.
 */
import { describe, expect, it } from 'vitest';
import { MIN_RETRY_MS } from '../../../lib/packs/schedule';
import { simulateDay } from '../../load/simulate';

describe('many browsers, one pack server', () => {
  it('spreads the checks: a much lower peak than checking at browser start, and every browser gets the new version', async () => {
    const naive = await simulateDay({ browsers: 1000, schedule: 'naive' });
    const spread = await simulateDay({ browsers: 1000, schedule: 'spread' });
    console.info(`1000 browsers — peak requests/min: naive ${naive.peakPerMinute} (${naive.peakAt}), spread ${spread.peakPerMinute} (${spread.peakAt})`);
    expect(spread.peakPerMinute * 3).toBeLessThan(naive.peakPerMinute);
    expect(spread.updated).toBe(1000);
    expect(spread.shortestGapMs).toBeGreaterThanOrEqual(MIN_RETRY_MS);
  }, 60_000);

  it('against an overloaded server: honours Retry-After, never loops, and still brings every browser up to date', async () => {
    const r = await simulateDay({ browsers: 500, schedule: 'spread', capacityPerMinute: 4 });
    expect(r.tooMany).toBeGreaterThan(0);
    // The server said 600 s: nobody came back sooner.
    expect(r.shortestGapMs).toBeGreaterThanOrEqual(600_000);
    expect(r.updated).toBe(500);
  }, 60_000);
});
