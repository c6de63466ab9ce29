// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { key, type } from './events';
import { Palette, type PaletteProps } from '../../../components/Palette';
import type { DossierBridge, PrintBridge } from '../../../components/dossiers/bridge';
import { PostalForm } from '../../../components/print/PostalForm';
import type { PostalDetails } from '../../../lib/print/letter';
import { useState } from 'preact/hooks';
import { paletteProps } from './palette-props';
import type { LibraryTemplate } from '../../../lib/packs/library';
import type { Template } from '../../../lib/templates/types';
import { compileOk } from '../helpers';

const now = new Date(2026, 10, 23);
const inPack = (t: Template): LibraryTemplate => ({ ...t, uid: `modeles-base/${t.id}`, packId: 'modeles-base', packName: 'Modèles' });
const second = inPack(
  compileOk(
    { id: 'deuxieme', title: 'Un client que vous avez déjà relancé n’a toujours pas réglé : deuxième relance.', keywords: ['deuxieme relance'], kind: 'relance', level: 2 },
    '{{civilite}},\n\nLa facture n° {{facture_numero}} de {{montant}} reste due.\n\nBien cordialement,\n\n{{> expediteur}}',
  ),
);
const notice = inPack(
  compileOk(
    { id: 'med', title: 'Malgré vos relances, vous mettez le client en demeure de payer la facture.', keywords: ['mise en demeure'], kind: 'relance', level: 3, channel: 'lettre' },
    '{{civilite}},\n\nLa facture n° {{facture_numero}} de {{montant}} reste due.\n\nNous vous prions d’agréer, {{civilite}}, nos salutations distinguées.\n\n{{> expediteur}}',
  ),
);
const templates = [second, notice];

const offerRow = { key: 'd1', group: 'Relances en cours', label: 'FA-2026-0142 · Durand SARL · 1 250,00 € · 1re relance le 5 novembre → 2e relance' };
const choices = [
  { label: '2e relance', letters: [{ uid: second.uid, title: second.title, suggested: true }] },
  { label: 'Dernière relance', letters: [{ uid: notice.uid, title: notice.title, suggested: false }] },
];
const dossiers: DossierBridge = {
  offers: (q) => (q === '' || q.includes('0142') ? [offerRow] : []),
  open: async (dossierKey, uid) => {
    const template = uid === notice.uid ? notice : second;
    return { key: dossierKey, template, values: { facture_numero: 'FA-2026-0142', montant: '1 250,00', civilite: 'monsieur' }, summary: 'FA-2026-0142 · Durand SARL', choices };
  },
};

let root: HTMLElement;
function mount(overrides: Partial<PaletteProps> = {}) {
  root = document.createElement('div');
  document.body.append(root);
  const props = paletteProps(templates, now, { dossiers, ...overrides });
  act(() => render(<Palette {...props} />, root));
  return props;
}

const $ = <T extends Element = HTMLElement>(sel: string) => root.querySelector<T>(sel)!;
const click = (el: Element) => act(() => void (el as HTMLElement).click());
const settle = () => act(async () => await new Promise((r) => setTimeout(r, 0)));

afterEach(() => {
  render(null, root);
  root.remove();
});

