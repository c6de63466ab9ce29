// @vitest-environment happy-dom
/** Typography of the rendered letter, greetings already typed, payment terms and checks between fields. */
import { describe, expect, it } from 'vitest';
import { lineBefore } from '../../../lib/mail/caret';
import { crossCheck } from '../../../lib/render/checks';
import { PAYMENT_TERMS, legalMaxDue } from '../../../lib/render/due-date';
import { parseGreeting } from '../../../lib/render/greeting';
import { fieldError, render } from '../../../lib/render/render';
import { typesetText } from '../../../lib/templates/typography';
import type { FieldDef } from '../../../lib/templates/types';
import { compileOk } from '../helpers';

const NOW = new Date(2026, 10, 23);
const [NBSP, NNBSP] = ['\u00A0', '\u202F'];

describe('typography of the rendered letter, typed values included', () => {
  it.each([
    ["l'entretien d'environ 2 h", `l’entretien d’environ 2${NBSP}h`],
    ['livraison sous 8 jours, remise de 15 %', `livraison sous 8${NBSP}jours, remise de 15${NBSP}%`],
    ['rendez-vous à 10h30 : merci !', `rendez-vous à 10${NBSP}h${NBSP}30${NBSP}: merci${NNBSP}!`],
    ['le modèle "Oural" coûte 1250 €', `le modèle «${NBSP}Oural${NBSP}» coûte 1${NNBSP}250${NBSP}€`],
    ['entre 2 800 € et 3 500 €', `entre 2${NNBSP}800${NBSP}€ et 3${NNBSP}500${NBSP}€`],
    ['- premier point ;', `–${NBSP}premier point${NNBSP};`],
  ])('« %s »', (typed, expected) => {
    expect(typesetText(typed)).toBe(expected);
  });

  it('leaves web and e-mail addresses as typed, and phone numbers, IBAN and postal codes alone', () => {
    for (const s of ['https://exemple.fr/a?b=c:d', 'claire.o’neil@exemple.fr', '01 23 45 67 89', 'FR76 3000 6000 0112 3456 7890 189', '69003 Lyon']) expect(typesetText(s)).toBe(s);
  });

  it('applies to a value typed in the form, like the template’s own text', () => {
    const t = compileOk({ audience: 'entreprise', fields: { motif: { label: 'Motif', type: 'text', placeholder: 'x' } } }, '{{bonjour}},\n\nMotif : {{motif}}.\n\nBien cordialement,\n\n{{> expediteur}}');
    expect(render(t, { civilite: 'madame', motif: "l'article n'est pas arrivé", expediteur_nom: 'C. M.' }, NOW).text).toContain(`Motif${NBSP}: l’article n’est pas arrivé.`);
  });
});

describe('a greeting already typed', () => {
  it.each([
    ['Bonjour Madame Martin,', { civilite: 'madame', nom: 'Martin' }],
    ['Bonjour Monsieur Le Gall,', { civilite: 'monsieur', nom: 'Le Gall' }],
    ['Madame, Monsieur,', { civilite: 'madame_monsieur' }],
    ['Chère Madame,', { civilite: 'madame' }],
    ['Maître,', { civilite: 'maitre' }],
    ['Bonjour,', {}],
  ])('« %s » is a greeting: %j', (line, expected) => {
    expect(parseGreeting(line)).toEqual({ line, ...expected });
  });

  it.each(['Merci pour votre message.', 'Monsieur Durand nous a dit que la livraison était prévue demain, mais rien.', ''])('« %s » is not', (line) => {
    expect(parseGreeting(line)).toBeNull();
  });

  it('is read from the last line before the caret', () => {
    const body = document.createElement('div');
    body.innerHTML = '<div>Bonjour Madame Martin,</div><div><br></div><div id="caret"><br></div><div class="sig">Claire</div>';
    const range = document.createRange();
    range.setStart(body.querySelector('#caret')!, 0);
    expect(lineBefore(body, range)).toBe('Bonjour Madame Martin,');
    range.setStart(body, 0);
    expect(lineBefore(body, range)).toBe('');
  });
});

const due = (id: string, invoice: string) => PAYMENT_TERMS.find((t) => t.id === id)!.due(invoice);
const dateField = (when: 'futur' | 'passe'): FieldDef => ({ name: 'd', label: 'D', type: 'date', group: 'courrier', required: true, when });

describe('payment terms', () => {
  it('computes both readings of « 45 jours fin de mois » that the DGCCRF admits', () => {
    expect(due('45fdm', '2026-03-10')).toBe('2026-04-30');
    expect(due('fdm45', '2026-03-10')).toBe('2026-05-15');
    expect(due('30', '2026-01-15')).toBe('2026-02-14');
    expect(due('60', '2026-01-15')).toBe('2026-03-16');
    expect(legalMaxDue('2026-03-10')).toBe('2026-05-15');
  });
});

