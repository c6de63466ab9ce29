/**
 * Insertion strategies, one per kind of editor. Each expects the caret to be
 * placed in the body already (caret.ts) and reports whether the body changed.
 *
 * - execCommand('insertHTML'): the browser's own editing path, for plain
 *   contenteditable editors like Gmail's. One native undo step (Ctrl+Z), a
 *   trusted `input` event. Allowed under Gmail's Trusted Types policy because
 *   content scripts run in an isolated world.
 * - paste: a synthetic paste event carrying text/html and text/plain, for
 *   editors that handle paste themselves and keep their own model and undo
 *   stack (roosterjs in Outlook).
 * - dom: Range insertion, when neither worked. Not undoable with Ctrl+Z.
 *
 * A strategy's own answer is never taken as proof: landing.ts reads the body
 * after each one and tries the next when the letter is not there.
 */

const EMPTY_LINE = '<div><br></div>';

function blockOf(node: Node, body: HTMLElement): Node {
  let n: Node | null = node;
  while (n && n !== body && !(n.nodeType === 1 && /^(DIV|P|LI|BLOCKQUOTE|H[1-6]|PRE|TD)$/.test((n as Element).tagName))) n = n.parentNode;
  return n ?? body;
}

/**
 * Keeps the inserted letter on lines of its own: when the caret sits after
 * (or before) text on its line, an empty line separates the letter from it.
 * Without this, editors merge the first and last lines of the letter into the
 * user's line (« Bonjour,Madame, »).
 */
export function fitToLine(body: HTMLElement, html: string): string {
  const selection = body.ownerDocument.getSelection();
  if (!selection?.rangeCount) return html;
  const caret = selection.getRangeAt(0);
  const block = blockOf(caret.startContainer, body);
  const before = body.ownerDocument.createRange();
  before.setStart(block, 0);
  before.setEnd(caret.startContainer, caret.startOffset);
  const after = body.ownerDocument.createRange();
  after.setStart(caret.endContainer, caret.endOffset);
  after.setEnd(block, block.childNodes.length);
  return `${edgeLine(before.cloneContents(), true).text.trim() ? EMPTY_LINE : ''}${html}${edgeLine(after.cloneContents(), false).text.trim() ? EMPTY_LINE : ''}`;
}

const BREAKS_LINE = /^(BR|HR|DIV|P|BLOCKQUOTE|TABLE|UL|OL|LI|H[1-6]|PRE)$/;

/**
 * The text of the first (or, from the end, the last) visual line of a node's
 * content: it stops at a <br> or at a block, which both end a line.
 */
function edgeLine(parent: Node, fromEnd: boolean): { text: string; broken: boolean } {
  const children = Array.from(parent.childNodes);
  if (fromEnd) children.reverse();
  let text = '';
  for (const child of children) {
    if (child.nodeType === 3) {
      text = fromEnd ? child.textContent + text : text + child.textContent;
      continue;
    }
    if (child.nodeType !== 1) continue;
    if (BREAKS_LINE.test((child as Element).tagName)) return { text, broken: true };
    const inner = edgeLine(child, fromEnd);
    text = fromEnd ? inner.text + text : text + inner.text;
    if (inner.broken) return { text, broken: true };
  }
  return { text, broken: false };
}

/** Text content length, as a cheap fingerprint of whether the body changed. */
function fingerprint(body: HTMLElement): string {
  return `${body.childNodes.length}:${body.textContent?.length ?? 0}`;
}

export function insertWithExecCommand(body: HTMLElement, html: string): boolean {
  const before = fingerprint(body);
  let ok = false;
  try {
    ok = body.ownerDocument.execCommand('insertHTML', false, html);
  } catch {
    ok = false;
  }
  return ok && fingerprint(body) !== before;
}

/** The letter as DOM nodes built from its text (no HTML parsing): one block per line, <br> for an empty one. */
function textToFragment(doc: Document, text: string): DocumentFragment {
  const fragment = doc.createDocumentFragment();
  for (const line of text.split('\n')) {
    const block = doc.createElement('div');
    if (line) block.textContent = line;
    else block.append(doc.createElement('br'));
    fragment.append(block);
  }
  return fragment;
}

export function insertWithDom(body: HTMLElement, text: string): boolean {
  const doc = body.ownerDocument;
  const selection = doc.getSelection();
  const range = selection && selection.rangeCount ? selection.getRangeAt(0) : null;
  const target = range && body.contains(range.startContainer) ? range : doc.createRange();
  if (target !== range) target.setStart(body, 0);
  const fragment = textToFragment(doc, text);
  const last = fragment.lastChild;
  target.insertNode(fragment);
  if (last) {
    target.setStartAfter(last);
    target.collapse(true);
    selection?.removeAllRanges();
    selection?.addRange(target);
  }
  body.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
  return true;
}

/**
 * Lets an editor that tracks the selection asynchronously (roosterjs listens
 * to selectionchange, and re-applies its own saved selection on focus) catch
 * up with the caret just placed: waits a frame, puts the caret back, waits again.
 */
export async function settleCaret(body: HTMLElement): Promise<void> {
  const doc = body.ownerDocument;
  const view = doc.defaultView!;
  const selection = doc.getSelection();
  const intended = selection?.rangeCount ? selection.getRangeAt(0).cloneRange() : null;
  const frame = () => new Promise<void>((resolve) => view.requestAnimationFrame(() => view.setTimeout(resolve, 0)));
  await frame();
  if (intended && body.contains(intended.startContainer)) {
    selection!.removeAllRanges();
    selection!.addRange(intended);
    await frame();
  }
}

/** Firefox's helper that copies a content script's object into the page's world (absent elsewhere). */
declare const cloneInto: ((value: unknown, target: object, options?: { cloneFunctions?: boolean; wrapReflectors?: boolean }) => unknown) | undefined;

type PageWindow = Window & typeof globalThis;

/**
 * The page's own window, seen from a Firefox content script (`wrappedJSObject`,
 * waiving the Xray vision), or null in Chrome, where content scripts share
 * DOM objects with the page.
 */
function pageWindow(view: Window): PageWindow | null {
  const waived = (view as Window & { wrappedJSObject?: PageWindow }).wrappedJSObject;
  return waived && typeof cloneInto === 'function' ? waived : null;
}

/**
 * Dispatches a paste event; true when the editor took it (called preventDefault).
 *
 * In Firefox the event and its DataTransfer are built with the page's own
 * constructors and `clipboardData` is defined on the event in the page's
 * world: Gecko ignores `clipboardData` in the ClipboardEvent constructor, and
 * data set by a content script is not readable by the page. Without this
 * roosterjs receives an empty paste, cancels it, and inserts nothing.
 */
export function insertWithPaste(body: HTMLElement, html: string, text: string): boolean {
  const view = body.ownerDocument.defaultView as PageWindow;
  const page = pageWindow(view);
  const world = page ?? view;
  const data = new world.DataTransfer();
  data.setData('text/html', html);
  data.setData('text/plain', text);
  let event: ClipboardEvent;
  if (page && cloneInto) {
    event = new page.ClipboardEvent('paste', cloneInto({ bubbles: true, cancelable: true }, page) as ClipboardEventInit);
    page.Object.defineProperty(event, 'clipboardData', cloneInto({ value: data, enumerable: true, configurable: true }, page, { wrapReflectors: true }) as PropertyDescriptor);
  } else {
    event = new view.ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true });
  }
  body.dispatchEvent(event);
  return event.defaultPrevented;
}
