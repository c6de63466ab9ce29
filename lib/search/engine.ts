/**
 * Search over the scenario titles, aliases, keywords and tags of the library.
 *
 * Two stages, both built once per library (never per keystroke):
 *  1. Word-level narrowing: every query word is stemmed and looked up in an
 *     inverted index — exactly, as a prefix (the word being typed), within one
 *     or two typos, or through a synonym group. Candidates are scored by the
 *     weight of the field the word was found in, its rarity (IDF) and how many
 *     query words they cover, with a bonus when consecutive query words follow
 *     each other in one text.
 *  2. Fuse.js ranks the best candidates on their keywords and tags, which
 *     rewards a keyword matching the query as a phrase and tolerates the typos
 *     the first stage let through. When the first stage finds nothing, Fuse
 *     searches everything (titles included).
 */
import Fuse from 'fuse.js';
import { fold, keys, stem, STOP_WORDS, words } from './normalize';
import { SYNONYM_GROUPS } from './synonyms';

export interface SearchDoc {
  id: string;
  title: string;
  aliases?: string[];
  keywords?: string[];
  tags?: string[];
}

export interface SearchHit {
  id: string;
  score: number;
  /** [start, end) ranges of the title to highlight. */
  highlights: [number, number][];
}

const FIELD_WEIGHT = { title: 1, aliases: 0.9, keywords: 1.5, tags: 1.3 } as const;
const MATCH_QUALITY = { exact: 1, synonym: 0.85, prefix: 0.8, fuzzy1: 0.6, fuzzy2: 0.45 } as const;
const NEGATIONS = new Set(['non', 'pas', 'sans', 'jamais', 'aucun', 'aucune']);

/** How many first-stage candidates get the phrase bonus, and how many of them Fuse re-ranks. */
const CANDIDATES = 40;
const RERANK = 15;

/**
 * Fuse.js ranks the best candidates on their short texts, keywords and tags,
 * folded once at build time: it rewards a keyword that matches the query as a
 * whole phrase, typos included. Long scenario titles are left to the first
 * stage; running Fuse over them costs milliseconds per keystroke for little.
 */
const FUSE_OPTIONS = {
  keys: [
    { name: 'keywords', weight: 2 },
    { name: 'tags', weight: 1 },
  ],
  includeScore: true,
  ignoreLocation: true,
  ignoreFieldNorm: true,
  threshold: 1,
};

/** What Fuse sees of a document. */
interface ShortTexts {
  doc: number;
  keywords: string[];
  tags: string[];
  title?: string;
}

/** A synonym group, as sequences of stems: « retard de paiement » → [retard, paiement]. */
interface Group {
  token: string;
  phrases: string[][];
}

const GROUPS: Group[] = SYNONYM_GROUPS.map((members, i) => ({ token: `~${i}`, phrases: members.map(keys) }));
/** stem → group tokens, for one-word members. */
const SINGLE_WORD_GROUPS = new Map<string, string[]>();
for (const g of GROUPS) {
  for (const p of g.phrases) {
    if (p.length === 1) SINGLE_WORD_GROUPS.set(p[0]!, [...(SINGLE_WORD_GROUPS.get(p[0]!) ?? []), g.token]);
  }
}

/** Group tokens whose phrases occur in `stems`, with the positions they cover. */
function groupsIn(stems: string[]): { token: string; covers: number[] }[] {
  const out: { token: string; covers: number[] }[] = [];
  for (const g of GROUPS) {
    for (const phrase of g.phrases) {
      for (let i = 0; i + phrase.length <= stems.length; i++) {
        if (phrase.every((p, j) => stems[i + j] === p)) out.push({ token: g.token, covers: phrase.map((_, j) => i + j) });
      }
    }
  }
  return out;
}

/** Damerau-Levenshtein distance, giving up (returning max+1) once it exceeds `max`. */
export function boundedDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prevPrev: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prevPrev[j - 2]! + 1);
      cur.push(v);
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin > max) return max + 1;
    prevPrev = prev;
    prev = cur;
  }
  return prev[b.length]!;
}

interface Alternative {
  term: string;
  quality: number;
}

/** One query word (or phrase) and the index terms that can stand for it. */
interface Slot {
  alternatives: Alternative[];
  /** A slot made of words already covered by a synonym phrase: matching it is a bonus, missing it costs nothing. */
  optional: boolean;
}

export class SearchIndex {
  private readonly docs: SearchDoc[];
  /** term → (doc index → field weight). */
  private readonly postings = new Map<string, Map<number, number>>();
  private readonly vocabulary: string[];
  /** Folded titles and aliases → documents: a title typed (or pasted) whole comes first. */
  private readonly exact = new Map<string, number[]>();
  /** Folded keywords and tags of each document, for Fuse. */
  private readonly short: ShortTexts[];
  /** Stem sequences of each document's texts with their field weight, for the phrase bonus. */
  private readonly sequences: { stems: string[]; weight: number }[][] = [];
  /** Fuse over everything, for queries the first stage finds nothing for (built on first use). */
  private fallback: Fuse<ShortTexts> | null = null;

