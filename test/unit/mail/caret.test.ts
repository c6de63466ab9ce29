// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { CaretTracker, insertionRange, topLevelChild } from '../../../lib/mail/caret';

function body(html: string): HTMLElement {
  document.body.innerHTML = `<div id="b" contenteditable="true">${html}</div><input id="other">`;
  return document.getElementById('b')!;
}

describe('insertion point', () => {
  it('without a caret, fills an empty first line', () => {
    const b = body('<div><br></div><div class="sig">Claire</div>');
    const r = insertionRange(b, null, b.querySelector('.sig'));
    expect(r.startContainer).toBe(b.firstChild);
    expect(r.startOffset).toBe(0);
  });

  it('without a caret, goes to the very top when the first line has text', () => {
    const b = body('<div>Texte déjà écrit</div><div class="sig">Claire</div>');
    const r = insertionRange(b, null, b.querySelector('.sig'));
    expect([r.startContainer, r.startOffset]).toEqual([b, 0]);
  });

  it('does not take the block holding the signature for an empty line', () => {
    const b = body('<div dir="ltr"><br clear="all"><div class="sig">Claire</div></div>');
    const r = insertionRange(b, null, b.querySelector('.sig'));
    expect([r.startContainer, r.startOffset]).toEqual([b, 0]);
  });

  it('keeps the saved caret, collapsed to its end so a selection is never replaced', () => {
    const b = body('<div>Bonjour Jean,</div><div>Merci.</div>');
    const saved = document.createRange();
    saved.setStart(b.firstChild!.firstChild!, 0);
    saved.setEnd(b.firstChild!.firstChild!, 7);
    const r = insertionRange(b, saved, null);
    expect(r.collapsed).toBe(true);
    expect([r.startContainer, r.startOffset]).toEqual([b.firstChild!.firstChild, 7]);
  });

  it('moves a caret left in the signature just above it', () => {
    const b = body('<div>Texte</div><div dir="ltr"><span>-- </span><div class="sig">Claire</div></div>');
    const saved = document.createRange();
    saved.setStart(b.querySelector('.sig')!.firstChild!, 3);
    const r = insertionRange(b, saved, b.querySelector('.sig'));
    expect([r.startContainer, r.startOffset]).toEqual([b, 1]);
    expect(topLevelChild(b, b.querySelector('.sig')!)).toBe(b.childNodes[1]);
  });
});

describe('CaretTracker', () => {
  it('remembers the last caret of a body, and not carets elsewhere', () => {
    const b = body('<div>Bonjour</div>');
    const tracker = new CaretTracker(document, (n) => (b.contains(n) ? b : null));
    const range = document.createRange();
    range.setStart(b.firstChild!.firstChild!, 3);
    getSelection()!.removeAllRanges();
    getSelection()!.addRange(range);
    tracker.capture();
    const other = document.createRange();
    other.selectNodeContents(document.getElementById('other')!);
    getSelection()!.removeAllRanges();
    getSelection()!.addRange(other);
    tracker.capture();
    expect(tracker.get(b)?.startOffset).toBe(3);
    expect(tracker.lastFocusedBody()).toBe(b);
    b.firstChild!.remove();
    expect(tracker.get(b)).toBeNull();
    tracker.dispose();
  });
});
