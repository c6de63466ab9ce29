import nodePath from 'node:path';
import { describe, expect, it } from 'vitest';
import { fitsClient, lettersFor, nextDate, nextStep, paymentRole, prefill, rankOf, stepChoices, type LadderTemplate } from '../../../lib/dossiers/ladder';
import { frenchDateList } from '../../../lib/dossiers/model';
import type { LibraryTemplate } from '../../../lib/packs/library';
import { loadLibrary } from '../../../lib/templates/load';
import { byId, dossier, letter, LIBRARY, step } from './fixtures';

const ids = (ts: LadderTemplate[]) => ts.map((t) => t.id);
const NB = '\u00A0';

describe('which letters belong to the ladder', () => {
  it('places reminders by level, the formal notice and the recovery mandate after them', () => {
    expect(rankOf(byId('rappel-avant-echeance-60-jours'))).toBe(0);
    expect(rankOf(byId('rappel-paiement-en-retard'))).toBe(1);
    expect(rankOf(byId('deuxieme-relance-facture'))).toBe(2);
    expect(rankOf(byId('annonce-mesures-contraignantes'))).toBe(3);
    expect(rankOf(byId('mise-en-demeure-payer-facture'))).toBe(4);
    expect(rankOf(byId('mandat-recouvrement-commissaire-justice'))).toBe(5);
    // Marked « level 3 » in the library, but it announces that recovery has started.
    expect(rankOf(byId('transfert-dossier-cabinet-recouvrement'))).toBe(5);
  });

  it('leaves out letters that do not ask for one invoice, and letters that are not reminders', () => {
    expect(rankOf(byId('dernier-rappel-avant-recouvrement'))).toBeNull();
    expect(rankOf(byId('envoi-facture-client'))).toBeNull();
    expect(rankOf(letter('relance-sans-facture', { kind: 'relance', level: 1, fields: [{ name: 'montant' }] }))).toBeNull();
    // A pack's own reminder counts by its metadata; the built-in exception applies to the built-in letter only.
    expect(rankOf(letter('transfert-dossier-cabinet-recouvrement', { kind: 'relance', level: 3, packId: 'equipe' }))).toBe(3);
  });

  it('knows the letters about a payment received, not a thank-you for something else', () => {
    expect(paymentRole(byId('remerciement-paiement-rapide'))).toBe('reglement');
    expect(paymentRole(byId('accuse-reception-reglement'))).toBe('reglement');
    expect(paymentRole(byId('remerciement-prestation-qualite-prix'))).toBeNull();
    expect(paymentRole(byId('rappel-paiement-en-retard'))).toBeNull();
  });
});

