/**
 * Text normalisation for French search: case, accents, ligatures, apostrophes,
 * stop words and a light stemmer (plurals, feminine, infinitives).
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

/** Words that carry no meaning for search. « non », « sans », « pas » are kept: they change the scenario. */
export const STOP_WORDS = new Set(
  (
    'a au aux avec ce ces cet cette d dans de des du elle elles en est et etre il ils j je l la le les leur leurs lui ' +
    'm ma me mes mon n ne nous on ou par pour qu que qui s sa se ses son sur t ta te tes ton un une vos votre vous y ' +
    'c ci ca afin ainsi alors avoir a ete sont etait ont fait faire'
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

export interface WordSpan {
  /** The word as written. */
  text: string;
  /** Folded and stemmed form used for matching. */
  key: string;
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{N}]+/gu;

/** Splits text into words with their positions in the original string (for highlighting). */
export function words(text: string): WordSpan[] {
  const out: WordSpan[] = [];
  for (const m of text.matchAll(WORD)) {
    const folded = foldWord(m[0]);
    out.push({ text: m[0], key: stem(folded), start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** Stemmed search keys of a text, stop words removed. */
export function keys(text: string): string[] {
  const out: string[] = [];
  for (const w of fold(text).split(' ')) {
    if (w && !STOP_WORDS.has(w)) out.push(stem(w));
  }
  return out;
}
