/**
 * Text normalisation for French search: case, accents, ligatures, apostrophes,
 * stop words, a light stemmer (plurals, feminine, infinitives), and the
 * reading in context of words that are both a common verb and a business noun
 * (« avoir », « doit », « remise », « traite », « avance »).
 * Pure functions, shared by the index, the query and the highlighter.
 */

/** Lower case, no accents, œ → oe, every non-alphanumeric run → one space. Same length is NOT kept. */
export function fold(text: string): string {
  return foldWord(text)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Folds one word (or any string) keeping letters and digits only in ASCII form. */
export function foldWord(word: string): string {
  return word
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');
}

/**
 * Words that carry no meaning for search. « non », « sans », « pas » are kept: they change the scenario.
 * « avoir » is not here: it is read in context (see readWords), as the verb or as the credit note.
 */
export const STOP_WORDS = new Set(
  (
    'a au aux avec ce ces cet cette d dans de des du elle elles en est et etre il ils j je l la le les leur leurs lui ' +
    'm ma me mes mon n ne nous on ou par pour qu que qui s sa se ses son sur t ta te tes ton un une vos votre vous y ' +
    'c ci ca afin ainsi alors a ete sont etait ont fait faire svp stp'
  ).split(' '),
);

/**
 * Light French stemmer: enough to make « factures », « facture », « impayées »,
 * « impayé », « relancer », « relance » meet, without the over-stemming of Snowball.
 * Works on folded words.
 */
export function stem(word: string): string {
  let w = word;
  if (w.length <= 3 || /^\d+$/.test(w)) return w;
  if (w.endsWith('aux') && w.length > 5) w = `${w.slice(0, -3)}al`;
  else if ((w.endsWith('s') || w.endsWith('x')) && w.length > 3) w = w.slice(0, -1);
  if (w.endsWith('er') && w.length > 5) w = w.slice(0, -1);
  else if (w.endsWith('ez') && w.length > 5) w = w.slice(0, -2);
  while (w.endsWith('e') && w.length > 4) w = w.slice(0, -1);
  return w;
}

// ---------------------------------------------------------------------------
// Homographs read in context. Queries are short and often typed without
// accents or apostrophes (« demande d avoir », « il nous doit encore »), so
// the rules look at the neighbouring folded words only.
// ---------------------------------------------------------------------------

/** What can follow a verb before its object: « il nous doit encore », « doit donc recouvrer ». */
const PRONOUNS_AND_ADVERBS = new Set(
  'me m te t se s nous vous lui leur le la les l y en ne n pas plus encore toujours deja bien donc absolument vraiment aussi egalement jamais rien tout'.split(' '),
);
const DETERMINERS = new Set('un une du des de d le la les l mon ma mes ton ta tes son sa ses notre nos votre vos leur leurs ce cet cette ces'.split(' '));
/** « un avoir », « l'avoir », « votre avoir »: the noun. */
const NOUN_BEFORE = new Set('un l cet votre mon ton son notre chaque nouvel premier dernier bel gros petit'.split(' '));
/** « pour avoir », « va avoir », « ne pas avoir », « nous avoir »: the verb. */
const VERB_BEFORE = new Set(
  (
    'pour apres sans avant va vais vas vont allons allez aller doit dois doivent devons devez devrait devrions devraient peut peux peuvent pouvons pouvez ' +
    'pourrait pourrions veut veux veulent voulons voulez voudrait souhaite souhaitez souhaitons souhaitent faut fallait semble semblent pense pensons crois ' +
    'espere esperons dit dire ne n pas plus jamais en y me m te t se s nous vous lui leur'
  ).split(' '),
);
/** « avoir besoin », « avoir du retard », « avoir été »: what follows the verb. */
const VERB_AFTER = new Set([...DETERMINERS, ...'besoin droit tort raison peur envie affaire acces ete eu pas jamais rien toujours deja bien encore beaucoup trop assez tous plus moins'.split(' ')]);
/** Past participles that follow « avoir » the verb (« d'avoir oublié ») and are not nouns themselves. */
const PARTICIPLES = new Set(
  (
    'oublie oublies recu recus paye payes regle envoye envoyes fait faits pris eu ete manque manques repondu attendu perdu pu du su voulu vu dit ecrit fourni ' +
    'obtenu achete realise realises contacte contactes passe appele tarde rate participe depasse cree accepte commande signale constate note choisi ' +
    'compris entendu lu mis remis rendu vendu verse effectue recommande'
  ).split(' '),
);

/** What comes before « traité » the participle or « traite » the verb (« pas encore traité », « qui traite »). */
const HANDLED_BEFORE = new Set(
  'ete bien mal pas deja non est sont etre sera seront vite rapidement jamais toujours encore soit sommes suis avons avez ai as ont il elle on qui je j'.split(' '),
);

/** Forms of « devoir »: « il doit payer » (must, dropped) or « il nous doit 500 € » (owes, read as unpaid). */
const DEVOIR = new Set('doit dois doivent devons devez devait devaient devra devront devrait devoir'.split(' '));
/** Money owed, read with the verb: « il nous doit de l'argent » is « impayé ». */
const MONEY = new Set('argent sous fric thune balles euros euro eur'.split(' '));
/** What else can be owed: « il doit encore 300 euros », « elle doit deux factures ». */
const OWED = new Set('somme sommes montant facture factures dette dettes solde reste deux trois plusieurs'.split(' '));

/**
 * Reads homographs in context, word for word: returns the same number of
 * entries, where a verb use is '' (it carries no meaning, like a stop word)
 * and a noun use may be renamed so that it does not meet the verb or another
 * noun written the same way:
 *  - « avoir »: the credit note (« un avoir », « avoir produit abîmé », alone)
 *    or the verb (« avoir un retard », « pour avoir oublié », « va avoir »);
 *  - « doit », « dois »…: must (« doit payer », dropped) or owes (« nous doit
 *    encore de l'argent », read as « impayé », with the money it owes);
 *  - « remise »: a discount, except « remise de dette » (a debt written off,
 *    like « réduction de dette »),
 *    « remise à l'escompte », « remise de chèques » (a bank deposit) and
 *    « remise du lot », « retard de remise » (something handed over);
 *  - « traite »: the bill of exchange, except « traitée », « bien traité »…
 *    (handled, read as « traitement »);
 *  - « avance »: a down payment, except « en avance », « à l'avance » (early,
 *    read as « anticipé ») and « avancer la date » (read as « accélérer »).
 */
export function readWords(folded: string[]): string[] {
  const out = folded.slice();
  for (let i = 0; i < folded.length; i++) {
    const w = folded[i]!;
    const prev = folded[i - 1];
    const next = folded[i + 1];
    if (w === 'avoir' || w === 'avoirs') {
      if (prev !== undefined && NOUN_BEFORE.has(prev)) continue;
      if ((prev !== undefined && VERB_BEFORE.has(prev)) || (next !== undefined && (VERB_AFTER.has(next) || PARTICIPLES.has(next)))) out[i] = '';
    } else if (DEVOIR.has(w)) {
      // Owes: what follows (past pronouns, adverbs and articles) is an amount, money or an invoice.
      let j = i + 1;
      while (j < folded.length && (PRONOUNS_AND_ADVERBS.has(folded[j]!) || DETERMINERS.has(folded[j]!))) j++;
      const object = folded[j];
      if (object !== undefined && (/^\d+$/.test(object) || MONEY.has(object) || OWED.has(object))) {
        out[i] = 'impaye';
        // « encore de l'argent »: the adverbs and the money say nothing more than « impayé ».
        for (let k = i + 1; k < j; k++) out[k] = '';
        if (MONEY.has(object)) out[j] = '';
        else if (MONEY.has(folded[j + 1] ?? '')) out[j + 1] = '';
      } else {
        out[i] = '';
      }
    } else if (w === 'remise' || w === 'remises' || w === 'reduction' || w === 'reductions') {
      const after = folded.slice(i + 1, i + 4).filter((x) => !DETERMINERS.has(x) && x !== 'a');
      if (/^(dettes?|creances?)$/.test(after[0] ?? '')) out[i] = 'dette_remise';
      else if (w.startsWith('reduction')) continue;
      else if (/^(escompte|encaissement|banque|cheques?|traites?|effets?|lcr)$/.test(after[0] ?? '') || prev === 'bordereau' || folded[i - 2] === 'bordereau') out[i] = 'banque_remise';
      else if (prev === 'de' && /^(retard|date|delai)$/.test(folded[i - 2] ?? '')) out[i] = 'main_remise';
      else if ((next === 'du' || next === 'des') && !/^(prix|tarifs?)$/.test(folded[i + 2] ?? '')) out[i] = 'main_remise';
      else if (next === 'en' && /^(main|mains|etat|cause|question|route|service)$/.test(folded[i + 2] ?? '')) out[i] = 'main_remise';
    } else if (w === 'traite' || w === 'traites' || w === 'traitee' || w === 'traitees' || w === 'traiter' || w === 'traitez') {
      // « traitée », « traiter », « bien traité », « qui traite »: handled, not the bill.
      const handled = (w !== 'traite' && w !== 'traites') || (prev !== undefined && HANDLED_BEFORE.has(prev));
      if (handled) out[i] = 'traitement';
    } else if (w === 'avance' || w === 'avances' || w === 'avancer' || w === 'avancez' || w === 'avancons') {
      if (w === 'avancer' || w === 'avancez' || w === 'avancons') out[i] = 'accelerer';
      else if (prev === 'en' || prev === 'd' || (prev === 'l' && folded[i - 2] === 'a')) out[i] = 'anticipe';
      else if (prev === 'n' || prev === 'ne' || prev === 'on' || prev === 'il' || prev === 'ca' || prev === 'rien') out[i] = '';
    }
  }
  return out;
}

export interface WordSpan {
  /** The word as written. */
  text: string;
  /** Folded and stemmed form used for matching, read in context ('' for a word with no meaning here). */
  key: string;
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{N}]+/gu;

/** Splits text into words with their positions in the original string (for highlighting). */
export function words(text: string): WordSpan[] {
  const spans: { text: string; folded: string; start: number; end: number }[] = [];
  for (const m of text.matchAll(WORD)) {
    // A letter folded away (« ß ») splits the word as fold() does; the parts share its span.
    for (const part of fold(m[0]).split(' ')) {
      if (part) spans.push({ text: m[0], folded: part, start: m.index, end: m.index + m[0].length });
    }
  }
  const read = readWords(spans.map((s) => s.folded));
  return spans.map((s, i) => ({ text: s.text, key: read[i] ? stem(read[i]) : '', start: s.start, end: s.end }));
}

/** What a non-ASCII character folds to: letters and digits, '' when it is dropped (a combining accent), or null: a separator. */
const FOLDED_CHARS = new Map<string, string | null>();
function foldChar(ch: string): string | null {
  let folded = FOLDED_CHARS.get(ch);
  if (folded === undefined) {
    const f = foldWord(ch);
    folded = f === '' ? '' : /^[a-z0-9]+$/.test(f) ? f : null;
    FOLDED_CHARS.set(ch, folded);
  }
  return folded;
}

/**
 * Folded words of a text, in order, stop words kept: fold(text).split(' '),
 * in one pass over the characters (each accented character folded once and
 * remembered) — the index reads every title, alias, keyword and tag.
 */
export function foldedWords(text: string): string[] {
  const out: string[] = [];
  let word = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) word += text[i];
    else if (c >= 65 && c <= 90) word += String.fromCharCode(c + 32);
    else {
      const folded = c < 128 ? null : foldChar(text[i]!);
      if (folded !== null) word += folded;
      else if (word) {
        out.push(word);
        word = '';
      }
    }
  }
  if (word) out.push(word);
  return out;
}

/** The folded text with its homographs read in context (see readWords), for the phrase matching of Fuse.js. */
export function readText(text: string): string {
  return readWords(foldedWords(text)).filter(Boolean).join(' ');
}

/** Stemmed search keys of a text, homographs read in context, stop words removed. */
export function keys(text: string): string[] {
  const out: string[] = [];
  for (const w of readWords(foldedWords(text))) {
    if (w && !STOP_WORDS.has(w)) out.push(stem(w));
  }
  return out;
}
