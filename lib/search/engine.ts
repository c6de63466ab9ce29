/**
 * Search over the scenario titles, aliases, keywords and tags of the library.
 *
 * The index comes prepared (prepare.ts, usually in the background): the
 * templates' texts were read once there; here it is only unpacked.
 *
 * The query is first read as office French (lexicon.ts, normalize.ts):
 * colloquial turns and life events said plainly are replaced by the words of
 * the templates (« faire faux bond » → « défaillance »), abbreviations meet
 * what they stand for (« BL » → « bon de livraison »), and words that are both
 * a verb and a business noun are read in context, in the query as in the
 * templates (« un avoir » is the credit note, « avoir du retard » is not).
 *
 * Two stages, both built once per library (never per keystroke):
 *  1. Word-level narrowing: every query word is stemmed and looked up in an
 *     inverted index — exactly, as a prefix (the word being typed), within one
 *     or two typos, or through a synonym group (lookup.ts). Candidates are scored by the
 *     weight of the field the word was found in, its rarity (IDF) and how many
 *     query words they cover, with a bonus when consecutive query words follow
 *     each other in one text.
 *     A term found in several fields of a template (title, keywords, tags)
 *     weighs a little more than in one.
 *  2. Fuse.js ranks the best candidates on their keywords and tags, which
 *     rewards a keyword matching the query as a phrase and tolerates the typos
 *     the first stage let through. When the first stage finds nothing, Fuse
 *     searches everything (titles included).
 */
import Fuse from 'fuse.js/basic';
import { FIELD_WEIGHT, FIELDS_WEIGHT, WEIGHT_OF_BIT, type PreparedIndex, type SearchDoc } from './format';
import { Lexicon } from './lexicon';
import { MATCH_QUALITY, WordLookup, type Alternative } from './lookup';
import { fold, foldedWords, readWords, stem, STOP_WORDS, words } from './normalize';
import { measure } from './timing';

export type { SearchDoc } from './format';

export interface SearchHit {
  id: string;
  score: number;
  /** [start, end) ranges of the title to highlight. */
  highlights: [number, number][];
  /** [start, end) ranges of the short name to highlight. */
  nameHighlights?: [number, number][];
  /** The alias the query matched better than the title (a pasted scenario), with its ranges. */
  alias?: { text: string; highlights: [number, number][] };
}

const NEGATIONS = new Set(['non', 'pas', 'sans', 'jamais', 'aucun', 'aucune']);

/** How many first-stage candidates get the phrase bonus, and how many of them Fuse re-ranks. */
const CANDIDATES = 40;
/** Beyond this many words, a query is a title pasted whole rather than typed (see WordLookup.alternativesFor). */
const LONG_QUERY_WORDS = 8;
/** The most the phrase bonus multiplies a score by (see phraseBonus). */
const PHRASE_BONUS_MAX = 1.3;
/**
 * How many of the candidates Fuse.js re-ranks: about as many as the palette
 * shows at first. Its bitap is most of a keystroke's search time (about 50 µs
 * per template); re-ranking 10 found no query of the tables better than 6.
 */
const RERANK = 6;
/** What a document that meets none of the required words counts as covering (see firstStage). */
const MIN_COVERAGE = 0.25;
/** How much Fuse.js's phrase score counts in the final score, against the first stage's. */
const FUSE_WEIGHT = 0.2;
/** What warm() searches for: one letter (the widest prefix lookup), then a word with a typo, finished (the typo scan, and its correction for Fuse). */
const WARM_QUERIES = ['e', 'demnde '];
/** warm() reads the shown texts of this many documents at most: beyond, a big pack's words would weigh tens of megabytes. */
const WARM_DOCS = 3000;
/** Documents warm() reads at least per call, even when the page gives it no idle time. */
const WARM_CHUNK = 50;

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

/** One query word (or phrase) and the index terms that can stand for it. */
interface Slot {
  alternatives: Alternative[];
  /** A slot made of words already covered by a synonym phrase: matching it is a bonus, missing it costs nothing. */
  optional: boolean;
}

