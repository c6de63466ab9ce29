/**
 * Search quality on the built-in library: realistic short queries (no accents,
 * typos, synonyms, the words people use) and the templates a user would expect.
 * Prints top-1 / top-5 next to a plain Fuse.js over the titles, the setup other
 * template tools use.
 */
import Fuse from 'fuse.js';
import { describe, expect, it } from 'vitest';
import { SearchIndex } from '../../../lib/search/engine';
import { loadLibrary } from '../../../lib/templates/load';
import { TEMPLATES_DIR } from '../helpers';

const FIRST_REMINDERS = ['relance-courtoise-obligations', 'premier-rappel-courtois', 'rappel-paiement-en-retard', 'reclamation-paiement-facture', 'lettre-relance-retard-paiement', 'relance-nouveau-client', 'relance-client-regulier', 'relance-amiable-recouvrement'];
const FORMAL_NOTICES = ['mise-en-demeure-payer-facture', 'mise-en-demeure-petite-entreprise', 'mise-en-demeure-proposition-rencontre', 'mise-en-demeure-procedure-recouvrement', 'mise-en-demeure-regulariser-paiements'];
const PLANS = ['echeancier-client-difficulte', 'suggestion-echeancier-dette', 'echeancier-apres-premiere-relance'];
const DELAYS_GRANTED = ['accord-report-echeance-difficultes', 'accord-report-echeance-engagement-ecrit', 'accord-report-avec-frais', 'accord-delais-paiement-supplementaires', 'delai-exceptionnel-sans-penalites'];
const REFUSALS = ['refus-report-echeance', 'refus-prolongation-delais-motive', 'refus-prolongation-bon-client'];

/** [query, templates a user would accept first]. */
export const QUERIES: [string, string[]][] = [
  ['relance facture impayee', FIRST_REMINDERS],
  ['premier rappel facture', FIRST_REMINDERS],
  ['facture pas payee', [...FIRST_REMINDERS, 'deuxieme-relance-facture']],
  ['retard de paiement client', [...FIRST_REMINDERS, 'relance-interet-payer-rapidement']],
  ['rappel avant echeance', ['rappel-avant-echeance-60-jours']],
  ['facture bientot echue', ['rappel-avant-echeance-60-jours']],
  ['deuxieme relance', ['deuxieme-relance-facture']],
  ['2e relance facture', ['deuxieme-relance-facture']],
  ['relance tres ferme', ['relance-ton-ferme']],
  ['client regulier oubli de paiement', ['relance-client-regulier']],
  ['nouveau client facture non reglee', ['relance-nouveau-client']],
  ['fournisseur materiaux client paye pas', ['relance-fournisseur-materiaux']],
  ['reclamer les penalites de retard', ['application-penalites-retard-cgv']],
  ['indemnite forfaitaire 40 euros', ['application-penalites-retard-cgv']],
  ['dernier rappel avant procedure', ['dernier-rappel-avant-recouvrement', 'annonce-mesures-contraignantes']],
  ['mesures contraignantes', ['annonce-mesures-contraignantes']],
  ['plusieurs factures impayees', ['dernier-rappel-avant-recouvrement', 'mise-en-demeure-regulariser-paiements']],
  ['payer ses factures a temps', ['interet-payer-dans-les-delais', 'relance-interet-payer-rapidement', 'remerciement-ponctualite-client']],
  ['mise en demeure', FORMAL_NOTICES],
  ['mize en demeure facture', FORMAL_NOTICES],
  ['med impaye', FORMAL_NOTICES],
  ['mise en demeure rendez-vous', ['mise-en-demeure-proposition-rencontre']],
  ['mise en demeure petite entreprise', ['mise-en-demeure-petite-entreprise']],
  ['injonction de payer', ['mise-en-demeure-procedure-recouvrement', 'annonce-mesures-contraignantes']],
  ['merci paiement rapide', ['remerciement-paiement-rapide', 'geste-commercial-paiement-rapide']],
  ['remerciment reglement commande', ['remerciement-paiement-commande']],
  ['accuse de reception paiement', ['accuse-reception-reglement', 'accuse-reception-paiement-tardif']],
  ['paiement recu en retard sans interets', ['accuse-reception-paiement-tardif']],
  ['client toujours ponctuel', ['remerciement-ponctualite-client']],
  ['remise pour paiement rapide', ['geste-commercial-paiement-rapide']],
  ['echeancier', PLANS],
  ['etalement paiement', PLANS],
  ['payer en plusieurs fois', PLANS],
  ['accepter report echeance', DELAYS_GRANTED],
  ['report d\'echeance avec frais', ['accord-report-avec-frais']],
  ['refus report echeance', ['refus-report-echeance']],
  ['refuser delai de paiement', REFUSALS],
  ['accorder delai supplementaire', DELAYS_GRANTED],
  ['delai exceptionnel sans penalites', ['delai-exceptionnel-sans-penalites']],
  ['bon client refus prolongation delais', ['refus-prolongation-bon-client']],
];

const { library } = loadLibrary(TEMPLATES_DIR);
const index = new SearchIndex(library.templates);
const plainFuse = new Fuse(library.templates, { keys: ['title'], threshold: 0.4, ignoreLocation: true, ignoreDiacritics: true });

function rank(results: string[], expected: string[]): number {
  const i = results.findIndex((id) => expected.includes(id));
  return i < 0 ? Infinity : i + 1;
}

describe('search quality on the library', () => {
  const known = new Set(library.templates.map((t) => t.id));
  const table = QUERIES.map(([query, expected]) => ({
    query,
    expected: expected.filter((id) => known.has(id)),
    ours: rank(index.search(query, 5).map((h) => h.id), expected),
    fuse: rank(plainFuse.search(query, { limit: 5 }).map((r) => r.item.id), expected),
  })).filter((row) => row.expected.length > 0);

  it('finds the expected template among the first five for every query, and first for most', () => {
    const top1 = table.filter((r) => r.ours === 1).length;
    const top5 = table.filter((r) => r.ours <= 5).length;
    const fuse1 = table.filter((r) => r.fuse === 1).length;
    const fuse5 = table.filter((r) => r.fuse <= 5).length;
    console.log(
      `Search quality over ${table.length} queries: Modèles top-1 ${top1}/${table.length}, top-5 ${top5}/${table.length}; ` +
        `plain Fuse.js over titles top-1 ${fuse1}/${table.length}, top-5 ${fuse5}/${table.length}`,
    );
    for (const r of table.filter((x) => x.ours !== 1)) console.log(`  « ${r.query} » → rank ${r.ours} (plain Fuse: ${r.fuse})`);
    expect(table.length).toBeGreaterThanOrEqual(30);
    expect(table.filter((r) => r.ours > 5).map((r) => r.query)).toEqual([]);
    expect(top1 / table.length).toBeGreaterThanOrEqual(0.85);
  });
});
