/**
 * An insertion is only done when the letter is in the draft. Strategies can
 * "succeed" without inserting anything: an editor may cancel a paste event
 * and insert nothing (roosterjs in Firefox, with an event carrying no data),
 * refuse or undo what execCommand did, or re-render its content from its own
 * model right after a change it did not make (a framework re-render). So after
 * each strategy the body is read again, once the editor has had the time to
 * handle the change and re-render; only then is the next strategy tried, and
 * success is reported only on that evidence.
 *
 * What is compared is the letter's text with every whitespace removed: editors
 * rewrite line breaks and spaces (blocks, <br>, &nbsp;) but keep the words.
 * The letter counts as inserted when the body holds one more copy of it than
 * before (a draft may already hold the same letter).
 */

export type StrategyName = 'paste' | 'execCommand' | 'dom';

export interface Strategy {
  name: StrategyName;
  /** Runs the strategy; false when it knows it did nothing (nothing to wait for then). */
  run(): boolean | void | Promise<boolean | void>;
  /** How long the editor may take to put the letter in (an editor handling paste reads the data asynchronously). */
  waitMs?: number;
}

export type Landing = { ok: true; strategy: StrategyName } | { ok: false; tried: StrategyName[] };

const SPACES = /\s+/g;

/** The letter as it is compared: no whitespace at all. */
export function compact(text: string): string {
  return text.replace(SPACES, '');
}

/** How many times `key` (compacted) occurs in the body's text. */
export function copiesIn(body: HTMLElement, key: string): number {
  if (!key) return 0;
  const haystack = compact(body.textContent ?? '');
  let count = 0;
  for (let at = haystack.indexOf(key); at !== -1; at = haystack.indexOf(key, at + key.length)) count++;
  return count;
}

/**
 * Waits for the page to render: two animation frames then a task, so that
 * an editor which re-renders after a change (in a microtask, a frame or a
 * posted task) has done so. In a background tab frames do not run: a timer
 * stands in for them.
 */
export function settle(view: Window): Promise<void> {
  const frame = () =>
    new Promise<void>((resolve) => {
      const timer = view.setTimeout(resolve, 100);
      view.requestAnimationFrame(() => {
        view.clearTimeout(timer);
        resolve();
      });
    });
  return frame()
    .then(frame)
    .then(() => new Promise<void>((resolve) => view.setTimeout(resolve, 0)));
}

/** Resolves true as soon as `test` holds after a mutation of the body, false after `ms`. */
function whenTrue(body: HTMLElement, test: () => boolean, ms: number): Promise<boolean> {
  if (test()) return Promise.resolve(true);
  if (ms <= 0) return Promise.resolve(false);
  const view = body.ownerDocument.defaultView!;
  return new Promise((resolve) => {
    const observer = new view.MutationObserver(() => test() && done(true));
    const timer = view.setTimeout(() => done(test()), ms);
    function done(value: boolean) {
      observer.disconnect();
      view.clearTimeout(timer);
      resolve(value);
    }
    observer.observe(body, { childList: true, subtree: true, characterData: true });
  });
}

/** Puts the caret back where the first strategy had it, or at the top of the body when that place is gone. */
function restoreCaret(body: HTMLElement, caret: Range | null): void {
  const selection = body.ownerDocument.getSelection();
  if (!selection) return;
  let range = caret;
  if (!range || !body.contains(range.startContainer)) {
    range = body.ownerDocument.createRange();
    range.setStart(body, 0);
  }
  body.focus({ preventScroll: true });
  selection.removeAllRanges();
  selection.addRange(range.cloneRange());
}

/**
 * Runs the strategies in order until the letter is in the body and still
 * there once the editor has re-rendered. The caret placed in the body before
 * the call is where each strategy starts.
 */
export async function insertChecked(body: HTMLElement, text: string, strategies: readonly Strategy[]): Promise<Landing> {
  const view = body.ownerDocument.defaultView!;
  const key = compact(text);
  const before = copiesIn(body, key);
  const landed = () => body.isConnected && copiesIn(body, key) > before;
  const selection = body.ownerDocument.getSelection();
  const caret = selection?.rangeCount ? selection.getRangeAt(0).cloneRange() : null;
  const tried: StrategyName[] = [];
  for (const strategy of strategies) {
    if (!body.isConnected) break;
    if (tried.length) restoreCaret(body, caret);
    tried.push(strategy.name);
    let claimed: boolean | void = false;
    try {
      claimed = await strategy.run();
    } catch {
      claimed = false;
    }
    if (claimed === false && !landed()) continue;
    if (!(await whenTrue(body, landed, strategy.waitMs ?? 0))) continue;
    await settle(view);
    if (landed()) return { ok: true, strategy: strategy.name };
  }
  return { ok: false, tried };
}
