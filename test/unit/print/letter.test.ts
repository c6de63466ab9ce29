import { describe, expect, it } from 'vitest';
import { ADDRESS, ENVELOPE_WINDOW, SHEET } from '../../../lib/print/layout';
import { buildPrintLetter, checkPostal, placeFromAddress, recipientBlock, type PostalDetails } from '../../../lib/print/letter';
import { compileOk } from '../helpers';

const POSTAL: PostalDetails = {
  senderName: 'Claire Martin',
  senderCompany: 'Martin & Fils',
  recipientName: 'Durand SARL\nÀ l’attention de M. Dupont',
  recipientAddress: '12 rue des Tanneurs\n44000 Nantes',
  senderAddress: '5 avenue Foch\n69006 Lyon',
  place: 'Lyon',
  registered: true,
  registeredNumber: '1A 123 456 7890 1',
};

describe('the recipient block', () => {
  it('one line per element, blank lines dropped, the last one in capitals (NF Z 10-011)', () => {
    expect(recipientBlock({ recipientName: 'Durand SARL\n\n', recipientAddress: ' 12  rue des Tanneurs \n44000 Saint-Herblain' })).toEqual(['Durand SARL', '12 rue des Tanneurs', '44000 SAINT-HERBLAIN']);
  });

  it('refuses what would not fit the window, and says why in French', () => {
    expect(checkPostal(POSTAL)).toEqual({ errors: {}, notices: {} });
    expect(checkPostal({ ...POSTAL, recipientAddress: '' }).errors.recipientAddress).toBe('Indiquez l’adresse postale : la rue, puis le code postal et la ville.');
    expect(checkPostal({ ...POSTAL, recipientAddress: 'Bât. B\nEntrée 2\n12 rue des Tanneurs\nBP 12\n44000 Nantes' }).errors.recipientAddress).toMatch(/^L’adresse tient en 7 lignes avec le destinataire : 6 au plus/);
    expect(checkPostal({ ...POSTAL, recipientName: ' ' }).errors.recipientName).toBeTruthy();
    expect(checkPostal({ ...POSTAL, senderAddress: '' }).errors.senderAddress).toBeTruthy();
    expect(checkPostal({ ...POSTAL, place: '' }).errors.place).toBeTruthy();
    expect(checkPostal({ ...POSTAL, senderName: '' }).errors.senderName).toBe('Indiquez votre nom : il signe la lettre.');
  });

  it('points out, without blocking, a missing postcode and a line too long for La Poste', () => {
    expect(checkPostal({ ...POSTAL, recipientAddress: '12 rue des Tanneurs\nNantes 44000' }).notices.recipientAddress).toMatch(/commence par le code postal/);
    expect(checkPostal({ ...POSTAL, recipientAddress: '12 rue des Tanneurs\n44000 Nantes\nBELGIQUE' }).notices.recipientAddress).toBeUndefined();
    expect(checkPostal({ ...POSTAL, recipientAddress: '12 boulevard du Maréchal-de-Lattre-de-Tassigny\n44000 Nantes' }).notices.recipientAddress).toMatch(/dépasse 38 caractères/);
  });
});

describe('the town the letter is dated from', () => {
  it('is read from the postcode line', () => {
    expect(placeFromAddress('5 avenue Foch\n69006 Lyon')).toBe('Lyon');
    expect(placeFromAddress('1 place Bellecour\n69002 LYON CEDEX 02')).toBe('Lyon');
    expect(placeFromAddress('3 rue X\n42000 SAINT-ÉTIENNE')).toBe('Saint-Étienne');
    expect(placeFromAddress('3 rue X')).toBe('');
  });
});