export class SearchIndex {
  private readonly docs: SearchDoc[];
  private readonly lexicon: Lexicon;
  /** Term ids, and per term id the documents it occurs in (ascending) with the best field weight. */
  private readonly termIds = new Map<string, number>();
  private readonly termNames: string[];
  /** Postings of every term, one after the other: term id t owns [postStart[t], postStart[t + 1]). */
  private readonly postStart: Int32Array;
  private readonly postDocs: Int32Array;
  private readonly postWeights: Float32Array;
  /** What each query word can stand for in the index (prefix, typos, synonyms). */
  private readonly lookup: WordLookup;
  /** Per-search scratch space, one slot per document, reused across keystrokes (see search()). */
  private scratch: Scratch | null = null;
  /** The word keys of the index, sorted (prefix and typo lookups). */
  private readonly vocabulary: string[];
  /** Each document's title, aliases and name, folded, read on first use: a title typed (or pasted) whole comes first. */
  private readonly folded: string[][] = [];
  /** Each distinct keyword and tag as Fuse sees it (folded words, homographs read), read on first use. */
  private readonly shortReads = new Map<string, string[]>();
  /** What Fuse sees of each document, read when the document is first re-ranked. */
  private readonly short: ShortTexts[] = [];
  /** Each document's texts as [FIELD_BIT, term ids…], for the phrase bonus. */
  private readonly sequences: number[][][];
  /** The words of each document's title, name and aliases with their keys, read on its first highlight. */
  private readonly shownWords: ShownWords[] = [];
  /** Index term → the word it was most often written as (« factur » → « facture »), to correct a typo for Fuse (read on the first typo). */
  private surfaceForms: Map<string, string> | null = null;
  /** How many documents warm() has prepared. */
  private warmed = 0;
  /** Fuse over everything, for queries the first stage finds nothing for (built on first use). */
  private fallback: Fuse<ShortTexts> | null = null;

  /** `prepared` comes from prepareIndex(docs) (prepare.ts), usually made by the background. */
  constructor(docs: SearchDoc[], prepared: PreparedIndex) {
    const started = performance.now();
    if (prepared.docs !== docs.length) throw new Error(`search index prepared for ${prepared.docs} documents, given ${docs.length}`);
    this.docs = docs;
    this.lexicon = new Lexicon(prepared.lexicon);
    this.termNames = prepared.terms;
    prepared.terms.forEach((term, id) => this.termIds.set(term, id));
    this.vocabulary = prepared.terms.slice(0, prepared.words);
    this.postStart = Int32Array.from(prepared.postStart);
    this.postDocs = Int32Array.from(prepared.postDocs);
    this.postWeights = Float32Array.from(prepared.postFields, (mask) => FIELDS_WEIGHT[mask]!);
    this.sequences = prepared.sequences;
    this.lookup = new WordLookup(this.vocabulary, (term) => this.df(term), this.lexicon);
    measure('modeles:index', started, { docs: docs.length });
  }

  /** A keyword or tag as Fuse sees it: folded words, homographs read. */
  private readShort(text: string): string[] {
    let read = this.shortReads.get(text);
    if (!read) this.shortReads.set(text, (read = readWords(foldedWords(text))));
    return read;
  }

  /** The keywords and tags of a document as Fuse sees them. */
  private shortOf(doc: number): ShortTexts {
    const d = this.docs[doc]!;
    const fuseText = (text: string) => this.readShort(text).filter(Boolean).join(' ');
    return (this.short[doc] ??= { doc, keywords: (d.keywords ?? []).map(fuseText), tags: (d.tags ?? []).map(fuseText) });
  }

  /** The word each term was most often written as in keywords and tags. */
  private surface(term: string): string | undefined {
    if (!this.surfaceForms) {
      const written = new Map<string, Map<string, number>>();
      for (const text of new Set(this.docs.flatMap((d) => [...(d.keywords ?? []), ...(d.tags ?? [])]))) {
        for (const word of this.readShort(text)) {
          if (!word || STOP_WORDS.has(word)) continue;
          const key = stem(word);
          const counts = written.get(key) ?? new Map<string, number>();
          counts.set(word, (counts.get(word) ?? 0) + 1);
          written.set(key, counts);
        }
      }
      this.surfaceForms = new Map();
      for (const [key, counts] of written) {
        let best = '';
        let most = 0;
        for (const [word, n] of counts) if (n > most) [best, most] = [word, n];
        this.surfaceForms.set(key, best);
      }
    }
    return this.surfaceForms.get(term);
  }

  get size(): number {
    return this.docs.length;
  }

  /** How many documents hold the term. */
  private df(term: string): number {
    const id = this.termIds.get(term);
    return id === undefined ? 0 : this.postStart[id + 1]! - this.postStart[id]!;
  }

