import { describe, expect, it } from 'vitest';
import { emptyData, putTemplate, readData } from '../../../lib/personal/data';
import { compileDraft, type Draft } from '../../../lib/personal/draft';
import { fieldMenu, occurrences, suggestField, turnIntoField } from '../../../lib/personal/fields';
import { applyImport, planImport } from '../../../lib/personal/import';
import { render } from '../../../lib/render/render';
import type { Template } from '../../../lib/templates/types';
import { context } from '../helpers';

const now = new Date(2026, 10, 23);
const base: Draft = {
  title: 'Confirmation de paiement reçu',
  keywords: 'paiement',
  audience: 'entreprise',
  subject: 'Facture FA-2026-0142 : règlement reçu',
  body: 'Bonjour,\n\nNous avons bien reçu le règlement de la facture FA-2026-0142 de Durand Équipement, soit 1 250,00 € par virement.\nDurandal et Durand-Martin ne sont pas concernés ; Durand Équipement, oui.\n\nBien cordialement,',
  fields: {},
};
const at = (word: string, d: Draft = base, part: 'body' | 'subject' = 'body') => {
  const start = d[part].indexOf(word);
  return { word, part, start, end: start + word.length };
};

describe('« Transformer en champ »', () => {
  it('finds whole words only, never inside a field', () => {
    expect(occurrences('Durand, Durandal, Durand-Martin, {{durand}} et Durand.', 'Durand').map(([s]) => s)).toEqual([0, 47]);
    expect(occurrences('1 250,00 € et 21 250,00 €', '1 250,00')).toHaveLength(1);
  });

  it('turns every occurrence of a word into one new field, in the subject and the body, with the word as the example', () => {
    const { draft, name } = turnIntoField(base, context(), { ...at('Durand Équipement'), everywhere: true, label: 'Société cliente', type: 'text' });
    expect(name).toBe('societe_cliente');
    expect(draft.body).toContain('de {{societe_cliente}}, soit');
    expect(draft.body).toContain('; {{societe_cliente}}, oui');
    expect(draft.body).toContain('Durandal et Durand-Martin');
    expect(draft.fields.societe_cliente).toEqual({ label: 'Société cliente', type: 'text', placeholder: 'Durand Équipement' });
    const { template, problems } = compileDraft(draft, context(), []);
    expect(problems).toEqual([]);
    expect(render(template!, { societe_cliente: 'Lefèvre SA' }, now).text).toContain('facture FA-2026-0142 de Lefèvre SA, soit');
  });

  it('or only the one selected', () => {
    const second = base.body.lastIndexOf('Durand Équipement');
    const { draft } = turnIntoField(base, context(), { word: 'Durand Équipement', part: 'body', start: second, end: second + 17, everywhere: false, label: 'Société', type: 'text' });
    expect(draft.body.match(/Durand Équipement/g)).toHaveLength(1);
    expect(draft.body).toContain('; {{societe}}, oui');
  });

  it('uses a shared field when the user picks one: the invoice number in the subject and the body', () => {
    const { draft, name } = turnIntoField(base, context(), { ...at('FA-2026-0142', base, 'subject'), everywhere: true, shared: 'facture_numero' });
    expect(name).toBe('facture_numero');
    expect(draft.subject).toBe('Facture {{facture_numero}} : règlement reçu');
    expect(draft.body).toContain('la facture {{facture_numero}} de');
    expect(draft.fields).toEqual({});
  });

  it('takes the « € » with an amount, since the amount field writes its own', () => {
    const { draft } = turnIntoField(base, context(), { ...at('1 250,00'), everywhere: true, shared: 'montant' });
    expect(draft.body).toContain('soit {{montant}} par virement');
    const { template } = compileDraft(draft, context(), []);
    expect(render(template!, { montant: '980' }, now).text).toContain('soit 980,00\u00A0€ par virement');
  });

  it('makes a list of choices with the word among them', () => {
    const { draft, name } = turnIntoField(base, context(), { ...at('virement'), everywhere: false, label: 'Moyen de paiement', type: 'choice', options: ['chèque', 'virement', 'carte bancaire'] });
    expect(draft.fields[name]?.options).toEqual([
      { value: 'virement', label: 'virement' },
      { value: 'cheque', label: 'chèque' },
      { value: 'carte_bancaire', label: 'carte bancaire' },
    ]);
    const { template } = compileDraft(draft, context(), []);
    expect(render(template!, { [name]: 'cheque' }, now).text).toContain('par chèque.');
  });

  it('refuses in French what it cannot do', () => {
    expect(() => turnIntoField(base, context(), { word: '', part: 'body', start: 3, end: 3, everywhere: true, label: 'x' })).toThrow(/Sélectionnez d’abord/);
    expect(() => turnIntoField(base, context(), { ...at('Durand Équipement'), everywhere: true, label: ' ' })).toThrow(/Donnez un libellé/);
    const withField = { ...base, body: 'Bonjour {{destinataire_nom}},' };
    expect(() => turnIntoField(withField, context(), { word: 'jour {{dest', part: 'body', start: 3, end: 14, everywhere: true, label: 'x' })).toThrow(/contient déjà un champ/);
    expect(() => turnIntoField(base, context(), { ...at('virement'), everywhere: true, label: 'Moyen', type: 'choice', options: [] })).toThrow(/au moins deux choix/);
  });

  it('never gives a new field the name of a shared one', () => {
    const { name } = turnIntoField(base, context(), { ...at('Durand Équipement'), everywhere: true, label: 'Montant', type: 'text' });
    expect(name).toBe('montant_2');
  });

  it('guesses what a word is from its shape', () => {
    expect(suggestField('FA-2026-0142')).toMatchObject({ shared: 'facture_numero' });
    expect(suggestField('1 250,00 €')).toMatchObject({ type: 'amount', shared: 'montant' });
    expect(suggestField('15/12/2026')).toMatchObject({ type: 'date' });
    expect(suggestField('12 mars 2026')).toMatchObject({ type: 'date' });
    expect(suggestField('claire@exemple.fr')).toMatchObject({ type: 'email' });
    expect(suggestField('Durand')).toMatchObject({ type: 'text', label: 'Nom' });
  });
});

