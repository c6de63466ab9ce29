import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { boundedDistance, SearchIndex } from '../../../lib/search/engine';
import { fold, keys, stem } from '../../../lib/search/normalize';

const titles = fs.readFileSync('test/data/all.txt', 'utf8').split('\n').filter(Boolean);
const index = new SearchIndex(titles.map((title, i) => ({ id: String(i + 1), title })));
const top = (query: string, n = 5) => index.search(query, n).map((h) => titles[Number(h.id) - 1]!);

describe('normalisation', () => {
  it('folds case, accents, ligatures and apostrophes', () => {
    expect(fold('Échéance dépassée : L’œuvre')).toBe('echeance depassee l oeuvre');
  });

  it('stems plurals, feminines and infinitives together', () => {
    expect(stem('factures')).toBe(stem('facture'));
    expect(stem('impayees')).toBe(stem('impaye'));
    expect(stem('relancer')).toBe(stem('relance'));
    expect(stem('journaux')).toBe(stem('journal'));
    expect(keys('Les factures de la société')).toEqual(['factur', 'societ']);
  });

  it('measures typos with a bounded distance', () => {
    expect(boundedDistance('facture', 'facutre', 2)).toBe(1);
    expect(boundedDistance('facture', 'fracture', 1)).toBe(1);
    expect(boundedDistance('relance', 'demande', 2)).toBe(3);
  });
});

describe('search over the 556 scenario titles', () => {
  it('ignores accents: « echeance » finds « échéance »', () => {
    expect(top('report echeance')[0]).toMatch(/report d'échéance|report de la date d'échéance/);
  });

  it('tolerates typos', () => {
    expect(top('remerciment paiment rapide', 3)).toContain('Vous remerciez un client pour son paiement rapide.');
    expect(top('mise en demmeure', 3).every((t) => /mise en demeure|mettez donc maintenant en demeure/.test(t))).toBe(true);
  });

  it('understands synonyms people use', () => {
    expect(top('colis abime', 3)).toContain('Vous vous excusez auprès d’un client qui a reçu un colis endommagé.');
    expect(top('cheque en bois', 5).some((t) => /sans provision/.test(t))).toBe(true);
    expect(top('etalement paiement', 3)).toContain('Vous souhaitez suggérer un étalement pour des paiements à un client en difficulté.');
  });

  it('finds what is being typed, letter by letter', () => {
    expect(top('felicitations retr', 2).every((t) => /retraite/.test(t))).toBe(true);
    expect(top('chèque sans prov', 2).every((t) => /sans provision/.test(t))).toBe(true);
  });

  it('returns nothing for an empty query and highlights the matched words', () => {
    expect(index.search('   ')).toEqual([]);
    const [hit] = index.search('paiement rapide', 1);
    const title = titles[Number(hit!.id) - 1]!;
    const marked = hit!.highlights.map(([s, e]) => title.slice(s, e).toLowerCase());
    expect(marked).toEqual(expect.arrayContaining(['paiement', 'rapide']));
  });

  it('survives odd input', () => {
    for (const q of ['((', '€€€', 'a'.repeat(300), '🙂 relance', '"; DROP TABLE', '\u0000']) expect(() => index.search(q)).not.toThrow();
  });
});
