/** Small DOM helpers shared by the mail adapters. */
import type { Compose } from './adapter';

/** Every compose of a document: each body whose root is found, one compose per root, in document order. */
export function composesIn(doc: Document, bodySelector: string, rootOf: (body: HTMLElement) => HTMLElement | null): Compose[] {
  const out: Compose[] = [];
  for (const body of doc.querySelectorAll<HTMLElement>(bodySelector)) {
    const root = rootOf(body);
    if (root && !out.some((c) => c.root === root)) out.push({ root, body });
  }
  return out;
}

/** The compose whose body contains `node`. */
export function composeAround(node: Node, bodySelector: string, rootOf: (body: HTMLElement) => HTMLElement | null): Compose | null {
  const el = node.nodeType === 1 ? (node as Element) : node.parentElement;
  const body = el?.closest<HTMLElement>(bodySelector);
  const root = body && rootOf(body);
  return body && root ? { root, body } : null;
}

/** Whether an element is rendered: connected, not hidden by an attribute or by CSS. */
export function isVisible(el: Element): boolean {
  if (!el.isConnected) return false;
  if (el instanceof HTMLInputElement && el.type === 'hidden') return false;
  const view = el.ownerDocument.defaultView;
  for (let n: Element | null = el; n; n = n.parentElement) {
    if ((n as HTMLElement).hidden) return false;
    const style = view?.getComputedStyle(n);
    if (style && (style.display === 'none' || style.visibility === 'hidden')) return false;
  }
  return true;
}

/**
 * Writes an input's value so that the page's framework keeps it: the value,
 * then bubbling input and change events (React- or Preact-controlled inputs
 * update their state from the input event; without it the next render reverts
 * the value).
 */
export function setInputValue(input: HTMLInputElement, value: string): void {
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

/** First element matching one of the selectors, tried in order. */
export function queryFirst<T extends Element = HTMLElement>(root: ParentNode, selectors: readonly string[]): T | null {
  for (const selector of selectors) {
    const el = root.querySelector<T>(selector);
    if (el) return el;
  }
  return null;
}
