import { describe, expect, it } from 'vitest';
import { postalDefaults, senderToRemember } from '../../../lib/print/request';
import type { LibraryTemplate } from '../../../lib/packs/library';
import { dossier } from '../dossiers/fixtures';
import { compileOk } from '../helpers';

const inPack = (t: ReturnType<typeof compileOk>): LibraryTemplate => ({ ...t, uid: `modeles-base/${t.id}`, packId: 'modeles-base', packName: 'Modèles' });
const notice = inPack(compileOk({ id: 'med', kind: 'mise_en_demeure', channel: 'lettre' }, '{{civilite}},\n\nFacture n° {{facture_numero}}.\n\nNous vous prions d’agréer, {{civilite}}, nos salutations distinguées.\n\n{{> expediteur}}'));
const mandate = inPack(compileOk({ id: 'mandat', kind: 'mandat_recouvrement', channel: 'lettre', audience: 'entreprise' }, '{{civilite}},\n\nFacture n° {{facture_numero}}.\n\nJe vous prie d’agréer, {{civilite}}, mes salutations distinguées.\n\n{{> expediteur}}'));
const REMEMBERED = { pro: { expediteur_nom: 'Claire Martin', expediteur_societe: 'Martin & Fils', expediteur_adresse: '5 avenue Foch\n69006 Lyon' }, perso: {}, commun: {} };

describe('the postal details the print view starts from', () => {
  it('the sender remembered, the recipient from the form and the dossier, registered post for a formal notice', () => {
    const d = dossier({ recipient: { email: 'x@y.fr', name: 'Dupont', company: 'Durand SARL', civilite: 'monsieur', address: '12 rue des Tanneurs\n44000 Nantes' } });
    expect(postalDefaults({ template: notice, values: { type_client: 'pro', civilite: 'monsieur', facture_numero: 'FA-2026-0142' } }, REMEMBERED, d)).toEqual({
      senderName: 'Claire Martin',
      senderCompany: 'Martin & Fils',
      recipientName: 'Durand SARL\nÀ l’attention de M. Dupont',
      recipientAddress: '12 rue des Tanneurs\n44000 Nantes',
      senderAddress: '5 avenue Foch\n69006 Lyon',
      place: 'Lyon',
      registered: true,
      registeredNumber: '',
    });
  });

  it('a person without a company is addressed by civility and name; nothing of the dossier goes to a commissaire de justice', () => {
    const d = dossier({ recipient: { email: '', name: 'Dupont', company: '', civilite: 'madame', address: '3 rue A\n75001 Paris' } });
    expect(postalDefaults({ template: notice, values: {} }, REMEMBERED, d).recipientName).toBe('Madame Dupont');
    const toCommissaire = postalDefaults({ template: mandate, values: { civilite: 'maitre' } }, REMEMBERED, d);
    expect(toCommissaire.recipientName).toBe('');
    expect(toCommissaire.recipientAddress).toBe('');
    expect(toCommissaire.registered).toBe(false);
  });

  it('remembers the sender in the profile of the letter (a company’s name only for a company)', () => {
    const postal = { ...postalDefaults({ template: notice, values: {} }, REMEMBERED, null), place: 'Villeurbanne' };
    expect(senderToRemember({ template: notice, values: {} }, postal)).toEqual({ expediteur_nom: 'Claire Martin', expediteur_adresse: '5 avenue Foch\n69006 Lyon', lieu_courrier: 'Villeurbanne', expediteur_societe: 'Martin & Fils' });
  });
});
