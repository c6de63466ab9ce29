/**
 * When a browser checks its subscribed packs, so that ten thousand browsers
 * of one company do not all ask the pack server at 9:00.
 *
 * - Each browser has its own phase in the period, drawn once at random and
 *   kept: its checks fall at phase, phase + 6 h, phase + 12 h… Across browsers
 *   the checks are spread evenly over the period.
 * - A check missed while the browser was off (every morning, for an office
 *   computer), and the first download of a pack the IT policy adds, happen
 *   at a random moment within the next `OVERDUE_SPREAD_MS` after the browser
 *   starts, never at once.
 * - After a check, the next one is the browser's first slot at least half a
 *   period later (no check right after a late one).
 * - A busy server (429, 5xx, no answer) is asked again after its
 *   Retry-After when it gives one (plus a random part), else after an
 *   exponential backoff with jitter; never sooner than `MIN_RETRY_MS`, so never in a tight loop.
 *
 * Pure functions of time and of a random source: the background and the load
 * simulation (test/unit/packs/load.test.ts, `npm run load`) run the same code.
 */

export const PERIOD_MS = 6 * 60 * 60_000;
export const OVERDUE_SPREAD_MS = 2 * 60 * 60_000;
/** The least delay before anything is asked again, whatever the server says. */
export const MIN_RETRY_MS = 5 * 60_000;
const FIRST_BACKOFF_MS = 10 * 60_000;
/** A Retry-After further away than this is not believed (it is capped). */
const MAX_RETRY_AFTER_MS = 24 * 60 * 60_000;

export type Random = () => number;

/** A browser's phase: where in the period its checks fall. */
export function drawPhase(random: Random = Math.random): number {
  return Math.floor(random() * PERIOD_MS);
}

/** This browser's first slot (phase + k·period) at or after `t`. */
export function slotAtOrAfter(t: number, phase: number): number {
  const k = Math.ceil((t - phase) / PERIOD_MS);
  return phase + k * PERIOD_MS;
}

/** A random delay within the spread for checks that are due now (missed slot, new policy pack). */
export function overdueDelay(random: Random = Math.random): number {
  return 60_000 + Math.floor(random() * (OVERDUE_SPREAD_MS - 60_000));
}

export interface CheckTimes {
  /** Last completed check (ms since epoch), if any. */
  checkedAt?: number;
  /** After a failure: not before this time. */
  retryAt?: number;
}

/**
 * When a pack should next be checked. `overdue` is the delay this browser
 * waits for a check that is already due (drawn once per browser start, so
 * all of its due packs go together).
 */
export function dueAt(times: CheckTimes, phase: number, now: number, overdue: number): number {
  if (times.retryAt !== undefined) return Math.max(times.retryAt, now);
  if (times.checkedAt === undefined) return now + overdue;
  const slot = slotAtOrAfter(times.checkedAt + PERIOD_MS / 2, phase);
  return slot >= now ? slot : now + overdue;
}

/** Reads a Retry-After header: seconds, or an HTTP date. Undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null, now: number): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * How long to wait after the `failures`-th busy answer in a row. The backoff
 * doubles: 10 min, 20 min, 40 min… up to the period, drawn between half and
 * all of it (jitter). A server's Retry-After is honoured — never sooner — and
 * gets up to half as long again at random, so that the browsers it turned away
 * do not all come back in the same minute; a server that keeps answering busy
 * still sees the delays grow. Never less than `MIN_RETRY_MS`.
 */
export function retryDelay(failures: number, retryAfterMs: number | undefined, random: Random = Math.random): number {
  const ceiling = Math.min(PERIOD_MS, FIRST_BACKOFF_MS * 2 ** Math.max(0, failures - 1));
  if (retryAfterMs === undefined) return Math.max(MIN_RETRY_MS, Math.floor(ceiling / 2 + random() * (ceiling / 2)));
  const base = Math.max(MIN_RETRY_MS, Math.min(retryAfterMs, MAX_RETRY_AFTER_MS), ceiling / 2);
  return Math.floor(base + random() * (base / 2));
}

/** What a check came to, for the schedule. */
export type CheckOutcome = { kind: 'done' } | { kind: 'busy'; retryAfterMs?: number } | { kind: 'failed' };

export interface ScheduleState {
  checkedAt?: number;
  retryAt?: number;
  /** Busy answers in a row. */
  failures?: number;
}

/**
 * The pack's schedule after a check at `now`. A busy server is retried with
 * backoff; any other failure (404, broken file, offline) waits for the next
 * slot like a success: asking again sooner would not help.
 */
export function afterCheck(state: ScheduleState, outcome: CheckOutcome, now: number, random: Random = Math.random): ScheduleState {
  if (outcome.kind === 'busy') {
    const failures = (state.failures ?? 0) + 1;
    return { ...(state.checkedAt !== undefined && { checkedAt: state.checkedAt }), failures, retryAt: now + retryDelay(failures, outcome.retryAfterMs, random) };
  }
  return { checkedAt: now };
}
