import fs from 'node:fs';
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { boundedDistance } from '../../../lib/search/lookup';
import { createSearchIndex, OFFICE_FRENCH } from '../../../lib/search/prepare';
import { Lexicon } from '../../../lib/search/lexicon';
import { fold, foldedWords, keys, readWords, stem, words } from '../../../lib/search/normalize';

const plainWords = (folded: string[]) => new Lexicon(OFFICE_FRENCH).plainWords(folded);
const titles = fs.readFileSync('test/data/all.txt', 'utf8').split('\n').filter(Boolean);
const index = createSearchIndex(titles.map((title, i) => ({ id: String(i + 1), title })));
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

  it('splits folded words in one pass exactly as fold() does', () => {
    const french = fc.array(fc.constantFrom(...'aéÉèçÇœŒæ ß-’\'.,;:!?0123456789AZaz\u0301\u00A0\u202FİΣ🙂ﬁ'), { maxLength: 40 }).map((chars) => chars.join(''));
    const anything = fc.oneof(french, fc.string({ unit: 'binary', maxLength: 40 }), fc.string({ unit: 'grapheme', maxLength: 40 }));
    fc.assert(
      fc.property(anything, (s) => foldedWords(s).join(' ') === fold(s)),
      { numRuns: 500 },
    );
    expect(foldedWords('L’Échéance DÉPASSÉE — Cœur')).toEqual(['l', 'echeance', 'depassee', 'coeur']);
  });

  it('measures typos with a bounded distance', () => {
    expect(boundedDistance('facture', 'facutre', 2)).toBe(1);
    expect(boundedDistance('facture', 'fracture', 1)).toBe(1);
    expect(boundedDistance('relance', 'demande', 2)).toBe(3);
  });
});

const read = (text: string) => readWords(foldedWords(text)).filter(Boolean);
const keyOf = (text: string, word: string) => words(text).find((w) => w.text === word)?.key;
const plain = (query: string) =>
  plainWords(foldedWords(query))
    .filter((w) => !w.optional)
    .map((w) => w.word)
    .join(' ');

describe('homographs read in context', () => {
  it('reads « avoir » as the credit note or as the verb', () => {
    for (const noun of ['avoir', 'un avoir pour le client', "demande d'avoir au fournisseur", "montant de l'avoir", 'avoir produit abimé', 'avoir plutôt que rembourser', 'refuser un avoir']) {
      expect(keys(noun), noun).toContain('avoir');
    }
    for (const verb of ['avoir un retard de paiement', 'on va avoir du retard', "avoir besoin d'un délai", 'excuses pour avoir oublié le rendez-vous', "merci d'avoir répondu", 'semble ne pas avoir été satisfait', 'souhaitant avoir des informations']) {
      expect(keys(verb), verb).not.toContain('avoir');
    }
  });

  it('reads « doit » as owing money or as « must »', () => {
    expect(read("le client nous doit encore de l'argent")).toEqual(['le', 'client', 'nous', 'impaye']);
    expect(read('il me doit 500 euros')).toContain('impaye');
    expect(read('je dois payer en retard')).toEqual(['je', 'payer', 'en', 'retard']);
    expect(read('Un client doit vous rembourser une dette')).not.toContain('impaye');
    expect(read("ne fonctionne pas comme il le devrait. L'objet est sous garantie")).not.toContain('impaye');
  });

  it('tells a discount from a debt written off, a bank deposit and a handover', () => {
    expect(read('accorder une remise')).toContain('remise');
    expect(read('remise de dette')).toContain('dette_remise');
    expect(read('réduction de la dette')).toContain('dette_remise');
    expect(read("remise à l'escompte")).toContain('banque_remise');
    expect(read('bordereau de remise de chèques')).toContain('banque_remise');
    expect(read('retard de remise du dossier')).toContain('main_remise');
    expect(read('remise en quantité')).toContain('remise');
  });

  it('tells the bill of exchange from « handled », and a down payment from « early »', () => {
    expect(read('report de traite')).toContain('traite');
    expect(read('dossier pas encore traité')).toContain('traitement');
    expect(read('commande traitée et expédiée')).toContain('traitement');
    expect(read('demander une avance')).toContain('avance');
    expect(read('client qui paie en avance')).toContain('anticipe');
    expect(read('avancer la date de livraison')).toContain('accelerer');
  });

  it('highlights the noun, not the verb', () => {
    expect(keyOf('Vous lui adressez un avoir.', 'avoir')).toBe('avoir');
    expect(keyOf('Vous souhaitez avoir un estimatif.', 'avoir')).toBe('');
  });
});