  /**
   * The query read as the index reads the templates: colloquial turns
   * replaced (EXPRESSIONS), homographs read in context (readWords), then one
   * slot per word and per synonym phrase. Also returns the query so read, stop
   * words kept, for Fuse.js.
   */
  private slots(query: string): { slots: Slot[]; plain: string } {
    const folded = foldedWords(query);
    const trailingSpace = /\s$/.test(query);
    const said = this.lexicon.plainWords(folded);
    const read = readWords(said.map((p) => p.word));
    const entries = said
      .map((p, i) => ({ at: i, word: read[i]!, isLast: p.typed && i === said.length - 1 && !trailingSpace, optional: p.optional }))
      .filter((e) => e.word && (!STOP_WORDS.has(e.word) || folded.length === 1));
    const stems = entries.map((e) => stem(e.word));
    const phraseSlots = this.lexicon.groupsIn(stems).filter((g) => g.covers.length > 1);
    const covered = new Set(phraseSlots.flatMap((g) => g.covers));
    const slots: Slot[] = phraseSlots.map((g) => ({ alternatives: [{ term: g.token, quality: MATCH_QUALITY.synonym }], optional: false }));
    const understood = read.slice();
    entries.forEach((e, i) => {
      const alternatives = this.lookup.alternativesFor(e.word, stems[i]!, e.isLast, entries.length > LONG_QUERY_WORDS);
      // « non », « pas », « sans » count when present but a title may say it otherwise (« oublié de signer »).
      slots.push({ alternatives, optional: e.optional || covered.has(i) || (NEGATIONS.has(e.word) && entries.length > 1) });
      // Fuse.js compares the query with the keywords as a phrase: give it the word a typo stands for.
      const best = alternatives.reduce<Alternative | null>((top, a) => (a.term.startsWith('~') || (top && top.quality >= a.quality) ? top : a), null);
      if (best && best.term !== stems[i] && best.quality <= MATCH_QUALITY.fuzzy1 && !e.isLast) understood[e.at] = this.surface(best.term) ?? e.word;
    });
    return { slots, plain: understood.filter(Boolean).join(' ') };
  }

  /**
   * Up to 1.3× when consecutive query words follow each other in one of the
   * document's texts (« report d'échéance » beats a title with « report » and,
   * far later, « échéance »), more in keywords than in the title.
   */
  private phraseBonus(doc: number, bySlot: number[], quality: number[]): number {
    let found = 0;
    let pairs = 0;
    for (let i = 0; i + 1 < bySlot.length; i++) {
      const [a, b] = [bySlot[i]!, bySlot[i + 1]!];
      if (a < 0 || b < 0) continue;
      pairs++;
      let best = 0;
      // Each text is [FIELD_BIT, then its term ids]; a synonym group's token is never among them.
      for (const text of this.sequences[doc] ?? []) {
        for (let j = 1; j < text.length; j++) {
          if (text[j] === a && (text[j + 1] === b || text[j + 2] === b)) best = Math.max(best, WEIGHT_OF_BIT[text[0]!]!);
        }
      }
      // Two words guessed from typos that follow each other say less than two words typed right.
      found += (best / FIELD_WEIGHT.keywords) * Math.min(quality[i]!, quality[i + 1]!);
    }
    return pairs ? 1 + (PHRASE_BONUS_MAX - 1) * (found / pairs) : 1;
  }

