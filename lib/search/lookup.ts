/**
 * What a query word can stand for in the index: the word itself, the words it
 * begins (the word being typed), the words one or two typos away, and the
 * synonym groups of each. Kept between keystrokes: typing repeats the earlier
 * words of the query every time.
 */
import type { Lexicon } from './lexicon';

export const MATCH_QUALITY = { exact: 1, synonym: 0.85, prefix: 0.8, fuzzy1: 0.6, fuzzy2: 0.45 } as const;
/** How many query words' alternatives are kept between keystrokes. */
const CACHE_SIZE = 500;
/** How much a typo's candidates are weighed by their document frequency (see computeAlternatives). */
const TYPO_DF = 0.25;

export interface Alternative {
  term: string;
  quality: number;
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

export class WordLookup {
  private readonly cache = new Map<string, Alternative[]>();

  constructor(
    /** The index's word keys, sorted. */
    private readonly vocabulary: string[],
    /** How many documents hold a term (0: not in the index). */
    private readonly df: (term: string) => number,
    private readonly lexicon: Lexicon,
  ) {}

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

  /**
   * The index terms a query word can stand for. `long` is a query of many
   * words (a title pasted whole): there a word found as such is not also
   * looked up as a typo, which would cost a scan of the vocabulary per word.
   */
  alternativesFor(word: string, stemmed: string, isLast: boolean, long = false): Alternative[] {
    // Typing repeats the earlier words of the query at every keystroke: their lookups (a typo scan of
    // the whole vocabulary for an unknown word) are kept for the next keystrokes.
    const key = `${word}\u0000${stemmed}\u0000${isLast}\u0000${long}`;
    const cached = this.cache.get(key);
    if (cached) return cached;
    if (this.cache.size > CACHE_SIZE) this.cache.clear();
    const computed = this.computeAlternatives(word, stemmed, isLast, long);
    this.cache.set(key, computed);
    return computed;
  }

  private computeAlternatives(word: string, stemmed: string, isLast: boolean, long: boolean): Alternative[] {
    const alts = new Map<string, number>();
    const add = (term: string, quality: number) => {
      if (this.df(term) > 0 && (alts.get(term) ?? 0) < quality) alts.set(term, quality);
    };
    add(stemmed, MATCH_QUALITY.exact);
    for (const g of this.lexicon.singleWordGroups.get(stemmed) ?? []) add(g, MATCH_QUALITY.synonym);
    if (stemmed.length >= 3 || (isLast && stemmed.length >= 1)) {
      for (const term of this.withPrefix(isLast ? word : stemmed)) add(term, term === stemmed ? MATCH_QUALITY.exact : MATCH_QUALITY.prefix);
    }
    // A word of the synonym groups is known French, not a typo (« faillite » is not « facilité »).
    if (stemmed.length >= 4 && alts.size < 3 && !(long && alts.has(stemmed)) && !this.lexicon.singleWordGroups.has(stemmed)) {
      const max = stemmed.length >= 7 ? 2 : 1;
      const fuzzy: [string, number][] = [];
      // A typo keeps the first letter (or swaps the first two): the scan reads those words only.
      for (const term of [...this.withPrefix(stemmed[0]!), ...this.withPrefix(stemmed[1]! + stemmed[0]!)]) {
        if (Math.abs(term.length - stemmed.length) > max) continue;
        const d = boundedDistance(stemmed, term, max);
        if (d >= 1 && d <= max) fuzzy.push([term, d === 1 ? MATCH_QUALITY.fuzzy1 : MATCH_QUALITY.fuzzy2]);
      }
      // A typo more likely stands for a common word than for a rare one: weigh by document frequency,
      // less than by the distance (« echancier » is « échéancier », not the more common « échange »).
      const maxDf = Math.max(1, ...fuzzy.map(([t]) => this.df(t)));
      for (const [term, quality] of fuzzy) add(term, quality * (1 - TYPO_DF + TYPO_DF * (this.df(term) / maxDf)));
      // A typo in a word that belongs to a synonym group also reaches the group.
      for (const [term, quality] of Array.from(alts)) {
        for (const g of this.lexicon.singleWordGroups.get(term) ?? []) add(g, quality * MATCH_QUALITY.synonym);
      }
    }
    return [...alts].map(([term, quality]) => ({ term, quality }));
  }
}
