// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Palette, type SaveDraftOffer } from '../../../components/Palette';
import { checkDraft, compileDraft, customNames } from '../../../lib/personal/draft';
import { draftFromMail, type Draft } from '../../../lib/personal/draft-model';
import type { CheckReply } from '../../../lib/personal/messages';
import { context } from '../helpers';
import { paletteProps } from './palette-props';

let root: HTMLElement;
/** The form kept between two openings of the palette (the session keeps it per compose). */
let kept: Draft | null = null;

/** The palette with a save offer whose background is this process (same compiler as the service). */
function mount() {
  const saved: Draft[] = [];
  const offer: SaveDraftOffer = {
    label: 'Enregistrer ce brouillon comme modèle',
    start: (fresh) =>
      kept && !fresh
        ? { draft: kept, fromSelection: false, lostFormatting: false, resumed: true }
        : {
            draft: draftFromMail('RE: Facture FA-2026-0142', 'Bonjour Madame Durand,\n\nVotre facture FA-2026-0142 de 1 250,00 € est réglée. Merci pour FA-2026-0142.\n\nBien cordialement,'),
            fromSelection: false,
            lostFormatting: false,
            resumed: false,
          },
    keep: (draft) => void (kept = draft),
    api: {
      catalogue: async () => context(),
      check: async (draft): Promise<CheckReply> => {
        const r = checkDraft(draft, context(), []);
        return { problems: r.problems, remarks: r.remarks, ...(r.preview && { preview: r.preview }), fields: r.template?.fields ?? [], computed: r.template?.computed ?? [], own: customNames(draft, context()) };
      },
      save: async (draft) => {
        saved.push(draft);
        const { template, problems } = compileDraft(draft, context(), []);
        // As the background answers when sync storage is full.
        return template ? { ok: true, id: template.id, title: template.title, sync: 'local-only' } : { ok: false, problems };
      },
      openEditor: vi.fn(async () => undefined),
    },
  };
  root = document.createElement('div');
  document.body.append(root);
  const props = paletteProps([], new Date(2026, 10, 23), { saveDraft: offer });
  act(() => render(<Palette {...props} />, root));
  return { props, saved, offer };
}

const $ = <T extends Element = HTMLElement>(sel: string) => root.querySelector<T>(sel)!;
const byText = (text: string) => [...root.querySelectorAll('button')].find((b) => b.textContent?.trim() === text)!;
const flush = () => act(() => new Promise((r) => setTimeout(r, 300)));
const input = (el: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement, value: string) =>
  act(() => {
    el.value = value;
    el.dispatchEvent(new Event(el.tagName === 'SELECT' ? 'change' : 'input', { bubbles: true }));
  });

afterEach(() => {
  render(null, root);
  root.remove();
  kept = null;
});