  constructor(docs: SearchDoc[]) {
    this.docs = docs;
    docs.forEach((doc, i) => {
      const fields: [keyof typeof FIELD_WEIGHT, string[]][] = [
        ['title', [doc.title]],
        ['aliases', doc.aliases ?? []],
        ['keywords', doc.keywords ?? []],
        ['tags', doc.tags ?? []],
      ];
      for (const text of [doc.title, ...(doc.aliases ?? [])]) {
        const key = fold(text);
        this.exact.set(key, [...(this.exact.get(key) ?? []), i]);
      }
      for (const [field, texts] of fields) {
        for (const text of texts) {
          const stems = keys(text);
          (this.sequences[i] ??= []).push({ stems, weight: FIELD_WEIGHT[field] });
          const terms = [...stems, ...groupsIn(stems).map((g) => g.token), ...stems.flatMap((s) => SINGLE_WORD_GROUPS.get(s) ?? [])];
          for (const term of terms) this.post(term, i, FIELD_WEIGHT[field]);
        }
      }
    });
    this.vocabulary = [...this.postings.keys()].filter((t) => !t.startsWith('~')).toSorted();
    this.short = docs.map((d, doc) => ({ doc, keywords: (d.keywords ?? []).map(fold), tags: (d.tags ?? []).map(fold) }));
  }

  get size(): number {
    return this.docs.length;
  }

  private post(term: string, doc: number, weight: number) {
    let list = this.postings.get(term);
    if (!list) this.postings.set(term, (list = new Map()));
    list.set(doc, Math.max(list.get(doc) ?? 0, weight));
  }

  private idf(term: string): number {
    const df = this.postings.get(term)?.size ?? 0;
    return Math.log(1 + this.docs.length / (1 + df));
  }

