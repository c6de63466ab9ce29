/**
 * Many browsers, one pack server: the update schedule under load.
 *
 * One real HTTP server on 127.0.0.1 publishes a pack; a new version goes up at
 * 07:00. Simulated browsers live through one simulated day: each starts around
 * 9:00 (normal law, σ = 10 min) and stops nine hours later; it last checked
 * the evening before. Each check is the extension's own `downloadPack` (real
 * fetch, If-None-Match, status and Retry-After handling) against the server,
 * whose clock is the simulated one; the server answers 429 with Retry-After
 * beyond its capacity per minute.
 *
 * Two schedules are compared:
 * - naive: the code before issue 17 — a check at browser start, then every
 *   6 hours (a periodic alarm), a failure simply waits for the next period;
 * - spread: lib/packs/schedule.ts (phase per browser, random delay for missed
 *   checks, Retry-After, backoff), the functions the background runs.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterCheck, drawPhase, dueAt, overdueDelay, PERIOD_MS, type CheckOutcome, type Random, type ScheduleState } from '../../lib/packs/schedule';
import { downloadPack, PackServerBusy } from '../../lib/packs/download';

export type ScheduleKind = 'naive' | 'spread';

export interface SimulationOptions {
  browsers: number;
  schedule: ScheduleKind;
  /** Requests the server serves per simulated minute; beyond, 429. */
  capacityPerMinute?: number;
  seed?: number;
}

export interface SimulationResult {
  schedule: ScheduleKind;
  browsers: number;
  requests: number;
  /** Requests received in the busiest simulated minute, and which minute (hh:mm). */
  peakPerMinute: number;
  peakAt: string;
  tooMany: number;
  /** Browsers holding the new version at the end of the day, and the time the last one got it. */
  updated: number;
  lastUpdatedAt: string;
  /** The shortest time between two requests of one browser (ms): never a tight loop. */
  shortestGapMs: number;
}

const MINUTE = 60_000;
const DAY = Date.parse('2026-11-23T00:00:00Z');
const PUBLISHED_AT = DAY + 7 * 60 * MINUTE;
const hhmm = (t: number) => new Date(t).toISOString().slice(11, 16);

/** A small seeded generator (mulberry32): the same day every run. */
export function seeded(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function normal(random: Random): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

interface SimBrowser {
  start: number;
  stop: number;
  phase: number;
  overdue: number;
  state: ScheduleState;
  etag?: string;
  next: number | null;
  lastRequest?: number;
  updatedAt?: number;
}

/** The pack server: its clock is the simulation's; counts requests per simulated minute. */
async function packServer(clock: { now: number }, capacity: number) {
  const perMinute = new Map<number, number>();
  let tooMany = 0;
  const server = http.createServer((req, res) => {
    const minute = Math.floor(clock.now / MINUTE);
    const count = (perMinute.get(minute) ?? 0) + 1;
    perMinute.set(minute, count);
    if (count > capacity) {
      tooMany++;
      res.writeHead(429, { 'retry-after': '600' }).end();
      return;
    }
    const version = clock.now >= PUBLISHED_AT ? 'v2' : 'v1';
    const etag = `"${version}"`;
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, { etag }).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json', etag }).end(JSON.stringify({ version }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/pack.json`;
  return { url, perMinute, tooMany: () => tooMany, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** Runs `tasks` with at most `limit` at a time. */
async function inBatches<T>(items: T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await task(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

export async function simulateDay(options: SimulationOptions): Promise<SimulationResult> {
  const random = seeded(options.seed ?? 17);
  const clock = { now: DAY };
  const server = await packServer(clock, options.capacityPerMinute ?? 300);
  const browsers: SimBrowser[] = Array.from({ length: options.browsers }, () => {
    const start = Math.round(DAY + 9 * 60 * MINUTE + normal(random) * 10 * MINUTE);
    const b: SimBrowser = { start, stop: start + 9 * 60 * MINUTE, phase: drawPhase(random), overdue: overdueDelay(random), state: { checkedAt: DAY - 7 * 60 * MINUTE }, etag: '"v1"', next: null };
    b.next = options.schedule === 'naive' ? start : dueAt(b.state, b.phase, start, b.overdue);
    return b;
  });
  let requests = 0;
  let shortestGapMs = Infinity;

  const check = async (b: SimBrowser, at: number) => {
    requests++;
    if (b.lastRequest !== undefined) shortestGapMs = Math.min(shortestGapMs, at - b.lastRequest);
    b.lastRequest = at;
    let outcome: CheckOutcome;
    try {
      const download = await downloadPack(server.url, b.etag ? { etag: b.etag } : {});
      if (!download.notModified) {
        b.etag = download.etag;
        if (download.text.includes('v2')) b.updatedAt ??= at;
      }
      outcome = { kind: 'done' };
    } catch (e) {
      outcome = e instanceof PackServerBusy ? { kind: 'busy', ...(e.retryAfterMs !== undefined && { retryAfterMs: e.retryAfterMs }) } : { kind: 'failed' };
    }
    if (options.schedule === 'naive') {
      // A periodic alarm: every 6 hours after start, whatever happened.
      b.next = at + PERIOD_MS;
    } else {
      b.state = afterCheck(b.state, outcome, at, random);
      b.next = dueAt(b.state, b.phase, at, b.overdue);
    }
    if (b.next > b.stop) b.next = null;
  };

  for (let minute = DAY; minute < DAY + 24 * 60 * MINUTE; minute += MINUTE) {
    const due = browsers.filter((b) => b.next !== null && b.next < minute + MINUTE);
    if (!due.length) continue;
    clock.now = minute;
    await inBatches(due, 32, (b) => check(b, b.next!));
  }
  await server.close();

  let peakPerMinute = 0;
  let peakMinute = 0;
  for (const [minute, count] of server.perMinute) if (count > peakPerMinute) [peakPerMinute, peakMinute] = [count, minute];
  const updated = browsers.filter((b) => b.updatedAt !== undefined);
  return {
    schedule: options.schedule,
    browsers: options.browsers,
    requests,
    peakPerMinute,
    peakAt: hhmm(peakMinute * MINUTE),
    tooMany: server.tooMany(),
    updated: updated.length,
    lastUpdatedAt: updated.length ? hhmm(Math.max(...updated.map((b) => b.updatedAt!))) : '—',
    shortestGapMs,
  };
}