describe('the dossiers in the palette', () => {
  it('come first, in their own labelled group, active, and Enter opens the next letter prefilled', async () => {
    const props = mount();
    const group = $('[role="listbox"] [role="group"]');
    expect(root.querySelector(`#${group.getAttribute('aria-labelledby')}`)!.textContent).toBe('Relances en cours');
    const options = [...root.querySelectorAll('[role="option"]')];
    expect(options[0]!.textContent).toBe(offerRow.label);
    expect(options[0]!.getAttribute('aria-selected')).toBe('true');
    const input = $<HTMLInputElement>('[role="combobox"]');
    expect(input.getAttribute('aria-activedescendant')).toBe(options[0]!.id);
    // ↓ moves on to the templates, ↑ back to the dossier.
    key(input, 'ArrowDown');
    expect(input.getAttribute('aria-activedescendant')).toBe('modeles-option-0');
    key(input, 'ArrowUp');
    key(input, 'Enter');
    await settle();
    expect($('form').getAttribute('aria-label')).toContain('deuxième relance');
    expect($<HTMLInputElement>('#field-facture_numero').value).toBe('FA-2026-0142');
    expect($<HTMLInputElement>('#field-montant').value).toBe('1 250,00');
    expect($<HTMLSelectElement>('#field-civilite').value).toBe('monsieur');
    expect($('.dossier-banner').textContent).toContain('FA-2026-0142 · Durand SARL');
    type($<HTMLInputElement>('#field-expediteur_nom'), 'Claire Martin');
    key($('form'), 'Enter', { ctrlKey: true });
    expect(props.onInsert).toHaveBeenCalledWith(second, expect.objectContaining({ facture_numero: 'FA-2026-0142', expediteur_nom: 'Claire Martin' }), true);
  });

  it('another step can be chosen, and is opened prefilled too', async () => {
    mount();
    key($('[role="combobox"]'), 'Enter');
    await settle();
    const select = $<HTMLSelectElement>('#dossier-step');
    expect(root.querySelector('label[for="dossier-step"]')!.textContent).toBe('Autre étape');
    expect([...select.querySelectorAll('optgroup')].map((g) => g.label)).toEqual(['2e relance', 'Dernière relance']);
    act(() => {
      select.value = notice.uid;
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    click([...root.querySelectorAll('button')].find((b) => b.textContent === 'Ouvrir cette lettre')!);
    await settle();
    expect($('form').getAttribute('aria-label')).toContain('mettez le client en demeure');
    expect($<HTMLInputElement>('#field-facture_numero').value).toBe('FA-2026-0142');
  });

  it('a dossier gone in the meantime is said in French, and the search stays', async () => {
    mount({ dossiers: { ...dossiers, open: async () => null } });
    key($('[role="combobox"]'), 'Enter');
    await settle();
    expect($('[role="alert"]').textContent).toMatch(/^Ce dossier n’a pas pu être ouvert/);
    expect(root.querySelector('[role="combobox"]')).not.toBeNull();
  });

  it('without a dossier for the message, the results are the templates alone', () => {
    mount({ dossiers: { ...dossiers, offers: () => [] } });
    expect(root.querySelector('[role="group"]')).toBeNull();
    expect(root.querySelectorAll('[role="option"]')).toHaveLength(2);
  });
});

function openNotice() {
  type($<HTMLInputElement>('[role="combobox"]'), 'mise en demeure');
  key($('[role="combobox"]'), 'Enter');
}

describe('« Imprimer en lettre » in the palette', () => {
  it('is offered for letters only, checks the form first, then opens the print view and says where it is', async () => {
    const print: PrintBridge = { open: vi.fn(async () => undefined) };
    mount({ print, dossiers: { ...dossiers, offers: () => [] } });
    type($<HTMLInputElement>('[role="combobox"]'), 'deuxieme relance');
    key($('[role="combobox"]'), 'Enter');
    expect([...root.querySelectorAll('button')].some((b) => b.textContent === 'Imprimer en lettre')).toBe(false);
    click($('.back'));
    openNotice();
    const button = [...root.querySelectorAll('button')].find((b) => b.textContent === 'Imprimer en lettre')!;
    click(button);
    expect(print.open).not.toHaveBeenCalled();
    expect($('#field-facture_numero').getAttribute('aria-invalid')).toBe('true');
    type($<HTMLInputElement>('#field-facture_numero'), 'FA-1');
    type($<HTMLInputElement>('#field-montant'), '100');
    type($<HTMLInputElement>('#field-expediteur_nom'), 'Claire Martin');
    click(button);
    expect(print.open).toHaveBeenCalledWith(notice, expect.objectContaining({ facture_numero: 'FA-1' }));
    await act(async () => await new Promise((r) => setTimeout(r, 0)));
    expect($('.print-done').textContent).toMatch(/^L’aperçu avant impression est ouvert dans un nouvel onglet : indiquez-y les adresses postales/);
    expect($<HTMLInputElement>('#field-facture_numero').value).toBe('FA-1');
  });

  it('says in French when the view cannot open, and keeps everything', async () => {
    const print: PrintBridge = { open: vi.fn(async () => Promise.reject(new Error('L’aperçu avant impression n’a pas pu s’ouvrir.'))) };
    mount({ print, dossiers: { ...dossiers, offers: () => [] } });
    openNotice();
    type($<HTMLInputElement>('#field-facture_numero'), 'FA-1');
    type($<HTMLInputElement>('#field-montant'), '100');
    type($<HTMLInputElement>('#field-expediteur_nom'), 'Claire Martin');
    click([...root.querySelectorAll('button')].find((b) => b.textContent === 'Imprimer en lettre')!);
    await act(async () => await new Promise((r) => setTimeout(r, 0)));
    expect($('[role="alert"]').textContent).toBe('L’aperçu avant impression n’a pas pu s’ouvrir.');
    expect($<HTMLInputElement>('#field-facture_numero').value).toBe('FA-1');
  });
});

describe('the postal details of the print view', () => {
  const POSTAL = { senderName: 'Claire Martin', senderCompany: '', recipientName: 'Durand SARL', recipientAddress: '', senderAddress: '5 avenue Foch\n69006 Lyon', place: 'Lyon', registered: true, registeredNumber: '' };

  function Host({ onPrint }: { onPrint(p: PostalDetails): void }) {
    const [postal, setPostal] = useState<PostalDetails>(POSTAL);
    return <PostalForm postal={postal} company busy={false} onChange={setPostal} onPrint={onPrint} />;
  }

  it('labels every field, starts where typing is needed, checks in French, follows the town, prints with Ctrl+Entrée', () => {
    const onPrint = vi.fn();
    root = document.createElement('div');
    document.body.append(root);
    act(() => render(<Host onPrint={onPrint} />, root));
    const form = $('form.postal');
    for (const control of form.querySelectorAll('input, textarea')) expect(form.querySelector(`label[for="${control.id}"]`) ?? control.closest('label')).toBeTruthy();
    expect(document.activeElement?.id).toBe('print-recipientAddress');
    key(form, 'Enter', { ctrlKey: true });
    expect(onPrint).not.toHaveBeenCalled();
    expect($('#print-recipientAddress-error').textContent).toBe('Indiquez l’adresse postale : la rue, puis le code postal et la ville.');
    type($<HTMLTextAreaElement>('#print-recipientAddress'), 'a\nb\nc\nd\ne\n75011 Paris');
    expect($('#print-recipientAddress-error').textContent).toMatch(/^L’adresse tient en 7 lignes/);
    type($<HTMLTextAreaElement>('#print-recipientAddress'), '12 rue des Tanneurs\n44000 Nantes');
    type($<HTMLTextAreaElement>('#print-senderAddress'), '1 place Bellecour\n69002 LYON CEDEX 02');
    expect($<HTMLInputElement>('#print-place').value).toBe('Lyon');
    // Entrée in a one-line field moves on; it never prints by accident.
    key($('#print-place'), 'Enter');
    expect(onPrint).not.toHaveBeenCalled();
    key(form, 'Enter', { ctrlKey: true });
    expect(onPrint).toHaveBeenCalledWith(expect.objectContaining({ recipientAddress: '12 rue des Tanneurs\n44000 Nantes', senderAddress: '1 place Bellecour\n69002 LYON CEDEX 02', registered: true }));
  });
});
