// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { compact, copiesIn, insertChecked, type Strategy } from '../../../lib/mail/landing';

const LETTER = 'Madame,\n\nNous avons bien reçu votre règlement de 1 250,00 €.\n\nBien cordialement,';

function editor(html = '<div>Bonjour,</div>'): HTMLElement {
  document.body.innerHTML = `<div id="b" contenteditable="true">${html}</div>`;
  const body = document.getElementById('b')!;
  const range = document.createRange();
  range.setStart(body, body.childNodes.length);
  getSelection()!.removeAllRanges();
  getSelection()!.addRange(range);
  return body;
}

/** A strategy that puts the letter in as blocks, the way an editor would (other whitespace, &nbsp;). */
const writes = (body: HTMLElement, name: Strategy['name'] = 'execCommand'): Strategy => ({
  name,
  run: () => {
    for (const line of LETTER.split('\n')) {
      const div = document.createElement('div');
      div.textContent = line.replaceAll(' ', '\u00A0') || '';
      body.append(div);
    }
    return true;
  },
});

describe('copiesIn', () => {
  it('finds the letter whatever the editor did to spaces and line breaks, and counts copies', () => {
    const body = editor(`<div>Madame,</div><div><br></div><div>Nous&nbsp;avons bien reçu votre règlement de 1&nbsp;250,00&nbsp;€.</div><div>Bien cordialement,</div>`);
    expect(copiesIn(body, compact(LETTER))).toBe(1);
    body.append(body.cloneNode(true));
    expect(copiesIn(body, compact(LETTER))).toBe(2);
    expect(copiesIn(body, compact('Madame, autre lettre'))).toBe(0);
  });
});

describe('insertChecked', () => {
  it('reports the strategy that put the letter in', async () => {
    const body = editor();
    expect(await insertChecked(body, LETTER, [writes(body)])).toEqual({ ok: true, strategy: 'execCommand' });
  });

  it('does not believe a strategy that says it worked but inserted nothing, and tries the next', async () => {
    const body = editor();
    const liar: Strategy = { name: 'paste', run: () => true, waitMs: 20 };
    expect(await insertChecked(body, LETTER, [liar, writes(body, 'dom')])).toEqual({ ok: true, strategy: 'dom' });
    expect(copiesIn(body, compact(LETTER))).toBe(1);
  });

  it('waits for an editor that inserts asynchronously', async () => {
    const body = editor();
    const later: Strategy = { name: 'paste', run: () => {
        setTimeout(() => writes(body).run(), 10);
        return true;
      },
      waitMs: 500,
    };
    expect(await insertChecked(body, LETTER, [later])).toEqual({ ok: true, strategy: 'paste' });
  });

  it('fails when the editor takes the letter out again right after (a re-render from its own model)', async () => {
    const body = editor();
    const model = body.innerHTML;
    new MutationObserver(() => {
      if (body.innerHTML !== model) queueMicrotask(() => (body.innerHTML = model));
    }).observe(body, { childList: true, subtree: true, characterData: true });
    expect(await insertChecked(body, LETTER, [writes(body), writes(body, 'dom')])).toEqual({ ok: false, tried: ['execCommand', 'dom'] });
  });

  it('does not count a copy of the same letter already in the draft', async () => {
    const body = editor(`<div>${LETTER}</div>`);
    const nothing: Strategy = { name: 'execCommand', run: () => true };
    expect(await insertChecked(body, LETTER, [nothing])).toEqual({ ok: false, tried: ['execCommand'] });
  });

  it('survives a strategy that throws', async () => {
    const body = editor();
    const throws: Strategy = {
      name: 'execCommand',
      run: () => {
        throw new Error('refused');
      },
    };
    expect(await insertChecked(body, LETTER, [throws, writes(body, 'dom')])).toEqual({ ok: true, strategy: 'dom' });
  });
});