describe('the window zone', () => {
  it('is what shows through a DL window (45 × 100 mm, 20 mm from the right, 15 mm from the bottom) whatever the folded sheet’s play', () => {
    const dl = { width: 220, height: 110 };
    const window = { left: dl.width - 20 - 100, top: dl.height - 15 - 45, right: dl.width - 20, bottom: dl.height - 15 };
    const play = { x: dl.width - SHEET.width, y: dl.height - SHEET.height / 3 };
    expect(ENVELOPE_WINDOW.left).toBe(window.left);
    expect(ENVELOPE_WINDOW.right).toBe(window.right - play.x);
    expect(ENVELOPE_WINDOW.top).toBe(window.top);
    expect(ENVELOPE_WINDOW.bottom).toBe(Math.floor(window.bottom - play.y));
    // Six lines of 10 pt (1.3 line height) fit in the block, inside the zone.
    expect(ADDRESS.top + ADDRESS.maxLines * 10 * 1.3 * (25.4 / 72)).toBeLessThanOrEqual(ENVELOPE_WINDOW.bottom);
    expect(ADDRESS.left + ADDRESS.width).toBeLessThanOrEqual(ENVELOPE_WINDOW.right);
  });
});

describe('the printed letter', () => {
  const notice = compileOk(
    { id: 'med', kind: 'mise_en_demeure', channel: 'lettre', subject: 'Mise en demeure de payer : facture n° {{facture_numero}}', attachments: ['copie de la facture'] },
    '{{civilite}},\n\nNous vous mettons en demeure de régler la facture n° {{facture_numero}}.\n\nNous vous prions d’agréer, {{civilite}}, nos salutations distinguées.\n\n{{> expediteur}}',
  );
  const values = { type_client: 'pro', civilite: 'monsieur', facture_numero: 'FA-2026-0142', expediteur_nom: 'Claire Martin', expediteur_fonction: 'Comptable', expediteur_societe: 'Martin & Fils', expediteur_telephone: '01 23 45 67 89' };

  it('heads with the company and its address, signs with the person; the body has no sender block', () => {
    const letter = buildPrintLetter(notice, values, POSTAL, new Date(2026, 10, 23));
    expect(letter.sender).toEqual(['Martin & Fils', '5 avenue Foch', '69006 Lyon', 'Tél.\u00A0: 01 23 45 67 89']);
    expect(letter.recipient).toEqual(['Durand SARL', 'À l’attention de M. Dupont', '12 rue des Tanneurs', '44000 NANTES']);
    expect(letter.placeAndDate).toBe('Lyon, le 23\u00A0novembre\u00A02026');
    expect(letter.registered).toBe('Lettre recommandée avec accusé de réception n°\u00A01A 123 456 7890 1');
    expect(letter.subject).toBe('Mise en demeure de payer\u00A0: facture n°\u00A0FA-2026-0142');
    expect(letter.body[0]).toBe('Monsieur,');
    expect(letter.body.at(-1)).toBe('Nous vous prions d’agréer, Monsieur, nos salutations distinguées.');
    expect(letter.body.join('\n')).not.toContain('Claire Martin');
    expect(letter.signature).toEqual(['Claire Martin', 'Comptable']);
    expect(letter.attachments).toEqual(['copie de la facture']);
  });

  it('has its sender block even when the e-mail’s signature stood for it (no sender value in the form)', () => {
    const letter = buildPrintLetter(notice, { type_client: 'pro', civilite: 'monsieur', facture_numero: 'FA-1' }, POSTAL, new Date(2026, 10, 23));
    expect(letter.sender).toEqual(['Martin & Fils', '5 avenue Foch', '69006 Lyon']);
    expect(letter.signature).toEqual(['Claire Martin']);
  });

  it('without registered post, no such line; without a number, the line alone', () => {
    expect(buildPrintLetter(notice, values, { ...POSTAL, registered: false }, new Date()).registered).toBeNull();
    expect(buildPrintLetter(notice, values, { ...POSTAL, registeredNumber: ' ' }, new Date()).registered).toBe('Lettre recommandée avec accusé de réception');
  });
});
