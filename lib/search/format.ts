/**
 * The search index as the background prepares it and the content script
 * receives it (prepare.ts → engine.ts): plain arrays, so that it crosses
 * extension messaging as it is, and a mail page only unpacks it instead of
 * reading every text of the library again.
 */

/** The texts of a template the search reads (every field but `id` optional: packs may lack them). */
export interface SearchDoc {
  id: string;
  title: string;
  /** The short name shown first in the palette (optional: packs may have none). */
  name?: string;
  aliases?: string[];
  keywords?: string[];
  tags?: string[];
}

/** The office French of synonyms.ts, as tables (see lexicon.ts). */
export interface LexiconTables {
  /** Words and phrases that stand for each other (abbreviations included: « BL » with « bon de livraison »). */
  groups: string[][];
  /** Colloquial turns, and the plain words they are read as. */
  expressions: [string[], string][];
}

export interface PreparedIndex {
  lexicon: LexiconTables;
  /** How many documents it was prepared for: the documents must come with it, in the same order. */
  docs: number;
  /** Every term by id: word keys first, sorted (the vocabulary for prefix and typo lookups), then synonym group tokens (« ~12 »). */
  terms: string[];
  /** How many of `terms` are word keys (the rest are group tokens). */
  words: number;
  /** Postings, term after term: term t owns postDocs/postFields [postStart[t], postStart[t + 1]). */
  postStart: number[];
  /** Documents, ascending within a term. */
  postDocs: number[];
  /** The fields the term occurs in, in that document (FIELD_BIT mask). */
  postFields: number[];
  /** Per document, each text as [FIELD_BIT of its field, then the term ids of its keys in order], for the phrase bonus. */
  sequences: number[][][];
}

export const FIELD_WEIGHT = { title: 1, aliases: 0.9, keywords: 1.5, tags: 1.3, name: 1.4 } as const;
export const FIELD_BIT = { title: 1, aliases: 2, keywords: 4, tags: 8, name: 16 } as const;
export type Field = keyof typeof FIELD_BIT;

/** The weight of a field by its bit. */
export const WEIGHT_OF_BIT: Record<number, number> = Object.fromEntries(Object.entries(FIELD_BIT).map(([field, bit]) => [bit, FIELD_WEIGHT[field as Field]]));

/**
 * How much a term found in more than one field adds: a template whose title,
 * keywords and tags all say « mise en demeure » is more about it than one that
 * only lists it among its keywords.
 */
const OTHER_FIELDS = 0.1;

/** The weight of a term in a document by the set of fields it occurs in (FIELD_BIT mask): the best field, plus a little for the others. */
export const FIELDS_WEIGHT = Array.from({ length: 32 }, (_, mask) => {
  let best = 0;
  let sum = 0;
  for (const [field, bit] of Object.entries(FIELD_BIT)) {
    if (mask & bit) {
      const w = FIELD_WEIGHT[field as Field];
      best = Math.max(best, w);
      sum += w;
    }
  }
  return best + OTHER_FIELDS * (sum - best);
});