describe('the ladder respects the audience', () => {
  it('never gives a consumer a business-only letter', () => {
    expect(fitsClient(byId('application-penalites-retard-cgv'), 'particulier')).toBe(false);
    expect(fitsClient(byId('annonce-mesures-contraignantes'), 'particulier')).toBe(true);
    for (const rank of [0, 1, 2, 3, 4, 5]) for (const t of lettersFor(LIBRARY, rank, 'particulier')) expect(t.audience).not.toBe('entreprise');
    expect(ids(stepChoices(dossier({ client: 'particulier' }), LIBRARY).flatMap((c) => c.letters))).not.toContain('mandat-recouvrement-commissaire-justice');
  });

  it('business path: pre-due reminder, 1st, 2nd, last reminder, formal notice, commissaire de justice', () => {
    let d = dossier({ steps: [] });
    const path: string[] = [];
    for (let i = 0; i < 7; i++) {
      const next = nextStep(d, LIBRARY);
      if (!next) break;
      path.push(`${next.label}: ${next.template.id}`);
      d = { ...d, steps: [...d.steps, step(`2026-11-${String(i + 1).padStart(2, '0')}`, next.rank)] };
    }
    expect(path).toEqual([
      'Rappel avant échéance: rappel-avant-echeance-60-jours',
      '1re relance: rappel-paiement-en-retard',
      '2e relance: deuxieme-relance-facture',
      'Dernière relance: annonce-mesures-contraignantes',
      'Mise en demeure: mise-en-demeure-payer-facture',
      'Recouvrement: mandat-recouvrement-commissaire-justice',
    ]);
  });

  it('consumer path: no pre-due reminder (business only), and the recovery step a consumer can get', () => {
    let d = dossier({ client: 'particulier', steps: [] });
    const path: string[] = [];
    for (let i = 0; i < 7; i++) {
      const next = nextStep(d, LIBRARY);
      if (!next) break;
      path.push(next.template.id);
      d = { ...d, steps: [...d.steps, step(`2026-11-0${i + 1}`, next.rank)] };
    }
    expect(path).toEqual(['rappel-paiement-en-retard', 'deuxieme-relance-facture', 'annonce-mesures-contraignantes', 'mise-en-demeure-payer-facture', 'transfert-dossier-cabinet-recouvrement']);
  });

  it('suggests the formal notice only after a reminder; the user may still choose it', () => {
    // Only a pre-due reminder sent, and a library without reminders: no formal notice suggested.
    const noReminders = LIBRARY.filter((t) => ![1, 2, 3].includes(rankOf(t) ?? -1));
    const early = dossier({ steps: [step('2026-10-05', 0)] });
    expect(nextStep(early, noReminders)).toBeNull();
    expect(nextStep(early, LIBRARY)?.rank).toBe(1);
    expect(stepChoices(early, LIBRARY).map((c) => c.label)).toContain('Mise en demeure');
    expect(nextStep(dossier({ steps: [step('2026-10-20', 1)] }), noReminders)?.rank).toBe(4);
  });

  it('puts the user’s own letter of a step first, then the suggested built-in one', () => {
    const mine = letter('ma-deuxieme-relance', { kind: 'relance', level: 2, packId: 'mes-modeles' });
    const other = letter('relance-equipe', { kind: 'relance', level: 2, packId: 'equipe' });
    expect(ids(lettersFor([...LIBRARY, other, mine], 2, 'pro'))).toEqual(['ma-deuxieme-relance', 'deuxieme-relance-facture', 'relance-equipe', 'relance-fournisseur-materiaux']);
  });

  it('after « Payée », suggests the thank-you letter once: thanks when paid on time, an acknowledgement when late', () => {
    expect(nextStep(dossier({ status: 'paye', paidOn: '2026-10-10', closedOn: '2026-10-10' }), LIBRARY)?.template.id).toBe('remerciement-paiement-rapide');
    expect(nextStep(dossier({ status: 'paye', paidOn: '2026-11-20', closedOn: '2026-11-20' }), LIBRARY)?.template.id).toBe('accuse-reception-reglement');
    expect(nextStep(dossier({ status: 'paye', paidOn: '2026-11-20', thankedOn: '2026-11-21' }), LIBRARY)).toBeNull();
  });

  it('after recovery, suggests nothing more', () => {
    expect(nextStep(dossier({ steps: [step('2026-10-20', 1), step('2026-11-20', 4), step('2026-12-10', 5)] }), LIBRARY)).toBeNull();
  });
});

describe('when the next step makes sense', () => {
  it('the day after the deadline the last letter gave, else a fortnight after it, else the day after the due date', () => {
    expect(nextDate(dossier({ steps: [step('2026-11-05', 1, 'x', { deadline: '2026-11-13' })] }))).toBe('2026-11-14');
    expect(nextDate(dossier({ steps: [step('2026-11-05', 2)] }))).toBe('2026-11-20');
    expect(nextDate(dossier({ steps: [step('2026-10-05', 0)] }))).toBe('2026-10-16');
    expect(nextDate(dossier({ steps: [] }))).toBe('2026-10-16');
  });
});

