/**
 * The scenario lists of the product (test/data/<n>-<thème>.txt, copied from
 * the scenarios the library is written for): every title of a theme marked
 * complete leads to exactly one template, as its title or as an alias, and
 * typing it whole in the palette's search puts that template first.
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createSearchIndex } from '../../../lib/search/prepare';
import { loadLibrary } from '../../../lib/templates/load';
import { TEMPLATES_DIR } from '../helpers';

/** Themes whose every title has its template (one issue each). */
export const COMPLETE_THEMES: string[] = ['1-paiements-recouvrement', '2-commandes-livraisons', '3-reclamations-excuses-remerciements', '4-annonces-commercial-divers'];

const { library } = loadLibrary(TEMPLATES_DIR);
const index = createSearchIndex(library.templates);

/** Title or alias → the ids of the templates that carry it. */
const byTitle = new Map<string, string[]>();
for (const t of library.templates) for (const title of [t.title, ...t.aliases]) byTitle.set(title, [...(byTitle.get(title) ?? []), t.id]);

const titlesOf = (theme: string) => fs.readFileSync(`test/data/${theme}.txt`, 'utf8').split('\n').filter(Boolean);

describe('scenario coverage', () => {
  it('no title or alias is carried by two templates', () => {
    expect([...byTitle].filter(([, ids]) => ids.length > 1)).toEqual([]);
  });

  it('puts a template first when one of its titles or aliases is typed whole', () => {
    for (const t of library.templates) {
      for (const title of [t.title, ...t.aliases]) expect(index.search(title, 1)[0]?.id, `${t.id}: « ${title} »`).toBe(t.id);
    }
  }, 60_000);

  for (const theme of COMPLETE_THEMES) {
    it(`${theme}: every title has its template`, () => {
      expect(titlesOf(theme).filter((title) => !byTitle.has(title))).toEqual([]);
    });
  }
});