  /** Index terms starting with `prefix` (binary search in the sorted vocabulary). */
  private withPrefix(prefix: string): string[] {
    const v = this.vocabulary;
    let lo = 0;
    let hi = v.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (v[mid]! < prefix) lo = mid + 1;
      else hi = mid;
    }
    const out: string[] = [];
    for (let i = lo; i < v.length && v[i]!.startsWith(prefix); i++) out.push(v[i]!);
    return out;
  }

  private alternativesFor(word: string, stemmed: string, isLast: boolean): Alternative[] {
    const alts = new Map<string, number>();
    const add = (term: string, quality: number) => {
      if (this.postings.has(term) && (alts.get(term) ?? 0) < quality) alts.set(term, quality);
    };
    add(stemmed, MATCH_QUALITY.exact);
    for (const g of SINGLE_WORD_GROUPS.get(stemmed) ?? []) add(g, MATCH_QUALITY.synonym);
    if (stemmed.length >= 3 || (isLast && stemmed.length >= 2)) {
      for (const term of this.withPrefix(isLast ? word : stemmed)) add(term, term === stemmed ? MATCH_QUALITY.exact : MATCH_QUALITY.prefix);
    }
    if (stemmed.length >= 4 && alts.size < 3) {
      const max = stemmed.length >= 7 ? 2 : 1;
      const fuzzy: [string, number][] = [];
      for (const term of this.vocabulary) {
        if (Math.abs(term.length - stemmed.length) > max) continue;
        const d = boundedDistance(stemmed, term, max);
        if (d >= 1 && d <= max) fuzzy.push([term, d === 1 ? MATCH_QUALITY.fuzzy1 : MATCH_QUALITY.fuzzy2]);
      }
      // A typo more likely stands for a common word than for a rare one: weigh by document frequency.
      const maxDf = Math.max(1, ...fuzzy.map(([t]) => this.postings.get(t)!.size));
      for (const [term, quality] of fuzzy) add(term, quality * (0.5 + 0.5 * (this.postings.get(term)!.size / maxDf)));
      // A typo in a word that belongs to a synonym group also reaches the group.
      for (const [term, quality] of Array.from(alts)) {
        for (const g of SINGLE_WORD_GROUPS.get(term) ?? []) add(g, quality * MATCH_QUALITY.synonym);
      }
    }
    return [...alts].map(([term, quality]) => ({ term, quality }));
  }

  private slots(query: string): Slot[] {
    const folded = fold(query).split(' ').filter(Boolean);
    const trailingSpace = /\s$/.test(query);
    const entries = folded
      .map((w, i) => ({ word: w, isLast: i === folded.length - 1 && !trailingSpace }))
      .filter((e) => !STOP_WORDS.has(e.word) || folded.length === 1);
    const stems = entries.map((e) => stem(e.word));
    const phraseSlots = groupsIn(stems).filter((g) => g.covers.length > 1);
    const covered = new Set(phraseSlots.flatMap((g) => g.covers));
    const slots: Slot[] = phraseSlots.map((g) => ({ alternatives: [{ term: g.token, quality: MATCH_QUALITY.synonym }], optional: false }));
    entries.forEach((e, i) => {
      const alternatives = this.alternativesFor(e.word, stems[i]!, e.isLast);
      // « non », « pas », « sans » count when present but a title may say it otherwise (« oublié de signer »).
      slots.push({ alternatives, optional: covered.has(i) || (NEGATIONS.has(e.word) && entries.length > 1) });
    });
    return slots;
  }

  /**
   * Up to 1.3× when consecutive query words follow each other in one of the
   * document's texts (« report d'échéance » beats a title with « report » and,
   * far later, « échéance »), more in keywords than in the title.
   */
  private phraseBonus(doc: number, bySlot: (string | undefined)[]): number {
    let found = 0;
    let pairs = 0;
    for (let i = 0; i + 1 < bySlot.length; i++) {
      const [a, b] = [bySlot[i], bySlot[i + 1]];
      if (!a || !b) continue;
      pairs++;
      let best = 0;
      for (const { stems, weight } of this.sequences[doc] ?? []) {
        for (let j = 0; j < stems.length; j++) {
          if (stems[j] === a && (stems[j + 1] === b || stems[j + 2] === b)) best = Math.max(best, weight);
        }
      }
      found += best / FIELD_WEIGHT.keywords;
    }
    return pairs ? 1 + 0.3 * (found / pairs) : 1;
  }

  /** Ranked templates for a query; empty query → empty list (the caller shows recents). */
  search(query: string, limit = 20): SearchHit[] {
    if (!fold(query)) return [];
    const slots = this.slots(query);
    const required = slots.filter((s) => !s.optional).length || 1;
    const scores = new Map<number, { score: number; matched: number; terms: Set<string>; bySlot: (string | undefined)[] }>();
    slots.forEach((slot, slotIndex) => {
      const best = new Map<number, { value: number; term: string }>();
      for (const { term, quality } of slot.alternatives) {
        const idf = this.idf(term);
        for (const [doc, weight] of this.postings.get(term) ?? []) {
          const value = quality * idf * weight;
          if ((best.get(doc)?.value ?? 0) < value) best.set(doc, { value, term });
        }
      }
      for (const [doc, { value, term }] of best) {
        const entry = scores.get(doc) ?? { score: 0, matched: 0, terms: new Set<string>(), bySlot: [] };
        entry.score += value;
        if (!slot.optional) entry.matched += 1;
        entry.terms.add(term);
        entry.bySlot[slotIndex] = term;
        scores.set(doc, entry);
      }
    });

    let candidates = Array.from(scores, ([doc, s]) => ({
      doc,
      terms: s.terms,
      lexical: s.score * (Math.min(s.matched, required) / required) ** 2 * this.phraseBonus(doc, s.bySlot),
    }))
      .toSorted((a, b) => b.lexical - a.lexical)
      .slice(0, CANDIDATES);

    const fuseQuery = fold(query).slice(0, 64);
    if (candidates.length === 0) {
      this.fallback ??= new Fuse<ShortTexts>(
        this.short.map((t) => ({ ...t, title: fold(this.docs[t.doc]!.title) })),
        { ...FUSE_OPTIONS, keys: [...FUSE_OPTIONS.keys, { name: 'title', weight: 1 }], threshold: 0.45 },
      );
      const fallback = this.fallback;
      return fallback.search(fuseQuery, { limit }).map((r) => ({ id: this.docs[r.item.doc]!.id, score: 1 - (r.score ?? 1), highlights: [] }));
    }
    const top = candidates[0]!.lexical;
    const fuseScores = new Map<number, number>();
    const reranked = candidates.slice(0, RERANK).filter((c) => this.short[c.doc]!.keywords.length);
    if (reranked.length > 1) {
      const sub = new Fuse(reranked.map((c) => this.short[c.doc]!), FUSE_OPTIONS);
      for (const r of sub.search(fuseQuery)) fuseScores.set(r.item.doc, 1 - (r.score ?? 1));
    }
    const exact = new Set(this.exact.get(fold(query)) ?? []);
    candidates = candidates
      .map((c) => ({ ...c, lexical: (0.8 * c.lexical) / top + 0.2 * (fuseScores.get(c.doc) ?? 0) + (exact.has(c.doc) ? 1 : 0) }))
      .toSorted((a, b) => b.lexical - a.lexical || a.doc - b.doc);
    return candidates.slice(0, limit).map((c) => ({
      id: this.docs[c.doc]!.id,
      score: c.lexical,
      highlights: highlight(this.docs[c.doc]!.title, c.terms),
    }));
  }
}

/** Ranges of the title whose words matched one of `terms`. */
export function highlight(title: string, terms: Set<string>): [number, number][] {
  return words(title)
    .filter((w) => terms.has(w.key))
    .map((w) => [w.start, w.end]);
}
