import { describe, expect, it } from 'vitest';
import { lintTemplate } from '../../../lib/templates/lint';
import { compileOk } from '../helpers';

const CLOSING = 'Nous vous prions d’agréer, {{civilite}}, nos salutations distinguées.\n\n{{> expediteur}}';

function rules(frontMatter: Record<string, unknown>, body: string, severity: 'error' | 'warning' = 'error'): string[] {
  return lintTemplate(compileOk(frontMatter, body))
    .filter((p) => p.severity === severity)
    .map((p) => p.rule);
}

const GOOD_REMINDER = [
  '{{civilite}},',
  '',
  'La facture n° {{facture_numero}} du {{facture_date}}, de {{montant}}, échue le {{date_echeance}}, reste impayée. Merci de la régler par virement avant le {{date_limite}}.',
  '',
  '{{#pro}}Votre service comptable peut nous joindre au 01 23 45 67 89.{{/pro}}{{#particulier}}Si ce règlement vous pose une difficulté, appelez-nous au 01 23 45 67 89.{{/particulier}}',
  '',
  CLOSING,
].join('\n');
const REMINDER = { kind: 'relance', level: 1 };

describe('linter', () => {
  it('accepts a well-formed reminder', () => {
    expect(rules(REMINDER, GOOD_REMINDER)).toEqual([]);
    expect(rules(REMINDER, GOOD_REMINDER, 'warning')).toEqual([]);
  });

  it.each([
    ['obsolete-article', 'Conformément à l’article L441-6 du Code de commerce, des pénalités sont dues.'],
    ['obsolete-article', 'Selon l’article 1153 du Code civil, des intérêts courent.'],
    ['obsolete-article', 'La garantie de conformité de l’article L211-4 s’applique.'],
    ['stale-delivery-article', 'En application de l’article L216-2, nous demandons la résolution de la vente.'],
    ['wrong-figure', 'Vous disposez de 7 jours francs pour exercer votre droit de rétractation.'],
    ['wrong-figure', 'Pénalités de retard au taux BCE + 7 points.'],
    ['obsolete-institution', 'Nous transmettrons le dossier à notre huissier.'],
    ['obsolete-institution', 'Le tribunal d’instance sera saisi.'],
    ['hard-coded-rate', 'Des pénalités au taux de 12,15 % sont dues.'],
    ['bailiff-imitation', 'Le présent commandement de payer vous est signifié.'],
    ['vouvoiement', 'Merci de régler ta facture.'],
    ['placeholder', 'Merci de nous appeler au [insérer le numéro].'],
    ['placeholder', 'Votre référence client : XXXX.'],
    ['placeholder', 'Nous vous remercions de...'],
    ['placeholder', 'Rayez la mention inutile.'],
    ['date-format', 'Payable avant le 3 December 2026.'],
    ['amount-format', 'Un montant de €1250 reste dû.'],
    ['amount-format', 'Un montant de 1250.00 € reste dû.'],
    ['typography', 'C’est notre 2ème relance.'],
    ['typography', 'Mr Durand a été informé.'],
    ['attachments', 'Vous trouverez la facture en pièce jointe.'],
  ])('flags %s: « %s »', (rule, sentence) => {
    const body = GOOD_REMINDER.replace('Merci de la régler', `${sentence} Merci de la régler`);
    expect(rules(REMINDER, body)).toContain(rule);
  });

  it('does not take « êtes » or « vôtre » for tutoiement, nor « marché » for an English month', () => {
    const body = GOOD_REMINDER.replace('Merci de la régler', 'Si vous êtes d’accord, la vôtre suffira, au prix du marché. Merci de la régler');
    expect(rules(REMINDER, body)).not.toContain('vouvoiement');
    expect(rules(REMINDER, body)).not.toContain('date-format');
  });

  it('requires an opt-out, with a link field, in commercial messages to consumers', () => {
    const promo = { kind: 'prospection', audience: 'particulier', subject: 'Nos offres de Noël' };
    const body = '{{bonjour}},\n\nDécouvrez nos offres de Noël.\n\nBien cordialement,\n\n{{> expediteur}}';
    expect(rules(promo, body)).toContain('commercial-optout');
    const withOptOut = body.replace(
      '{{> expediteur}}',
      '{{> expediteur}}\n\n{{#lien_desinscription}}Pour ne plus recevoir nos offres : {{lien_desinscription}}{{/lien_desinscription}}{{^lien_desinscription}}Pour ne plus recevoir nos offres, répondez à ce message.{{/lien_desinscription}}',
    );
    const fields = { lien_desinscription: { label: 'Lien de désinscription', type: 'text', required: false } };
    expect(rules({ ...promo, fields }, withOptOut)).not.toContain('commercial-optout');
    expect(rules({ ...promo, audience: 'entreprise' }, body)).not.toContain('commercial-optout');
  });

  it('requires date, place and how to answer in an invitation', () => {
    const invitation = { kind: 'invitation', audience: 'tous', subject: 'Invitation' };
    const vague = '{{bonjour}},\n\nNous vous invitons à notre soirée.\n\nBien cordialement,\n\n{{> expediteur}}';
    expect(rules(invitation, vague)).toContain('invitation-content');
    const complete = vague.replace('à notre soirée.', 'à notre soirée, le {{date_evenement}}, {{lieu_horaires}}. Merci de confirmer votre venue.');
    const fields = { date_evenement: { label: 'Date', type: 'date' }, lieu_horaires: { label: 'Lieu et horaires', type: 'text' } };
    expect(rules({ ...invitation, fields }, complete)).not.toContain('invitation-content');
  });

  it('never substitutes an item for a consumer without consent and a refund option', () => {
    const meta = { kind: 'information', audience: 'particulier', subject: 'Votre commande' };
    const body = '{{bonjour}},\n\nL’article commandé est indisponible : nous vous envoyons à la place un article équivalent.\n\nBien cordialement,\n\n{{> expediteur}}';
    expect(rules(meta, body)).toContain('substitution-consent');
    const fair = body.replace('nous vous envoyons à la place un article équivalent.', 'nous pouvons vous envoyer à la place un article équivalent, avec votre accord ; sinon, vous serez remboursé.');
    expect(rules(meta, fair)).not.toContain('substitution-consent');
  });

  it('requires a quote to say until when it holds', () => {
    const quote = { kind: 'devis', audience: 'tous', subject: 'Votre devis' };
    const body = '{{bonjour}},\n\nVoici notre devis.\n\nBien cordialement,\n\n{{> expediteur}}';
    expect(rules(quote, body)).toContain('quote-validity');
    expect(rules(quote, body.replace('Voici notre devis.', 'Voici notre devis, valable un mois.'))).not.toContain('quote-validity');
  });

  it('never sends a consumer to the carrier', () => {
    const meta = { kind: 'reponse_reclamation', audience: 'particulier', subject: 'Votre colis' };
    const body = '{{bonjour}},\n\nVotre colis est abîmé : adressez-vous directement au transporteur.\n\nBien cordialement,\n\n{{> expediteur}}';
    expect(rules(meta, body)).toContain('carrier-consumer');
    expect(rules(meta, body.replace('adressez-vous directement au transporteur.', 'nous nous chargeons de la réclamation auprès du transporteur et vous renvoyons un article.'))).not.toContain('carrier-consumer');
  });

  it('keeps the 40 € indemnity away from consumers', () => {
    const body = GOOD_REMINDER.replace('Merci de la régler', 'Une indemnité forfaitaire pour frais de recouvrement de {{indemnite_forfaitaire}} est due. Merci de la régler');
    expect(rules(REMINDER, body)).toContain('consumer-costs');
    expect(rules(REMINDER, body.replace('Une indemnité', '{{#pro}}Une indemnité').replace('est due.', 'est due.{{/pro}}'))).not.toContain('consumer-costs');
    expect(rules({ ...REMINDER, audience: 'particulier' }, GOOD_REMINDER.replace('Merci', 'Des frais de relance de 15 € s’ajoutent. Merci'))).toContain('consumer-costs');
  });

  it('requires penalties and the indemnity in firm business reminders', () => {
    expect(rules({ kind: 'relance', level: 2 }, GOOD_REMINDER)).toContain('business-penalties');
    const firm = GOOD_REMINDER.replace(
      'Merci de la régler',
      '{{#pro}}Des pénalités de retard et une indemnité forfaitaire pour frais de recouvrement de {{indemnite_forfaitaire}} sont dues.{{/pro}} Merci de la régler',
    );
    expect(rules({ kind: 'relance', level: 2 }, firm)).toEqual([]);
  });

  it('requires what a reminder must say', () => {
    const found = rules(REMINDER, '{{civilite}},\n\nVotre facture {{facture_numero}} est impayée.\n\n' + CLOSING);
    expect(found.filter((r) => r === 'relance-content').length).toBeGreaterThanOrEqual(3);
    expect(rules(REMINDER, GOOD_REMINDER.replace('Merci de la régler', 'Sans quoi une mise en demeure suivra. Merci de la régler'), 'warning')).toContain('relance-content');
  });

  it('checks the content of a formal notice', () => {
    const weak = ['{{civilite}},', '', 'Réglez la facture n° {{facture_numero}} de {{montant}}.', '', CLOSING].join('\n');
    const found = lintTemplate(compileOk({ kind: 'mise_en_demeure', channel: 'lettre' }, weak)).map((p) => p.message);
    expect(found).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/objet d’une mise en demeure/),
        expect.stringMatching(/« mise en demeure »/),
        expect.stringMatching(/fixe un délai/),
        expect.stringMatching(/annonce les suites/),
        expect.stringMatching(/intérêts au taux légal/),
        expect.stringMatching(/relances restées sans effet/),
      ]),
    );
  });

  it('checks the greeting and the closing formula', () => {
    expect(rules({}, 'Salut,\n\nTexte.\n\nBien cordialement,\n\n{{> expediteur}}')).toContain('formule-appel');
    expect(rules({}, '{{civilite}},\n\nTexte.\n\n{{> expediteur}}')).toContain('closing');
    expect(rules({}, '{{civilite}},\n\nTexte.\n\nVeuillez agréer nos salutations distinguées.\n\n{{> expediteur}}')).toContain('closing');
    expect(rules({}, '{{civilite}},\n\nTexte.\n\nCdt,\n\n{{> expediteur}}')).toContain('closing');
    expect(rules({}, '{{civilite}},\n\nTexte.\n\nVeuillez agréer, {{civilite}}, l’expression de nos salutations distinguées.\n\n{{> expediteur}}', 'warning')).toContain('closing');
    expect(rules({ channel: 'lettre' }, '{{civilite}},\n\nTexte.\n\nBien cordialement,\n\n{{> expediteur}}')).toContain('closing');
  });

  it('requires optional fields to sit in their own section', () => {
    const body = '{{civilite}},\n\nNotre IBAN : {{iban}}.\n\nBien cordialement,\n\n{{> expediteur}}';
    expect(rules({}, body)).toContain('optional-field');
    expect(rules({}, body.replace('Notre IBAN : {{iban}}.', '{{#iban}}Notre IBAN : {{iban}}.{{/iban}}'))).not.toContain('optional-field');
  });

  it('checks payment plans', () => {
    const plan = rules(
      { kind: 'echeancier', fields: { date_premiere: { label: 'Première échéance', type: 'date' } } },
      '{{civilite}},\n\nNous acceptons de régler {{montant}} en trois fois à partir du {{date_premiere}}.\n\n' + CLOSING,
    );
    expect(plan.filter((r) => r === 'payment-plan')).toHaveLength(2);
  });

  it('warns about French spacing left out', () => {
    expect(rules({}, '{{civilite}},\n\nObjet: votre facture.\n\nBien cordialement,\n\n{{> expediteur}}', 'warning')).toContain('spacing');
    expect(rules({}, '{{civilite}},\n\nVoir https://exemple.fr/facture?id=1 pour payer.\n\nBien cordialement,\n\n{{> expediteur}}', 'warning')).not.toContain('spacing');
  });
});

