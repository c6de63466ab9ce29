/**
 * The office French the search reads, in the templates and in the query:
 * synonym groups (a phrase of a group found in a text adds the group's token
 * to its terms) and colloquial turns (replaced in the query by the words of
 * the templates). Built from the tables of synonyms.ts, which the background
 * sends with the prepared index: the mail page does not carry them.
 */
import type { LexiconTables } from './format';
import { foldedWords, keys, stem } from './normalize';

interface Expression {
  stems: string[];
  meaning: { word: string; optional: boolean }[];
}

export class Lexicon {
  /** A key → the tokens of the groups it is a one-word member of. */
  readonly singleWordGroups = new Map<string, string[]>();
  /** Phrases of every group by their first key, each with its group's rank and its own (to keep the groups' order). */
  private readonly phrasesByFirst = new Map<string, { token: string; phrase: string[]; rank: number }[]>();
  /** Colloquial turns as keys (stop words kept) by their first key, longest first, with the folded words they stand for. */
  private readonly expressionsByFirst = new Map<string, Expression[]>();

  constructor(tables: LexiconTables) {
    tables.groups.forEach((members, gi) => {
      const token = `~${gi}`;
      members.map(keys).forEach((phrase, pi) => {
        if (!phrase.length) return;
        if (phrase.length === 1) this.singleWordGroups.set(phrase[0]!, [...(this.singleWordGroups.get(phrase[0]!) ?? []), token]);
        const list = this.phrasesByFirst.get(phrase[0]!) ?? [];
        list.push({ token, phrase, rank: gi * 1000 + pi });
        this.phrasesByFirst.set(phrase[0]!, list);
      });
    });
    for (const [ways, meaning] of tables.expressions) {
      // « ?erreur »: a word that adds to a template that has it, without being required.
      const said = meaning.split(/\s+/).flatMap((w) => foldedWords(w).map((word) => ({ word, optional: w.startsWith('?') })));
      for (const way of ways) {
        const stems = foldedWords(way).map(stem);
        const list = [...(this.expressionsByFirst.get(stems[0]!) ?? []), { stems, meaning: said }];
        this.expressionsByFirst.set(
          stems[0]!,
          list.toSorted((x, y) => y.stems.length - x.stems.length),
        );
      }
    }
  }

  /** Group tokens whose phrases occur in `stems`, with the positions they cover (in the order of the groups). */
  groupsIn(stems: string[]): { token: string; covers: number[] }[] {
    const found: { token: string; covers: number[]; rank: number; at: number }[] = [];
    stems.forEach((first, i) => {
      for (const { token, phrase, rank } of this.phrasesByFirst.get(first) ?? []) {
        if (i + phrase.length <= stems.length && phrase.every((p, j) => stems[i + j] === p)) found.push({ token, covers: phrase.map((_, j) => i + j), rank, at: i });
      }
    });
    return found.toSorted((a, b) => a.rank - b.rank || a.at - b.at).map(({ token, covers }) => ({ token, covers }));
  }

  /** The terms a text's keys give: the keys, and the tokens of the groups whose phrases or words they hold. */
  termsOf(stems: string[]): Set<string> {
    const terms = new Set(stems);
    for (const g of this.groupsIn(stems)) terms.add(g.token);
    for (const st of stems) for (const g of this.singleWordGroups.get(st) ?? []) terms.add(g);
    return terms;
  }

  /**
   * The query's folded words with colloquial turns replaced by what they mean.
   * `typed` tells, for each word, whether the user typed it (it may be a word
   * being typed) or it comes from an expression.
   */
  plainWords(folded: string[]): { word: string; typed: boolean; optional: boolean }[] {
    const stems = folded.map(stem);
    const out: { word: string; typed: boolean; optional: boolean }[] = [];
    for (let i = 0; i < folded.length; ) {
      const found = this.expressionsByFirst.get(stems[i]!)?.find((p) => i + p.stems.length <= stems.length && p.stems.every((s, j) => stems[i + j] === s));
      if (found) {
        out.push(...found.meaning.map((m) => ({ word: m.word, typed: false, optional: m.optional })));
        i += found.stems.length;
      } else {
        out.push({ word: folded[i]!, typed: true, optional: false });
        i++;
      }
    }
    return out;
  }
}
