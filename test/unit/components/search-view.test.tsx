// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { key, type } from './events';
import { ROWS_PAGE, SearchView, type SearchViewProps } from '../../../components/SearchView';
import { createSearchIndex } from '../../../lib/search/prepare';
import { searchDocs, type LibraryTemplate } from '../../../lib/packs/library';

/** 40 reminders and a thank-you letter: more results than the list renders at first. */
const templates = [
  ...Array.from({ length: 40 }, (_, i) => ({ id: `relance-${i}`, title: `Vous relancez un client pour la facture ${i} impayée.` })),
  { id: 'merci', title: 'Vous remerciez un client pour son paiement rapide.' },
].map((t) => ({ ...t, uid: `p/${t.id}`, packId: 'p', packName: 'Pack', category: 'paiements', audience: 'tous', keywords: [], tags: [] }) as unknown as LibraryTemplate);
const index = createSearchIndex(searchDocs(templates));

let root: HTMLElement;
function mount(overrides: Partial<SearchViewProps> = {}) {
  root = document.createElement('div');
  document.body.append(root);
  const props: SearchViewProps = { templates, loading: false, recent: [], initialQuery: '', search: (q) => index.search(q, 30), onQueryChange: vi.fn(), onPick: vi.fn(), ...overrides };
  act(() => render(<SearchView {...props} />, root));
  return props;
}

const $ = <T extends Element = HTMLElement>(sel: string) => root.querySelector<T>(sel)!;
const options = () => [...root.querySelectorAll('[role="option"]')];

afterEach(() => {
  render(null, root);
  root.remove();
});

describe('SearchView', () => {
  it('renders the first rows of many results, and the next ones as the selection moves down to them', () => {
    mount();
    const input = $<HTMLInputElement>('[role="combobox"]');
    type(input, 'relance facture');
    expect(options()).toHaveLength(ROWS_PAGE);
    // The count announced is that of all the results, not of the rows rendered.
    expect($('[aria-live]').textContent).toBe('30 modèles');
    for (let i = 0; i < ROWS_PAGE - 1; i++) key(input, 'ArrowDown');
    expect(input.getAttribute('aria-activedescendant')).toBe(`modeles-option-${ROWS_PAGE - 1}`);
    expect(options().length).toBeGreaterThan(ROWS_PAGE);
    expect(root.querySelector(`#modeles-option-${ROWS_PAGE - 1}`)?.getAttribute('aria-selected')).toBe('true');
    key(input, 'PageDown');
    expect(root.querySelector(`#${input.getAttribute('aria-activedescendant')}`)).not.toBeNull();
  });

  it('renders the next rows at once when the first ones do not fill the list, so that it can still be scrolled to them', () => {
    mount();
    const input = $<HTMLInputElement>('[role="combobox"]');
    const list = $('[role="listbox"]');
    // Rows of 55 px (templates without a short name) in a list 420 px high.
    Object.defineProperty(list, 'clientHeight', { configurable: true, get: () => 420 });
    Object.defineProperty(list, 'scrollHeight', { configurable: true, get: () => options().length * 55 });
    type(input, 'relance facture');
    expect(options()).toHaveLength(2 * ROWS_PAGE);
  });

  it('starts again from the first row at each keystroke', () => {
    mount();
    const input = $<HTMLInputElement>('[role="combobox"]');
    type(input, 'relance');
    key(input, 'ArrowDown');
    key(input, 'ArrowDown');
    expect(input.getAttribute('aria-activedescendant')).toBe('modeles-option-2');
    type(input, 'relance facture');
    expect(input.getAttribute('aria-activedescendant')).toBe('modeles-option-0');
    expect(options()).toHaveLength(ROWS_PAGE);
  });

  it('selects the option under the mouse and picks the one clicked', () => {
    const props = mount();
    const input = $<HTMLInputElement>('[role="combobox"]');
    type(input, 'paiement rapide');
    const [first] = options();
    act(() => void first!.querySelector('.result-title')!.dispatchEvent(new MouseEvent('mousemove', { bubbles: true })));
    expect(first!.getAttribute('aria-selected')).toBe('true');
    act(() => void first!.querySelector('mark, .result-title')!.dispatchEvent(new MouseEvent('click', { bubbles: true })));
    expect(props.onPick).toHaveBeenCalledWith(templates.at(-1));
  });

  it('highlights the words that matched', () => {
    mount();
    type($<HTMLInputElement>('[role="combobox"]'), 'paiement rapide');
    expect([...options()[0]!.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['paiement', 'rapide']);
  });
});
