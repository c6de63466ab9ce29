import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { applyLetter, recordLetter, type SentLetter } from '../../../lib/dossiers/record';
import { loadDossiers, setTracking } from '../../../lib/dossiers/store';
import { byId, dossier } from './fixtures';

const at = (iso: string) => new Date(`${iso}T10:00:00`);
const to = [{ name: 'Jean Dupont', email: 'Jean.Dupont@client-exemple.fr' }];
const FIRST = { type_client: 'pro', civilite: 'monsieur', destinataire_nom: 'Dupont', facture_numero: 'FA-2026-0142', facture_date: '15/09/2026', date_echeance: '15/10/2026', montant: '1 250,00', date_limite: '+8' };

const sent = (id: string, values: Record<string, string>, now: string, extra: Partial<SentLetter> = {}): SentLetter => ({ template: byId(id), values, recipients: to, now: at(now), ...extra });

describe('what a letter tells the dossiers', () => {
  it('a first reminder opens a dossier with the invoice, the recipient and the step', () => {
    const { dossiers, changed } = applyLetter([], sent('rappel-paiement-en-retard', FIRST, '2026-11-05'));
    expect(dossiers).toHaveLength(1);
    expect(changed).toMatchObject({
      invoice: 'FA-2026-0142',
      client: 'pro',
      recipient: { email: 'jean.dupont@client-exemple.fr', name: 'Dupont', company: '', civilite: 'monsieur', address: '' },
      amount: 1250,
      invoiceDate: '2026-09-15',
      dueDate: '2026-10-15',
      status: 'ouvert',
      steps: [{ date: '2026-11-05', rank: 1, uid: 'modeles-base/rappel-paiement-en-retard', deadline: '2026-11-13' }],
    });
  });

  it('the next letter for the same invoice (written differently) adds a step, and what changed', () => {
    const first = applyLetter([], sent('rappel-paiement-en-retard', FIRST, '2026-11-05')).dossiers;
    const { dossiers, changed } = applyLetter(first, sent('deuxieme-relance-facture', { ...FIRST, facture_numero: 'fa 2026 0142', montant: '1 000' }, '2026-11-19'));
    expect(dossiers).toHaveLength(1);
    expect(changed!.amount).toBe(1000);
    expect(changed!.steps.map((s) => [s.date, s.rank])).toEqual([['2026-11-05', 1], ['2026-11-19', 2]]);
  });

  it('a consumer stays a consumer; the same letter inserted then printed the same day is one step', () => {
    const values = { ...FIRST, type_client: 'particulier' };
    let book = applyLetter([], sent('mise-en-demeure-payer-facture', values, '2026-12-01')).dossiers;
    book = applyLetter(book, sent('mise-en-demeure-payer-facture', values, '2026-12-01', { printed: { address: '12 rue des Lilas\n69003 LYON', registered: '1A 123 456 7890 1' } })).dossiers;
    expect(book[0]!.client).toBe('particulier');
    expect(book[0]!.recipient.address).toBe('12 rue des Lilas\n69003 LYON');
    expect(book[0]!.steps).toEqual([expect.objectContaining({ rank: 4, printed: true, registered: { number: '1A 123 456 7890 1' } })]);
  });

  it('a letter to the commissaire de justice leaves the debtor as it was', () => {
    const book = applyLetter([], sent('rappel-paiement-en-retard', FIRST, '2026-11-05')).dossiers;
    const mandate = sent('mandat-recouvrement-commissaire-justice', { civilite: 'maitre', facture_numero: 'FA-2026-0142', debiteur: 'Durand SARL' }, '2026-12-20', {
      recipients: [{ name: 'Maître Leroy', email: 'etude@leroy-cj.fr' }],
    });
    const { changed } = applyLetter(book, mandate);
    expect(changed!.recipient).toEqual(book[0]!.recipient);
    expect(changed!.client).toBe('pro');
    expect(changed!.steps.at(-1)!.rank).toBe(5);
  });

  it('an acknowledgement of payment closes the dossier; one stating a balance lowers the amount due', () => {
    const book = applyLetter([], sent('rappel-paiement-en-retard', FIRST, '2026-11-05')).dossiers;
    const partial = applyLetter(book, sent('accuse-reception-reglement', { facture_numero: 'FA-2026-0142', montant_recu: '500', date_paiement: '20/11/2026', solde_restant: '750' }, '2026-11-21'));
    expect(partial.changed).toMatchObject({ status: 'ouvert', amount: 750 });
    const full = applyLetter(partial.dossiers, sent('accuse-reception-reglement', { facture_numero: 'FA-2026-0142', montant_recu: '750', date_paiement: '28/11/2026' }, '2026-11-29'));
    expect(full.changed).toMatchObject({ status: 'paye', paidOn: '2026-11-28', closedOn: '2026-11-28', thankedOn: '2026-11-29' });
  });

  it('a reminder for a paid invoice opens it again; letters outside the ladder, or without an invoice, change nothing', () => {
    const paid = [dossier({ status: 'paye', paidOn: '2026-11-20', closedOn: '2026-11-20' })];
    expect(applyLetter(paid, sent('deuxieme-relance-facture', FIRST, '2026-11-25')).changed).toMatchObject({ status: 'ouvert' });
    expect(applyLetter(paid, sent('envoi-facture-client', FIRST, '2026-11-25')).changed).toBeNull();
    expect(applyLetter([], sent('rappel-paiement-en-retard', { ...FIRST, facture_numero: '  ' }, '2026-11-25')).changed).toBeNull();
    expect(applyLetter([], sent('remerciement-paiement-rapide', { facture_numero: 'FA-9', date_paiement: '01/11/2026' }, '2026-11-25')).changed).toBeNull();
  });
});

describe('recording in storage', () => {
  beforeEach(() => fakeBrowser.reset());

  it('records when tracking is on, nothing when it is off', async () => {
    await recordLetter(sent('rappel-paiement-en-retard', FIRST, '2026-11-05'));
    expect((await loadDossiers(at('2026-11-05'))).dossiers).toHaveLength(1);
    await setTracking(false);
    expect((await loadDossiers(at('2026-11-05'))).dossiers).toHaveLength(0);
    expect(await recordLetter(sent('rappel-paiement-en-retard', FIRST, '2026-11-06'))).toBeNull();
    expect((await loadDossiers(at('2026-11-06'))).dossiers).toHaveLength(0);
  });
});