describe('« Insérer un champ »', () => {
  it('lists the shared fields by their French labels, and the signature block', () => {
    const menu = fieldMenu(context());
    expect(menu.map((g) => g.label)).toEqual(['Destinataire', 'Facture et paiement', 'Dates', 'Vous']);
    const all = menu.flatMap((g) => g.fields);
    expect(all).toContainEqual({ insert: '{{facture_numero}}', label: 'N° de facture' });
    expect(all).toContainEqual({ insert: '{{destinataire_nom}}', label: 'Nom du destinataire' });
    expect(all.at(-1)?.insert).toBe('{{> expediteur}}');
    for (const f of all) expect(f.label).not.toMatch(/[{}_]/);
  });
});

function tpl(id: string, title: string, body: string): Template {
  const { template } = compileDraft({ ...base, id, title, body }, context(), []);
  return template!;
}

describe('importing into « Mes modèles »', () => {
  it('adds new templates, skips identical ones, and keeps both on a conflict unless told to replace', () => {
    let data = emptyData('aaaa');
    data = putTemplate(data, tpl('relance', 'Relance de facture impayée', 'Bonjour,\n\nMa version.'), now);
    data = putTemplate(data, tpl('merci', 'Remerciement pour le paiement', 'Bonjour,\n\nMerci.'), now);
    const incoming = [
      tpl('relance', 'Relance de facture impayée', 'Bonjour,\n\nLa version de l’équipe.'),
      tpl('merci', 'Remerciement pour le paiement', 'Bonjour,\n\nMerci.'),
      tpl('nouveau', 'Un modèle tout nouveau ici', 'Bonjour,\n\nNouveau.'),
    ];
    const plan = planImport(data.templates, incoming);
    expect(plan.map((i) => i.status)).toEqual(['conflict', 'same', 'new']);
    const kept = applyImport(data, plan, [], now);
    expect(kept.data.templates.map((t) => [t.id, t.title])).toEqual([
      ['relance', 'Relance de facture impayée'],
      ['merci', 'Remerciement pour le paiement'],
      ['relance-2', 'Relance de facture impayée (importé)'],
      ['nouveau', 'Un modèle tout nouveau ici'],
    ]);
    expect(kept.skipped).toEqual(['Remerciement pour le paiement']);
    const replaced = applyImport(data, plan, ['replace', 'skip', 'skip'], now);
    expect(replaced.data.templates.find((t) => t.id === 'relance')?.body).toContain('La version de l’équipe.');
    expect(replaced.data.meta.relance?.rev).toBe(2);
    expect(replaced.data.templates).toHaveLength(2);
  });
});

describe('stored « Mes modèles »', () => {
  it('reads back what was written, and sets apart a damaged template without losing the others', () => {
    const data = putTemplate(emptyData('aaaa'), tpl('merci', 'Remerciement pour le paiement', 'Bonjour,\n\nMerci.'), now);
    const round = readData(JSON.parse(JSON.stringify(data)));
    expect(round.data).toEqual(data);
    const damaged = readData({ ...data, templates: [...data.templates, { id: 'x', title: 3 }] });
    expect(damaged.data.templates.map((t) => t.id)).toEqual(['merci']);
    expect(damaged.bad).toHaveLength(1);
    expect(readData('nimporte').unreadable).toBe(true);
  });
});
