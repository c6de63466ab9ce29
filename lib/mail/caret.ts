/**
 * Where the caret was in each compose body, and where to put it back.
 *
 * Opening the palette moves the focus (and the document selection) into our
 * search field, so the body's caret must be remembered before that happens:
 * the tracker copies the selection on every `selectionchange` that lands in a
 * body. Before inserting, `placeCaret` restores it, or picks the default
 * point: the top of the body, above the signature and the quoted message.
 */

/** Remembers the last selection seen inside each body. */
export class CaretTracker {
  private readonly ranges = new WeakMap<HTMLElement, Range>();
  private lastBody: WeakRef<HTMLElement> | null = null;
  private readonly onChange = () => this.capture();

  constructor(
    private readonly doc: Document,
    /** The compose body containing a node, or null. */
    private readonly bodyOf: (node: Node) => HTMLElement | null,
  ) {
    doc.addEventListener('selectionchange', this.onChange);
  }

  capture(): void {
    const selection = this.doc.getSelection();
    if (!selection || selection.rangeCount === 0) return;
    const range = selection.getRangeAt(0);
    const body = this.bodyOf(range.startContainer);
    if (!body || !body.contains(range.endContainer)) return;
    this.ranges.set(body, range.cloneRange());
    this.lastBody = new WeakRef(body);
  }

  /** The saved range of a body, if it still points inside it. */
  get(body: HTMLElement): Range | null {
    const range = this.ranges.get(body);
    if (!range || !body.isConnected || !body.contains(range.startContainer) || !body.contains(range.endContainer)) return null;
    return range.cloneRange();
  }

  /** The body the user last had a caret in, if it is still in the page. */
  lastFocusedBody(): HTMLElement | null {
    const body = this.lastBody?.deref();
    return body?.isConnected ? body : null;
  }

  forget(body: HTMLElement): void {
    this.ranges.delete(body);
  }

  dispose(): void {
    this.doc.removeEventListener('selectionchange', this.onChange);
  }
}

/** The child of `body` that contains `node`, or null when `node` is the body itself. */
export function topLevelChild(body: HTMLElement, node: Node): Node | null {
  let n: Node | null = node;
  while (n && n.parentNode !== body) n = n.parentNode;
  return n;
}

function isEmptyLine(node: Node | null): node is HTMLElement {
  return (
    !!node &&
    node.nodeType === 1 &&
    ['DIV', 'P'].includes((node as Element).tagName) &&
    (node.textContent ?? '').trim() === '' &&
    !(node as Element).querySelector('img, table, hr')
  );
}

/**
 * The range to insert at. A saved caret wins, collapsed to its end so a
 * selection is never replaced; a caret inside the signature moves just above
 * it. Without a caret: the first line of the body when it is empty (it is
 * filled rather than pushed down), else the very top — in both cases above the
 * signature and the quoted message, which come later in the body.
 */
export function insertionRange(body: HTMLElement, saved: Range | null, signature: Element | null): Range {
  const range = body.ownerDocument.createRange();
  if (saved && signature?.contains(saved.startContainer)) {
    const block = topLevelChild(body, signature);
    if (block) {
      range.setStartBefore(block);
      return range;
    }
  }
  if (saved) {
    range.setStart(saved.endContainer, saved.endOffset);
    return range;
  }
  const first = body.firstChild;
  if (isEmptyLine(first) && !(signature && first.contains(signature))) {
    range.selectNodeContents(first);
    range.collapse(true);
    return range;
  }
  range.setStart(body, 0);
  return range;
}

/** Focuses the body without scrolling and selects `range` in it. */
export function placeCaret(body: HTMLElement, range: Range): void {
  body.focus({ preventScroll: true });
  const selection = body.ownerDocument.getSelection();
  selection?.removeAllRanges();
  selection?.addRange(range);
}

const BLOCKS = new Set(['DIV', 'P', 'LI', 'TR', 'H1', 'H2', 'H3', 'BLOCKQUOTE', 'UL', 'OL', 'TABLE']);

/** The last non-empty line of text in the body before `range` (block elements and <br> end lines). */
export function lineBefore(body: HTMLElement, range: Range): string {
  const before = body.ownerDocument.createRange();
  before.setStart(body, 0);
  try {
    before.setEnd(range.startContainer, range.startOffset);
  } catch {
    return '';
  }
  const fragment = before.cloneContents();
  let text = '';
  const walk = (node: Node) => {
    if (node.nodeType === 3) text += node.textContent ?? '';
    else if (node.nodeName === 'BR') text += '\n';
    else {
      const block = BLOCKS.has(node.nodeName);
      if (block) text += '\n';
      node.childNodes.forEach(walk);
      if (block) text += '\n';
    }
  };
  walk(fragment);
  return text.split('\n').map((l) => l.trim()).filter(Boolean).at(-1) ?? '';
}