describe('prefilling the next letter', () => {
  const d = dossier({ steps: [step('2026-11-05', 1), step('2026-11-19', 2), step('2026-11-27', null, 'merci')] });

  it('gives the invoice, the appel and the reminders’ dates in French', () => {
    expect(prefill(d, byId('mise-en-demeure-payer-facture'))).toEqual({
      facture_numero: 'FA-2026-0142',
      montant: '1 250,00',
      facture_date: '15/09/2026',
      date_echeance: '15/10/2026',
      type_client: 'pro',
      civilite: 'monsieur',
      destinataire_nom: 'Dupont',
      relances_precedentes: `5 et 19${NB}novembre${NB}2026`,
    });
    expect(prefill(d, byId('deuxieme-relance-facture')).date_premiere_relance).toBe('05/11/2026');
  });

  it('never writes the debtor’s appel into a letter to the commissaire de justice, names the debtor instead', () => {
    const notice = dossier({ recipient: { ...d.recipient, address: '12 rue des Tanneurs\n44000 NANTES' }, steps: [...d.steps, step('2026-12-01', 4)] });
    const values = prefill(notice, byId('mandat-recouvrement-commissaire-justice'));
    expect(values.civilite).toBeUndefined();
    expect(values.destinataire_nom).toBeUndefined();
    expect(values.debiteur).toBe('Durand SARL, 12 rue des Tanneurs, 44000 NANTES');
    expect(values.date_mise_en_demeure).toBe('01/12/2026');
  });

  it('a paid dossier fills the payment received', () => {
    const paid = prefill(dossier({ status: 'paye', paidOn: '2026-11-20' }), byId('accuse-reception-reglement'));
    expect(paid).toMatchObject({ date_paiement: '20/11/2026', montant_recu: '1 250,00', facture_numero: 'FA-2026-0142' });
  });
});

describe('dates said in French', () => {
  it('groups the days of one month, says the year once per year', () => {
    expect(frenchDateList(['2026-11-05'])).toBe(`5${NB}novembre${NB}2026`);
    expect(frenchDateList(['2026-11-19', '2026-11-05', '2026-11-05'])).toBe(`5 et 19${NB}novembre${NB}2026`);
    expect(frenchDateList(['2026-11-01', '2026-11-05', '2026-11-19'])).toBe(`1er, 5 et 19${NB}novembre${NB}2026`);
    expect(frenchDateList(['2026-10-28', '2026-11-05'])).toBe(`28${NB}octobre et 5${NB}novembre${NB}2026`);
    expect(frenchDateList(['2026-12-20', '2027-01-05'])).toBe(`20${NB}décembre${NB}2026 et 5${NB}janvier${NB}2027`);
    expect(frenchDateList([])).toBe('');
  });
});

describe('the built-in library', () => {
  // Guards against a letter renamed or re-levelled in templates/: the suggested letters must still be there, in place.
  const { library } = loadLibrary(nodePath.resolve('templates'), nodePath.resolve('.'), { catalogue: {}, partials: {} });
  const templates = library.templates.map((t): LibraryTemplate => ({ ...t, uid: `modeles-base/${t.id}`, packId: 'modeles-base', packName: 'Modèles' }));

  it('has a suggested letter at every step for a business, and at every step but the pre-due one for a consumer', () => {
    for (const rank of [0, 1, 2, 3, 4, 5]) expect(lettersFor(templates, rank, 'pro').length, `rank ${rank}`).toBeGreaterThan(0);
    for (const rank of [1, 2, 3, 4, 5]) expect(lettersFor(templates, rank, 'particulier').length, `rank ${rank}`).toBeGreaterThan(0);
    expect(lettersFor(templates, 2, 'pro')[0]?.id).toBe('deuxieme-relance-facture');
    expect(lettersFor(templates, 4, 'particulier')[0]?.id).toBe('mise-en-demeure-payer-facture');
    expect(lettersFor(templates, 2, 'pro')[0]?.fields.map((f) => f.name)).toContain('date_premiere_relance');
    for (const t of lettersFor(templates, 4, 'pro')) expect(t.channel).toBe('lettre');
  });
});
