import { describe, expect, it } from 'vitest';
import { afterCheck, dueAt, MIN_RETRY_MS, OVERDUE_SPREAD_MS, overdueDelay, parseRetryAfter, PERIOD_MS, retryDelay, slotAtOrAfter } from '../../../lib/packs/schedule';

const HOUR = 60 * 60_000;
const DAY9 = Date.parse('2026-11-23T09:00:00Z');

describe('the update schedule', () => {
  it('puts each browser’s checks at its own phase in the period', () => {
    expect(slotAtOrAfter(DAY9, 0)).toBe(DAY9 + 3 * HOUR); // slots at 0h, 6h, 12h, 18h UTC
    expect(slotAtOrAfter(DAY9 + 3 * HOUR, 0)).toBe(DAY9 + 3 * HOUR);
    expect(slotAtOrAfter(DAY9, 30 * 60_000)).toBe(DAY9 + 3.5 * HOUR);
  });

  it('checks next at the first slot at least half a period after the last check, or soon after start when that slot was missed', () => {
    const phase = 30 * 60_000;
    // Slots at 0:30, 6:30, 12:30, 18:30. Checked at 10:40: 12:30 is too close (under three hours), 18:30 it is.
    expect(dueAt({ checkedAt: DAY9 + 100 * 60_000 }, phase, DAY9 + 2 * HOUR, 999)).toBe(DAY9 + 9.5 * HOUR);
    // Checked at 9:10: 12:30 is more than three hours later.
    expect(dueAt({ checkedAt: DAY9 + 10 * 60_000 }, phase, DAY9 + 11 * 60_000, 999)).toBe(DAY9 + 3.5 * HOUR);
    // The browser was off: the slot has passed, the check comes after this start's random delay.
    expect(dueAt({ checkedAt: DAY9 - 16 * HOUR }, phase, DAY9, 42 * 60_000)).toBe(DAY9 + 42 * 60_000);
    // Never checked (a new policy pack): the same delay, never at once.
    expect(dueAt({}, phase, DAY9, 42 * 60_000)).toBe(DAY9 + 42 * 60_000);
    // After a busy server: its retry time wins.
    expect(dueAt({ checkedAt: DAY9, retryAt: DAY9 + 20 * 60_000 }, phase, DAY9, 0)).toBe(DAY9 + 20 * 60_000);
  });

  it('draws the delay for missed checks within the spread, never at once', () => {
    expect(overdueDelay(() => 0)).toBe(60_000);
    expect(overdueDelay(() => 0.999_999)).toBeLessThan(OVERDUE_SPREAD_MS);
  });

  it('reads Retry-After in seconds or as a date', () => {
    expect(parseRetryAfter('120', DAY9)).toBe(120_000);
    expect(parseRetryAfter(new Date(DAY9 + 90_000).toUTCString(), DAY9)).toBe(90_000);
    expect(parseRetryAfter('demain', DAY9)).toBeUndefined();
    expect(parseRetryAfter(null, DAY9)).toBeUndefined();
  });

  it('backs off exponentially with jitter, honours Retry-After, and never retries in a tight loop', () => {
    expect(retryDelay(1, undefined, () => 0)).toBe(MIN_RETRY_MS);
    expect(retryDelay(1, undefined, () => 1)).toBe(10 * 60_000);
    expect(retryDelay(3, undefined, () => 1)).toBe(40 * 60_000);
    expect(retryDelay(20, undefined, () => 1)).toBe(PERIOD_MS);
    // Retry-After: never sooner, up to half as long again (the browsers turned away spread out).
    expect(retryDelay(1, 3 * HOUR, () => 0)).toBe(3 * HOUR);
    expect(retryDelay(1, 3 * HOUR, () => 0.999)).toBeLessThan(4.5 * HOUR);
    // A server that keeps answering busy sees the delays grow, Retry-After or not.
    expect(retryDelay(4, 60_000, () => 0)).toBe(40 * 60_000);
    // « Retry-After: 0 » or 1 second: still not before MIN_RETRY_MS.
    expect(retryDelay(1, 0, () => 0)).toBe(MIN_RETRY_MS);
    expect(retryDelay(1, 1000, () => 0)).toBe(MIN_RETRY_MS);
    // An absurd Retry-After is capped at a day.
    expect(retryDelay(1, 365 * 24 * HOUR, () => 0)).toBe(24 * HOUR);
  });

  it('counts busy answers in a row, and forgets them after any other outcome', () => {
    const busy = afterCheck({ checkedAt: DAY9 - HOUR }, { kind: 'busy', retryAfterMs: 600_000 }, DAY9, () => 0);
    expect(busy).toEqual({ checkedAt: DAY9 - HOUR, failures: 1, retryAt: DAY9 + 600_000 });
    expect(afterCheck(busy, { kind: 'busy' }, DAY9 + 600_000, () => 1).failures).toBe(2);
    expect(afterCheck(busy, { kind: 'failed' }, DAY9 + 600_000)).toEqual({ checkedAt: DAY9 + 600_000 });
    expect(afterCheck(busy, { kind: 'done' }, DAY9 + 600_000)).toEqual({ checkedAt: DAY9 + 600_000 });
  });
});