  /**
   * Stage 1: the best CANDIDATES documents for the query's slots. Scores are
   * summed in flat arrays indexed by document (no object per document, so a
   * two-letter prefix over 50 000 templates stays cheap), and the phrase
   * bonus — at most ×1.3 — is computed only for documents it could lift into
   * the candidates.
   */
  private firstStage(slots: Slot[]): { doc: number; terms: Set<number>; lexical: number }[] {
    const n = this.docs.length;
    const width = slots.length;
    const sc = (this.scratch ??= newScratch(n));
    if (sc.slotTerms.length < n * width) sc.slotTerms = new Int32Array(n * width);
    const { acc, matched, seen, slotBest, slotBestTerm, slotSeen, slotTerms } = sc;
    const search = ++sc.search;
    const touched: number[] = [];
    const { postStart, postDocs, postWeights } = this;
    const idfOf = (id: number) => Math.log(1 + n / (1 + postStart[id + 1]! - postStart[id]!));
    slots.forEach((slot, si) => {
      const mark = ++sc.slot;
      const inSlot: number[] = [];
      // A word completed or corrected into a rarer one is not rarer than the word typed:
      // « client » is common, « clientèle » is not, yet typing « client » says as little.
      const typed = slot.alternatives.find((a) => a.quality === MATCH_QUALITY.exact && this.termIds.has(a.term));
      const typedIdf = typed ? idfOf(this.termIds.get(typed.term)!) : Infinity;
      for (const { term, quality } of slot.alternatives) {
        const id = this.termIds.get(term);
        if (id === undefined) continue;
        const idf = Math.min(idfOf(id), typedIdf);
        for (let k = postStart[id]!, end = postStart[id + 1]!; k < end; k++) {
          const doc = postDocs[k]!;
          const value = quality * idf * postWeights[k]!;
          if (slotSeen[doc] !== mark) {
            slotSeen[doc] = mark;
            slotBest[doc] = value;
            slotBestTerm[doc] = id;
            inSlot.push(doc);
          } else if (slotBest[doc]! < value) {
            slotBest[doc] = value;
            slotBestTerm[doc] = id;
          }
        }
      }
      for (const doc of inSlot) {
        if (seen[doc] !== search) {
          seen[doc] = search;
          acc[doc] = 0;
          matched[doc] = 0;
          slotTerms.fill(-1, doc * width, doc * width + width);
          touched.push(doc);
        }
        acc[doc]! += slotBest[doc]!;
        if (!slot.optional) matched[doc]! += 1;
        slotTerms[doc * width + si] = slotBestTerm[doc]!;
      }
    });

    const required = slots.filter((s) => !s.optional).length || 1;
    // Coverage of the required words, squared; a document that only meets optional ones keeps a little of its score.
    const base = Float64Array.from(touched, (doc) => acc[doc]! * (Math.max(MIN_COVERAGE, Math.min(matched[doc]!, required)) / required) ** 2);
    const floor = touched.length > CANDIDATES ? kthLargest(base, CANDIDATES) / PHRASE_BONUS_MAX : 0;
    const qualityOf = slots.map((slot) => new Map(slot.alternatives.map((a) => [a.term, a.quality])));
    const scored: { doc: number; terms: Set<number>; lexical: number }[] = [];
    touched.forEach((doc, i) => {
      if (base[i]! < floor) return;
      const bySlot = Array.from(slotTerms.subarray(doc * width, doc * width + width));
      const names = bySlot.map((id) => (id < 0 ? undefined : this.termNames[id]!));
      const quality = names.map((t, si) => (t === undefined ? 0 : (qualityOf[si]!.get(t) ?? 0)));
      scored.push({ doc, terms: new Set(bySlot.filter((id) => id >= 0)), lexical: base[i]! * this.phraseBonus(doc, bySlot, quality) });
    });
    return scored.toSorted((a, b) => b.lexical - a.lexical).slice(0, CANDIDATES);
  }

  /**
   * Prepares, while the page is idle, what the first keystrokes would
   * otherwise pay for: runs the search once through every stage (prefix
   * lookup, typo scan, first stage, Fuse.js, highlights), so that the browser
   * compiles its loops and the word tables read on first use are read; then
   * reads the texts each document shows and gives Fuse (up to WARM_DOCS),
   * a chunk at a time. `timeLeft` is the idle time left (ms); returns true
   * when everything is ready, false when it should be called again.
   */
  warm(timeLeft: () => number = () => Infinity): boolean {
    if (this.warmed === 0) for (const query of WARM_QUERIES) this.search(query);
    const end = Math.min(this.docs.length, WARM_DOCS);
    const chunkEnd = this.warmed + WARM_CHUNK;
    while (this.warmed < end && (this.warmed < chunkEnd || timeLeft() > 1)) {
      this.shownOf(this.warmed);
      this.shortOf(this.warmed);
      this.warmed++;
    }
    return this.warmed >= end;
  }

  /** Ranked templates for a query; empty query → empty list (the caller shows recents). */
  search(query: string, limit = 20): SearchHit[] {
    if (!fold(query)) return [];
    const { slots, plain } = this.slots(query);
    let candidates = this.firstStage(slots);

    const fuseQuery = (plain || fold(query)).slice(0, 32);
    if (candidates.length === 0) {
      this.fallback ??= new Fuse<ShortTexts>(
        this.docs.map((d, doc) => ({ ...this.shortOf(doc), title: fold(d.title) })),
        { ...FUSE_OPTIONS, keys: [...FUSE_OPTIONS.keys, { name: 'title', weight: 1 }], threshold: 0.45 },
      );
      const fallback = this.fallback;
      return fallback.search(fuseQuery, { limit }).map((r) => ({ id: this.docs[r.item.doc]!.id, score: 1 - (r.score ?? 1), highlights: [] }));
    }
    const top = candidates[0]!.lexical;
    const fuseScores = new Map<number, number>();
    const reranked = candidates.slice(0, RERANK).filter((c) => this.shortOf(c.doc).keywords.length);
    // A title pasted whole is ranked by the first stage alone: Fuse's bitap on a long pattern costs milliseconds per document.
    if (reranked.length > 1 && slots.length <= LONG_QUERY_WORDS) {
      const sub = new Fuse(reranked.map((c) => this.shortOf(c.doc)), FUSE_OPTIONS);
      for (const r of sub.search(fuseQuery)) fuseScores.set(r.item.doc, 1 - (r.score ?? 1));
    }
    const whole = fold(query);
    candidates = candidates
      .map((c) => ({ ...c, lexical: ((1 - FUSE_WEIGHT) * c.lexical) / top + FUSE_WEIGHT * (fuseScores.get(c.doc) ?? 0) + (this.isTitleOf(whole, c.doc) ? 1 : 0) }))
      .toSorted((a, b) => b.lexical - a.lexical || a.doc - b.doc);
    return candidates.slice(0, limit).map((c) => this.hit(c.doc, c.lexical, c.terms));
  }

