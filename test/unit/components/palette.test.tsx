// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { key, type } from './events';
import { Palette, type PaletteProps } from '../../../components/Palette';
import { paletteProps } from './palette-props';
import type { LibraryTemplate } from '../../../lib/packs/library';
import type { Template } from '../../../lib/templates/types';
import { compileOk } from '../helpers';

const now = new Date(2026, 10, 23);
const inPack = (t: Template): LibraryTemplate => ({ ...t, uid: `equipe/${t.id}`, packId: 'equipe', packName: 'Pack de l’équipe' });
const reminder = inPack(compileOk(
  { id: 'relance', title: 'Un client est en retard dans le règlement de sa facture, vous le relancez.', keywords: ['relance facture'] },
  '{{civilite}},\n\nLa facture n° {{facture_numero}} de {{montant}} est due.\n\nBien cordialement,\n\n{{> expediteur}}',
));
const thanks = inPack(compileOk(
  { id: 'merci', title: 'Vous remerciez un client pour son paiement rapide.', keywords: ['merci paiement'], subject: 'Merci' },
  '{{bonjour}},\n\nMerci pour votre paiement.\n\nBien cordialement,\n\n{{> expediteur}}',
));
const templates: LibraryTemplate[] = [reminder, thanks];

let root: HTMLElement;
function mount(overrides: Partial<PaletteProps> = {}) {
  root = document.createElement('div');
  document.body.append(root);
  const props = paletteProps(templates, now, { recent: ['equipe/merci'], ...overrides });
  act(() => render(<Palette {...props} />, root));
  return props;
}

const $ = <T extends Element = HTMLElement>(sel: string) => root.querySelector<T>(sel)!;

afterEach(() => {
  render(null, root);
  root.remove();
});