describe('« Enregistrer ce brouillon comme modèle » in the palette', () => {
  it('opens a short form filled from the compose, turns a word into a field everywhere, and saves', async () => {
    const { saved } = mount();
    act(() => byText('Enregistrer ce brouillon comme modèle').click());
    await flush();
    const title = $<HTMLInputElement>('#sd-title');
    expect(document.activeElement).toBe(title);
    expect(title.value).toBe('Facture FA-2026-0142');
    expect($<HTMLInputElement>('#sd-subject').value).toBe('Facture FA-2026-0142');
    const body = $<HTMLTextAreaElement>('#sd-body');
    expect(body.value.startsWith('{{bonjour}},\n\nVotre facture FA-2026-0142')).toBe(true);

    // Select the invoice number in the text, then « Transformer en champ ».
    const start = body.value.indexOf('FA-2026-0142');
    act(() => {
      body.focus();
      body.setSelectionRange(start, start + 'FA-2026-0142'.length);
    });
    act(() => byText('Transformer en champ').click());
    const target = $<HTMLSelectElement>('#sd-turn-target');
    expect(target.value).toBe('facture_numero'); // guessed from its shape
    expect($('.turn-all').textContent).toContain('Remplacer aussi les 2 autres occurrences');
    act(() => [...root.querySelectorAll<HTMLButtonElement>('.turn button')].find((b) => b.textContent === 'Transformer en champ')!.click());
    expect($<HTMLInputElement>('#sd-subject').value).toBe('Facture {{facture_numero}}');
    expect($<HTMLTextAreaElement>('#sd-body').value).toContain('Votre facture {{facture_numero}} de 1 250,00 €');
    expect($<HTMLTextAreaElement>('#sd-body').value).toContain('Merci pour {{facture_numero}}.');
    expect($('.field-message').textContent).toBe('« FA-2026-0142 » est devenu le champ « N° de facture » (3 fois).');

    // A new field of its own, through the keyboard: label and type.
    const text = $<HTMLTextAreaElement>('#sd-body');
    const at = text.value.indexOf('1 250,00');
    act(() => {
      text.focus();
      text.setSelectionRange(at, at + '1 250,00'.length);
    });
    act(() => byText('Transformer en champ').click());
    input($<HTMLSelectElement>('#sd-turn-target'), '');
    input($<HTMLInputElement>('#sd-turn-label'), 'Somme réglée');
    input($<HTMLSelectElement>('#sd-turn-type'), 'amount');
    act(() => void $('#sd-turn-label').dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true })));
    expect($<HTMLTextAreaElement>('#sd-body').value).toContain('de {{somme_reglee}} est réglée');
    await flush();
    expect($<HTMLInputElement>('#sd-own-somme_reglee-label').value).toBe('Somme réglée');
    expect($('.preview').textContent).toContain('‹Somme réglée›');

    // « Insérer un champ »: the shared fields by their labels.
    act(() => byText('Insérer un champ ▾').click());
    expect(root.querySelector('.field-menu')?.textContent).toContain('Nom du destinataire');
    act(() => byText('Votre nom').click());
    expect(root.querySelector('.field-menu')).toBeNull();

    input($<HTMLInputElement>('#sd-title'), 'Confirmation de règlement reçu');
    act(() => byText('Enregistrer le modèle').click());
    await flush();
    expect(saved).toHaveLength(1);
    expect(saved[0]!.fields.somme_reglee).toEqual({ label: 'Somme réglée', type: 'amount' });
    expect(root.textContent).toContain('« Confirmation de règlement reçu » est dans Mes modèles.');
    expect(root.textContent).toContain('L’espace de synchronisation du navigateur est plein : ce modèle reste sur cet ordinateur.');
    expect(document.activeElement?.textContent).toBe('Fermer');
  });

  it('asks for a longer name instead of saving, and Échap in the little form does not close the palette', async () => {
    const { saved, props } = mount();
    act(() => byText('Enregistrer ce brouillon comme modèle').click());
    await flush();
    input($<HTMLInputElement>('#sd-title'), 'Court');
    act(() => byText('Enregistrer le modèle').click());
    await flush();
    expect(saved).toEqual([]);
    expect($('#sd-title-error').textContent).toMatch(/au moins 10 caractères/);
    expect($('#sd-title').getAttribute('aria-invalid')).toBe('true');

    act(() => byText('Transformer en champ').click());
    expect($('.field-message').textContent).toMatch(/^Sélectionnez d’abord/);
    const body = $<HTMLTextAreaElement>('#sd-body');
    act(() => {
      body.focus();
      body.setSelectionRange(0, 7);
    });
    act(() => byText('Transformer en champ').click());
    expect(root.querySelector('.turn')).not.toBeNull();
    act(() => void $('#sd-turn-target').dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true })));
    expect(root.querySelector('.turn')).toBeNull();
    expect(props.onClose).not.toHaveBeenCalled();
  });

  it('keeps what was typed when the palette closes, and can start again from the message', async () => {
    mount();
    act(() => byText('Enregistrer ce brouillon comme modèle').click());
    await flush();
    input($<HTMLInputElement>('#sd-title'), 'Confirmation de règlement reçu');
    await flush();
    render(null, root);
    root.remove();
    mount();
    act(() => byText('Enregistrer ce brouillon comme modèle').click());
    await flush();
    expect($<HTMLInputElement>('#sd-title').value).toBe('Confirmation de règlement reçu');
    expect(root.textContent).toContain('Vous retrouvez le formulaire tel que vous l’aviez laissé.');
    act(() => byText('Repartir du message tel qu’il est maintenant').click());
    await flush();
    expect($<HTMLInputElement>('#sd-title').value).toBe('Facture FA-2026-0142');
  });
});