describe('theme rules', () => {
  it('lets a letter to the court ask for the formule exécutoire, and nobody else', () => {
    const body = '{{civilite}},\n\nNous vous prions de revêtir l’ordonnance de la formule exécutoire.\n\nNous vous prions d’agréer, {{civilite}}, nos salutations distinguées.\n\n{{> expediteur}}';
    expect(rules({ kind: 'courrier_juridiction', channel: 'lettre' }, body)).not.toContain('bailiff-imitation');
    expect(rules({ kind: 'information', channel: 'lettre' }, body)).toContain('bailiff-imitation');
    expect(rules({ kind: 'courrier_juridiction', channel: 'lettre' }, body.replace('revêtir', 'République française, revêtir'))).toContain('bailiff-imitation');
  });

  it('checks a retention-of-title claim, a bill of exchange letter and a claim declaration', () => {
    const plain = '{{civilite}},\n\nTexte.\n\nNous vous prions d’agréer, {{civilite}}, nos salutations distinguées.\n\n{{> expediteur}}';
    expect(lintTemplate(compileOk({ kind: 'reserve_propriete' }, plain)).filter((p) => p.rule === 'reserve-propriete')).toHaveLength(4);
    expect(lintTemplate(compileOk({ kind: 'traite' }, plain)).filter((p) => p.rule === 'effet-de-commerce')).toHaveLength(3);
    expect(lintTemplate(compileOk({ kind: 'declaration_creance' }, plain)).filter((p) => p.rule === 'declaration-creance')).toHaveLength(4);
    const claim = plain.replace('Texte.', 'Nous déclarons au mandataire judiciaire, après la publication au BODACC, notre créance de {{montant}}.');
    expect(rules({ kind: 'declaration_creance', channel: 'lettre' }, claim)).not.toContain('declaration-creance');
  });
});
