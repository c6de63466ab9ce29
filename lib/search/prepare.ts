/**
 * Prepares the search index of a library: every title, alias, name, keyword
 * and tag read once (folded, homographs read, keyed, synonym groups found)
 * into postings and phrase sequences (format.ts). The background does it once
 * per library and sends the result to every mail page (engine.ts unpacks it);
 * tests, the bench and the settings page call createSearchIndex().
 */
import { SearchIndex } from './engine';
import { FIELD_BIT, type Field, type LexiconTables, type PreparedIndex, type SearchDoc } from './format';
import { Lexicon } from './lexicon';
import { foldedWords, readWords, stem, STOP_WORDS } from './normalize';
import { ABBREVIATIONS, EXPRESSIONS, SYNONYM_GROUPS } from './synonyms';

/** The office French of synonyms.ts: abbreviations become groups of the short form and what it stands for. */
export const OFFICE_FRENCH: LexiconTables = {
  groups: [...SYNONYM_GROUPS, ...Object.entries(ABBREVIATIONS).map(([short, long]) => [short, ...long])],
  expressions: EXPRESSIONS,
};

/** A text of a template as the index reads it. */
interface Reading {
  /** Search keys, in order. */
  stems: string[];
  /** Keys and the synonym groups they belong to. */
  terms: string[];
}

const FIELDS: [Field, (d: SearchDoc) => string[]][] = [
  ['title', (d) => [d.title]],
  ['aliases', (d) => d.aliases ?? []],
  ['keywords', (d) => d.keywords ?? []],
  ['tags', (d) => d.tags ?? []],
  ['name', (d) => (d.name ? [d.name] : [])],
];

export function prepareIndex(docs: SearchDoc[], tables: LexiconTables = OFFICE_FRENCH): PreparedIndex {
  const lexicon = new Lexicon(tables);
  /** Per distinct text (tags and keywords repeat across templates): its reading, computed once. */
  const readings = new Map<string, Reading>();
  const reading = (text: string): Reading => {
    let r = readings.get(text);
    if (!r) {
      const stems: string[] = [];
      for (const w of readWords(foldedWords(text))) if (w && !STOP_WORDS.has(w)) stems.push(stem(w));
      r = { stems, terms: [...lexicon.termsOf(stems)] };
      readings.set(text, r);
    }
    return r;
  };
  /** term → documents (ascending, as they are added) and the fields it occurs in (FIELD_BIT) for each. */
  const postings = new Map<string, { docs: number[]; fields: number[] }>();
  const texts: { bit: number; stems: string[] }[][] = [];
  docs.forEach((doc, i) => {
    const own: { bit: number; stems: string[] }[] = [];
    for (const [field, textsOf] of FIELDS) {
      const bit = FIELD_BIT[field];
      for (const text of textsOf(doc)) {
        const r = reading(text);
        own.push({ bit, stems: r.stems });
        for (const term of r.terms) {
          let list = postings.get(term);
          if (!list) postings.set(term, (list = { docs: [], fields: [] }));
          const last = list.docs.length - 1;
          if (list.docs[last] === i) list.fields[last]! |= bit;
          else {
            list.docs.push(i);
            list.fields.push(bit);
          }
        }
      }
    }
    texts.push(own);
  });
  // Word keys first, sorted: the engine's vocabulary is then a prefix of the terms, with nothing to sort.
  const words = [...postings.keys()].filter((t) => !t.startsWith('~')).toSorted();
  const terms = [...words, ...[...postings.keys()].filter((t) => t.startsWith('~'))];
  const ids = new Map(terms.map((t, id) => [t, id]));
  const postStart: number[] = [];
  const postDocs: number[] = [];
  const postFields: number[] = [];
  for (const term of terms) {
    postStart.push(postDocs.length);
    const list = postings.get(term)!;
    for (let k = 0; k < list.docs.length; k++) {
      postDocs.push(list.docs[k]!);
      postFields.push(list.fields[k]!);
    }
  }
  postStart.push(postDocs.length);
  return {
    lexicon: tables,
    docs: docs.length,
    terms,
    words: words.length,
    postStart,
    postDocs,
    postFields,
    sequences: texts.map((own) => own.map(({ bit, stems }) => [bit, ...stems.map((s) => ids.get(s)!)])),
  };
}

/** The index of `docs`, prepared here (tests, the bench, the settings page; mail pages receive it prepared). */
export function createSearchIndex(docs: SearchDoc[], tables: LexiconTables = OFFICE_FRENCH): SearchIndex {
  return new SearchIndex(docs, prepareIndex(docs, tables));
}