describe('checks between fields', () => {
  const reminder = compileOk({ audience: 'tous' }, '{{civilite}},\n\nFacture n° {{facture_numero}} du {{facture_date}}, échue le {{date_echeance}}.{{#particulier}} Merci.{{/particulier}}\n\nBien cordialement,\n\n{{> expediteur}}');
  it('refuses a due date before the invoice, and notes one beyond the legal cap between businesses', () => {
    expect(crossCheck(reminder, { facture_date: '10/03/2026', date_echeance: '01/03/2026' }, NOW, true).errors.date_echeance).toMatch(/précède la date de la facture/);
    expect(crossCheck(reminder, { facture_date: '10/03/2026', date_echeance: '30/06/2026' }, NOW, true).notices.date_echeance).toMatch(/L441-10[\s\S]*15\smai\s2026/);
    expect(crossCheck(reminder, { facture_date: '10/03/2026', date_echeance: '30/06/2026' }, NOW, false).notices).toEqual({});
    expect(crossCheck(reminder, { facture_date: '10/03/2026', date_echeance: '15/05/2026' }, NOW, true)).toEqual({ errors: {}, notices: {} });
  });

  it('computes an overpayment from the two amounts, and refuses one that is not', () => {
    const t = compileOk({ audience: 'entreprise', fields: { montant_recu: { label: 'Montant reçu', type: 'amount' } } }, '{{bonjour}},\n\nVous avez payé {{montant_recu}} pour {{montant}} : {{trop_percu}} de trop.\n\nBien cordialement,\n\n{{> expediteur}}');
    expect(render(t, { civilite: 'madame', montant: '1 250', montant_recu: '1 400,50', expediteur_nom: 'C' }, NOW).text).toContain(`150,50${NBSP}€ de trop`);
    expect(crossCheck(t, { montant: '1250', montant_recu: '1000' }, NOW, true).errors.montant_recu).toMatch(/doit dépasser/);
  });

  it('refuses a reminder dated before the invoice, and questions a payment that precedes it', () => {
    const fields = { date_premiere_relance: { label: 'Première relance', type: 'date' }, date_paiement: {} };
    const t = compileOk({ audience: 'entreprise', fields }, '{{bonjour}},\n\nFacture du {{facture_date}}, relancée le {{date_premiere_relance}}, payée le {{date_paiement}}.\n\nBien cordialement,\n\n{{> expediteur}}');
    const early = crossCheck(t, { facture_date: '15/10/2026', date_premiere_relance: '15/09/2026', date_paiement: '14/10/2026' }, NOW, true);
    expect(early.errors.date_premiere_relance).toMatch(/première relance \(15\s+septembre\s+2026\) précède la date de la facture/);
    expect(early.errors.date_paiement).toBeUndefined();
    expect(early.notices.date_paiement).toMatch(/acompte/);
    expect(crossCheck(t, { facture_date: '15/10/2026', date_premiere_relance: '15/10/2026', date_paiement: '20/11/2026' }, NOW, true)).toEqual({ errors: {}, notices: {} });
  });

  it('refuses a period whose end precedes its start', () => {
    const closure = compileOk({ audience: 'entreprise', fields: { date_debut: { label: 'Du', type: 'date' }, date_fin: { label: 'Au', type: 'date' } } }, '{{bonjour}},\n\nFermé du {{date_debut}} au {{date_fin}}.\n\nBien cordialement,\n\n{{> expediteur}}');
    expect(crossCheck(closure, { date_debut: '15/12/2026', date_fin: '08/12/2026' }, NOW, true).errors.date_fin).toMatch(/précède la date de début/);
    expect(crossCheck(closure, { date_debut: '08/12/2026', date_fin: '15/12/2026' }, NOW, true).errors).toEqual({});
  });

  it('never lets a letter count « 0 jour » of delay or before the due date', () => {
    const late = compileOk({ audience: 'entreprise' }, '{{bonjour}},\n\nLa facture n° {{facture_numero}} a {{jours_retard}} de retard.\n\nBien cordialement,\n\n{{> expediteur}}');
    expect(crossCheck(late, { date_echeance: '23/11/2026' }, NOW, true).errors.date_echeance).toMatch(/passée d’au moins un jour/);
    expect(crossCheck(late, { date_echeance: '22/11/2026' }, NOW, true).errors).toEqual({});
    const soon = compileOk({ audience: 'entreprise' }, '{{bonjour}},\n\nLa facture n° {{facture_numero}} arrive à échéance dans {{jours_avant_echeance}}.\n\nBien cordialement,\n\n{{> expediteur}}');
    expect(crossCheck(soon, { date_echeance: '23/11/2026' }, NOW, true).errors.date_echeance).toMatch(/postérieure à aujourd’hui/);
  });

  it('refuses a past date where a future one is needed, and the reverse', () => {
    expect(fieldError(dateField('futur'), '20/11/2026', NOW)).toMatch(/passée/);
    expect(fieldError(dateField('futur'), '23/11/2026', NOW)).toBeNull();
    expect(fieldError(dateField('passe'), '30/11/2026', NOW)).toMatch(/à venir/);
    expect(fieldError(dateField('passe'), '01/11/2026', NOW)).toBeNull();
  });
});