describe('colloquial French read in the query', () => {
  it('replaces colloquial turns and life events by the words of the templates', () => {
    expect(plain('le fournisseur nous a fait faux bond')).toBe('le fournisseur nous a defaillance');
    expect(plain('on est a la ramasse sur les livraisons')).toBe('on est retard sur les livraisons');
    expect(plain("le chantier n'avance pas")).toBe('le chantier retard');
    expect(plain('on met la cle sous la porte')).toBe('on cessation d activite');
    expect(plain('je pars a la retraite')).toBe('depart remplacant');
    expect(plain('un client part a la retraite')).toBe('un client part a la retraite');
  });

  it('keeps « au lieu de » as a hint, not a required word', () => {
    const said = plainWords(foldedWords('facture TTC au lieu de HT'));
    expect(said.filter((w) => w.optional).map((w) => w.word)).toEqual(['lieu', 'erreur']);
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

  it('understands office abbreviations, colloquial words and life events', () => {
    expect(top('AR reglement', 3)).toContain('Vous accusez réception du règlement d\'une facture par un de vos clients.');
    expect(top('colis cabosse', 3).some((t) => /endommag|abîm/.test(t))).toBe(true);
    expect(top('je pars a la retraite', 1)[0]).toMatch(/remplaçant/);
    expect(top('un client part a la retraite', 1)[0]).toMatch(/retraite/);
    expect(top('avoir produit abime', 3).some((t) => /avoir/.test(t))).toBe(true);
  });

  it('returns nothing for an empty query and highlights the matched words', () => {
    expect(index.search('   ')).toEqual([]);
    const [hit] = index.search('paiement rapide', 1);
    const title = titles[Number(hit!.id) - 1]!;
    const marked = hit!.highlights.map(([s, e]) => title.slice(s, e).toLowerCase());
    expect(marked).toEqual(expect.arrayContaining(['paiement', 'rapide']));
  });

  it('answers the same once warmed up (warm() only prepares what the first searches would)', () => {
    const warmed = createSearchIndex(titles.map((title, i) => ({ id: String(i + 1), title })));
    // With no idle time left, a chunk of documents per call, until all are ready.
    let calls = 1;
    while (!warmed.warm(() => 0)) calls++;
    expect(calls).toBe(Math.ceil(titles.length / 50));
    for (const q of ['e', 'demande', 'demnde ', 'relance facture', 'mise en demeure', 'cheque non signe', 'remerciment paiement']) expect(warmed.search(q, 20)).toEqual(index.search(q, 20));
  });

  it('survives odd input', () => {
    for (const q of ['((', '€€€', 'a'.repeat(300), '🙂 relance', '"; DROP TABLE', '\u0000']) expect(() => index.search(q)).not.toThrow();
  });
});

describe('short names and aliases in results', () => {
  const docs = [
    { id: 'a', name: 'Relance n° 2 — ton ferme', title: 'Un client ne répond pas à votre premier rappel : vous le relancez fermement.', aliases: ['Votre client ne paie toujours pas malgré un premier courrier de relance amiable...'] },
    { id: 'b', name: 'Accusé de réception d’un règlement', title: 'Vous confirmez à un client que vous avez bien reçu son paiement.' },
  ];
  const small = createSearchIndex(docs);

  it('finds a letter by words of its short name only, and says where they are in it', () => {
    const [hit] = small.search('relance ferme', 5);
    expect(hit?.id).toBe('a');
    expect(hit?.nameHighlights?.map(([s, e]) => docs[0]!.name.slice(s, e))).toEqual(['Relance', 'ferme']);
  });

  it('reports the alias a pasted scenario matched, so the palette shows that scenario', () => {
    const [hit] = small.search('Votre client ne paie toujours pas malgré un premier courrier de relance amiable', 5);
    expect(hit?.id).toBe('a');
    expect(hit?.alias?.text).toBe(docs[0]!.aliases![0]);
    expect(small.search('accusé de réception règlement', 5)[0]?.alias).toBeUndefined();
  });
});
