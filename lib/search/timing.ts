/**
 * User Timing entries for `npm run bench`, written only when the page asks for
 * them (<html data-modeles-bench>, set by the bench): a mail page stays open
 * for hours, and entries accumulate in its performance timeline. Marks made in
 * the content script's isolated world land in the page's timeline, where the
 * bench reads them.
 */
export const BENCH_ATTRIBUTE = 'data-modeles-bench';

/** True when the bench is measuring this page. */
export function measuring(): boolean {
  return typeof document !== 'undefined' && !!document.documentElement?.hasAttribute(BENCH_ATTRIBUTE);
}

/** Records `name` from `start` (performance.now()) to now, with `detail`, when the bench is measuring. */
export function measure(name: string, start: number, detail?: unknown): void {
  if (!measuring()) return;
  performance.measure(name, { start, end: performance.now(), detail });
}

/** Records a point in time, when the bench is measuring. */
export function mark(name: string, detail?: unknown): void {
  if (measuring()) performance.mark(name, { detail });
}