  /** True when `folded` is the document's title, one of its aliases or its name, folded. */
  private isTitleOf(folded: string, doc: number): boolean {
    const d = this.docs[doc]!;
    return (this.folded[doc] ??= [d.title, ...(d.aliases ?? []), ...(d.name ? [d.name] : [])].map(fold)).includes(folded);
  }

  /** The words of what the palette shows of a document: its title, name and aliases. */
  private shownOf(doc: number): ShownWords {
    const d = this.docs[doc]!;
    return (this.shownWords[doc] ??= { title: this.spans(d.title), name: d.name ? this.spans(d.name) : NO_SPANS, aliases: (d.aliases ?? []).map((a) => this.spans(a)) });
  }

  /** A text's words as flat [start, end, term id] triples (−1: a word no search term can be): a few bytes a word, for thousands of templates. */
  private spans(text: string): Int32Array {
    const found = words(text);
    const out = new Int32Array(found.length * 3);
    found.forEach((w, i) => out.set([w.start, w.end, this.termIds.get(w.key) ?? -1], i * 3));
    return out;
  }

  /** What the palette shows of a result: the ranges to highlight in its name and title (the words of the terms `ids` it matched), and the alias it matched better. */
  private hit(doc: number, score: number, ids: Set<number>): SearchHit {
    const d = this.docs[doc]!;
    const shown = this.shownOf(doc);
    const highlights = matching(shown.title, ids);
    const out: SearchHit = { id: d.id, score, highlights };
    if (d.name) out.nameHighlights = matching(shown.name, ids);
    let best = highlights.length;
    shown.aliases.forEach((spans, i) => {
      const ranges = matching(spans, ids);
      if (ranges.length > best) [best, out.alias] = [ranges.length, { text: d.aliases![i]!, highlights: ranges }];
    });
    return out;
  }
}

/** A document's texts as the palette shows them, split into words once (see hit() and spans()). */
interface ShownWords {
  title: Int32Array;
  name: Int32Array;
  aliases: Int32Array[];
}

const NO_SPANS = new Int32Array(0);

/** The [start, end) ranges of the words whose term is one of `ids`. */
function matching(spans: Int32Array, ids: Set<number>): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i < spans.length; i += 3) if (ids.has(spans[i + 2]!)) out.push([spans[i]!, spans[i + 1]!]);
  return out;
}

/** Per-document arrays the first stage fills; `search` and `slot` counters mark what is current, so nothing is cleared. */
interface Scratch {
  acc: Float64Array;
  matched: Uint8Array;
  seen: Uint32Array;
  slotBest: Float64Array;
  slotBestTerm: Int32Array;
  slotSeen: Uint32Array;
  slotTerms: Int32Array;
  search: number;
  slot: number;
}

function newScratch(n: number): Scratch {
  return {
    acc: new Float64Array(n),
    matched: new Uint8Array(n),
    seen: new Uint32Array(n),
    slotBest: new Float64Array(n),
    slotBestTerm: new Int32Array(n),
    slotSeen: new Uint32Array(n),
    slotTerms: new Int32Array(n * 8),
    search: 0,
    slot: 0,
  };
}

/** The k-th largest value (k ≥ 1) of `values`, without sorting them all (quickselect on a copy). */
export function kthLargest(values: Float64Array, k: number): number {
  const a = values.slice();
  let lo = 0;
  let hi = a.length - 1;
  const target = k - 1;
  while (lo < hi) {
    const pivot = a[(lo + hi) >> 1]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i]! > pivot) i++;
      while (a[j]! < pivot) j--;
      if (i <= j) {
        [a[i], a[j]] = [a[j]!, a[i]!];
        i++;
        j--;
      }
    }
    if (target <= j) hi = j;
    else if (target >= i) lo = i;
    else break;
  }
  return a[target]!;
}