describe('Palette', () => {
  it('is a combobox controlling a listbox, recent templates first', () => {
    mount();
    const input = $<HTMLInputElement>('[role="combobox"]');
    expect(input.getAttribute('aria-label')).toBe('Rechercher un modèle');
    expect(input.getAttribute('aria-controls')).toBe($('[role="listbox"]').id);
    const options = [...root.querySelectorAll('[role="option"]')];
    expect(options.map((o) => o.textContent)).toEqual([expect.stringMatching(/^Vous remerciez un client/), expect.stringMatching(/^Un client est en retard/)]);
    expect(options[0]!.textContent).toContain('Récent');
    // Each result says which pack it comes from.
    expect(options[1]!.textContent).toContain('Pack de l’équipe');
    expect(document.activeElement === input || root.contains(document.activeElement)).toBe(true);
  });

  it('moves with the arrow keys and picks with Enter', () => {
    mount();
    const input = $<HTMLInputElement>('[role="combobox"]');
    type(input, 'relance facture');
    expect(root.querySelectorAll('[role="option"]')).toHaveLength(1);
    expect(input.getAttribute('aria-activedescendant')).toBe('modeles-option-0');
    key(input, 'ArrowDown');
    expect(input.getAttribute('aria-activedescendant')).toBe('modeles-option-0');
    key(input, 'Enter');
    expect($('form').getAttribute('aria-label')).toContain('Un client est en retard');
  });

  it('shows one labelled control per field, checks required ones and inserts with Ctrl+Enter', () => {
    const props = mount({ entries: [reminder], templates: [reminder], recent: [] });
    key($('[role="combobox"]'), 'Enter');
    for (const control of root.querySelectorAll('form input:not([type="radio"]):not([tabindex="-1"]), form select, form textarea')) {
      expect(root.querySelector(`label[for="${control.id}"]`)?.textContent).toBeTruthy();
    }
    key($('form'), 'Enter', { ctrlKey: true });
    expect(props.onInsert).not.toHaveBeenCalled();
    expect($('[role="alert"]').textContent).toMatch(/champs sont à corriger/);
    expect($('#field-facture_numero').getAttribute('aria-invalid')).toBe('true');
    expect($(`#${$('#field-facture_numero').getAttribute('aria-describedby')!.split(' ').pop()}`).textContent).toBe('Ce champ est obligatoire.');

    type($<HTMLInputElement>('#field-facture_numero'), 'FA-12');
    type($<HTMLInputElement>('#field-montant'), '1250');
    type($<HTMLInputElement>('#field-expediteur_nom'), 'Claire Martin');
    expect($('.preview').textContent).toContain('FA-12');
    expect($('#field-montant-hint').textContent).toContain('1\u202F250,00\u00A0€');
    key($('#field-montant'), 'Enter', { ctrlKey: true });
    expect(props.onInsert).toHaveBeenCalledWith(reminder, expect.objectContaining({ facture_numero: 'FA-12', montant: '1250' }), true);
  });

  it('asks before replacing a subject the user already wrote', () => {
    const props = mount({ entries: [thanks], templates: [thanks], recent: [], subject: { kind: 'filled', current: 'Notre échange' } });
    key($('[role="combobox"]'), 'Enter');
    expect(root.textContent).toContain('Garder l’objet actuel : « Notre échange »');
    type($<HTMLInputElement>('#field-expediteur_nom'), 'Claire');
    key($('form'), 'Enter', { ctrlKey: true });
    expect(props.onInsert).toHaveBeenLastCalledWith(thanks, expect.anything(), false);
  });

  it('searches before the whole templates are here, and opens a template picked meanwhile when they arrive', () => {
    const props = mount({ templates: null, recent: [] });
    type($<HTMLInputElement>('[role="combobox"]'), 'merci paiement');
    key($('[role="combobox"]'), 'Enter');
    expect(root.querySelector('form')).toBeNull();
    expect($('[role="status"]').textContent).toBe('Ouverture du modèle…');
    act(() => render(<Palette {...props} templates={templates} />, root));
    expect($('form').getAttribute('aria-label')).toContain('paiement rapide');
    expect(root.textContent).not.toContain('Ouverture du modèle…');
  });

  it('closes with Escape from the search and from the form', () => {
    const props = mount();
    key($('[role="combobox"]'), 'Escape');
    expect(props.onClose).toHaveBeenCalledTimes(1);
    key($('[role="combobox"]'), 'Enter');
    key($('form input'), 'Escape');
    expect(props.onClose).toHaveBeenCalledTimes(2);
  });

  it('announces problems in French in an alert', () => {
    mount({ error: 'Les modèles n’ont pas pu être chargés.' });
    expect($('[role="alert"]').textContent).toBe('Les modèles n’ont pas pu être chargés.');
  });

  it('gives back a letter that could not be inserted: the form stays, « Copier la lettre » has the focus', () => {
    const unsaved = { text: 'Madame,\n\nMerci.', subject: 'Merci', copied: null };
    const props = mount({ entries: [thanks], templates: [thanks], recent: [] });
    key($('[role="combobox"]'), 'Enter');
    type($<HTMLInputElement>('#field-expediteur_nom'), 'Claire');
    act(() => render(<Palette {...props} unsaved={unsaved} />, root));
    expect($('[role="alert"]').textContent).toMatch(/n’a pas pu être insérée.*Vos saisies sont gardées.*Cliquez sur « Copier la lettre »/);
    expect($('[role="alert"]').textContent).toContain('Objet proposé : « Merci »');
    expect($<HTMLInputElement>('#field-expediteur_nom').value).toBe('Claire');
    const button = [...root.querySelectorAll('button')].find((b) => b.textContent === 'Copier la lettre')!;
    expect(document.activeElement).toBe(button);
    button.click();
    expect(props.onCopy).toHaveBeenCalledTimes(1);

    act(() => render(<Palette {...props} unsaved={{ ...unsaved, copied: true }} />, root));
    expect($('[role="alert"]').textContent).toContain('La lettre est copiée dans le presse-papiers');
    // The clipboard refused: the letter is there to select by hand.
    act(() => render(<Palette {...props} unsaved={{ ...unsaved, copied: false }} />, root));
    expect($<HTMLTextAreaElement>('textarea[aria-label="La lettre"]').value).toBe(unsaved.text);
  });
});
