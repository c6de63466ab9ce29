import { describe, expect, it } from 'vitest';
import { csvCell, dossiersCsv } from '../../../lib/dossiers/csv';
import { findOffers } from '../../../lib/dossiers/offers';
import { byId, dossier, LIBRARY, step } from './fixtures';

const plain = (s: string) => s.replace(/[\u00A0\u202F]/g, ' ');
const TODAY = '2026-11-23';

describe('offers in the palette', () => {
  const durand = dossier({ steps: [step('2026-11-05', 1)] });
  const martin = dossier({ id: 'd2', invoice: 'FA-2026-0150', recipient: { email: 'paul.martin@exemple.fr', name: 'Martin', company: '', civilite: 'monsieur', address: '' }, amount: null, steps: [step('2026-11-10', 2)] });
  const paid = dossier({ id: 'd3', invoice: 'FA-2026-0099', status: 'paye', paidOn: '2026-11-20', closedOn: '2026-11-20', steps: [step('2026-11-01', 1)] });
  const book = [durand, martin, paid];

  it('for a message to the client: its open dossier first, then the payment to acknowledge', () => {
    const offers = findOffers(book, LIBRARY, { emails: ['Jean.Dupont@client-exemple.fr'], query: '' }, TODAY);
    expect(offers.map((o) => [o.group, plain(o.label)])).toEqual([
      ['Relances en cours', 'FA-2026-0142 · Durand SARL · 1 250,00 € · 1re relance le 5 novembre → 2e relance'],
      ['Règlements reçus', 'FA-2026-0099 · Durand SARL · 1 250,00 € · payée le 20 novembre → Accusé de réception et remerciements'],
    ]);
    expect(offers[0]!.next.template).toBe(byId('deuxieme-relance-facture'));
  });

  it('nothing for a message to someone else, nothing without tracked letters', () => {
    expect(findOffers(book, LIBRARY, { emails: ['inconnu@exemple.fr'], query: '' }, TODAY)).toEqual([]);
    expect(findOffers([], LIBRARY, { emails: ['jean.dupont@client-exemple.fr'], query: '' }, TODAY)).toEqual([]);
  });

  it('when the invoice number, or the client’s name, is typed', () => {
    const ids = (query: string) => findOffers(book, LIBRARY, { emails: [], query }, TODAY).map((o) => o.dossier.id);
    expect(ids('0150')).toEqual(['d2']);
    expect(ids('fa 2026 01')).toEqual(['d1', 'd2']);
    expect(ids('fa 2026 0')).toEqual(['d1', 'd2', 'd3']);
    expect(ids('FA-2026-0099')).toEqual(['d3']);
    expect(ids('mart')).toEqual(['d2']);
    expect(ids('relance')).toEqual([]);
    expect(ids('01')).toEqual([]);
    expect(plain(findOffers(book, LIBRARY, { emails: [], query: '0150' }, TODAY)[0]!.label)).toBe('FA-2026-0150 · M. Martin · 2e relance le 10 novembre → Dernière relance');
  });

  it('a dossier whose ladder is over is not offered', () => {
    const done = dossier({ steps: [step('2026-10-20', 1), step('2026-11-05', 4), step('2026-11-20', 5)] });
    expect(findOffers([done], LIBRARY, { emails: ['jean.dupont@client-exemple.fr'], query: '' }, TODAY)).toEqual([]);
  });
});

describe('CSV export', () => {
  it('French spreadsheet conventions: BOM, semicolons, decimal comma, dd/mm/yyyy, quoted cells', () => {
    const d = dossier({ recipient: { email: 'compta@durand.fr', name: 'Dupont', company: 'Durand; Fils "et Cie"', civilite: 'monsieur', address: '' }, steps: [step('2026-11-05', 1), step('2026-11-19', 4, 'med', { registered: { number: '1A 123' } })] });
    const csv = dossiersCsv([d], () => ({ label: 'Recouvrement', from: '2026-12-05' }), TODAY);
    expect(csv.startsWith('\uFEFFN° de facture;Client;E-mail;')).toBe(true);
    const [, row] = csv.split('\r\n');
    expect(row).toBe(
      'FA-2026-0142;"Durand; Fils ""et Cie""";compta@durand.fr;"Durand; Fils ""et Cie""";professionnel;1250,00;15/09/2026;15/10/2026;39;en cours;Mise en demeure;19/11/2026;Recouvrement;05/12/2026;;"05/11/2026 1re relance ; 19/11/2026 Mise en demeure (recommandé n° 1A 123)"',
    );
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('neutralises text a spreadsheet would run as a formula', () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvCell('+33 1 23')).toBe("'+33 1 23");
    expect(csvCell('-12,50', false)).toBe('-12,50');
  });
});
