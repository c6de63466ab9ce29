// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { fitToLine, insertWithDom } from '../../../lib/mail/insert';

function caretAt(html: string, text: string | null, offset = 0): HTMLElement {
  document.body.innerHTML = `<div id="b" contenteditable="true">${html}</div>`;
  const body = document.getElementById('b')!;
  const range = document.createRange();
  if (text === null) range.setStart(body, offset);
  else {
    const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
    let node = walker.nextNode();
    while (node && !node.textContent!.includes(text)) node = walker.nextNode();
    range.setStart(node!, node!.textContent!.indexOf(text) + text.length);
  }
  getSelection()!.removeAllRanges();
  getSelection()!.addRange(range);
  return body;
}

const LETTER = '<div>Madame,</div>';
const BLANK = '<div><br></div>';

describe('fitToLine', () => {
  it('adds nothing on an empty line or between blocks', () => {
    expect(fitToLine(caretAt('<div><br></div><div>Suite</div>', null, 0), LETTER)).toBe(LETTER);
    expect(fitToLine(caretAt('<div>Bonjour,</div><div class="sig">Claire</div>', null, 1), LETTER)).toBe(LETTER);
  });

  it('starts on a new line after text on the caret’s line', () => {
    expect(fitToLine(caretAt('<div>Bonjour,</div>', 'Bonjour,'), LETTER)).toBe(BLANK + LETTER);
  });

  it('ends with a new line before text after the caret on its line', () => {
    expect(fitToLine(caretAt('<div>Bonjour, suite</div>', 'Bonjour,'), LETTER)).toBe(BLANK + LETTER + BLANK);
    expect(fitToLine(caretAt('<div>Bonjour,<br>suite</div>', 'Bonjour,'), LETTER)).toBe(BLANK + LETTER);
  });

  it('only looks at the caret’s line, not at the signature block below it', () => {
    const body = caretAt('<div dir="ltr"><br clear="all"><div><br></div><span>-- </span><br><div class="gmail_signature">Claire</div></div>', null, 0);
    const range = document.createRange();
    range.setStart(body.firstChild!, 0);
    getSelection()!.removeAllRanges();
    getSelection()!.addRange(range);
    expect(fitToLine(body, LETTER)).toBe(LETTER);
  });
});

describe('insertWithDom (fallback)', () => {
  it('builds blocks from text, so nothing typed can become markup', () => {
    const body = caretAt('<div>Avant</div>', null, 1);
    insertWithDom(body, 'Ligne <b>1</b>\n\n<img src=x onerror=alert(1)>');
    expect(body.querySelector('b, img')).toBeNull();
    expect([...body.children].map((c) => c.outerHTML)).toEqual([
      '<div>Avant</div>',
      '<div>Ligne &lt;b&gt;1&lt;/b&gt;</div>',
      '<div><br></div>',
      '<div>&lt;img src=x onerror=alert(1)&gt;</div>',
    ]);
  });
});
