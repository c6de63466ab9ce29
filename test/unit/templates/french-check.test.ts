/** The Grammalecte check (lib/cli/french.ts) finds real faults in a rendered letter, and honours the house-style list. */
import { describe, expect, it } from 'vitest';
import { checkFrench } from '../../../lib/cli/french';
import { compileOk } from '../helpers';

const letter = (middle: string) => `{{bonjour}},\n\n${middle}\n\nBien cordialement,\n\n{{> expediteur}}`;
const NONE = { rules_off: {}, words: [], accepted: [] };

describe('the French checker', () => {
  it('finds a conjugation fault in every rendering of the matrix', () => {
    const t = compileOk({ audience: 'entreprise', fields: { delai: { label: 'Délai', type: 'text', placeholder: '8 jours' } } }, letter('Les chèques qui en résulte sont refusés. Nous livrons sous {{delai}}.'));
    const { findings, renderings } = checkFrench([t], NONE);
    expect(renderings).toBeGreaterThanOrEqual(12);
    expect(findings.map((f) => f.message).join('\n')).toMatch(/Conjugaison erronée/);
  });

  it('is quiet on a clean letter, and a rule turned off for house style stays off', () => {
    const clean = compileOk({ audience: 'entreprise' }, letter('Nous vous remercions de votre commande du 1er décembre.'));
    expect(checkFrench([clean], { ...NONE, rules_off: { typo_ordinaux_chiffres_exposants: 'courriel' } }).findings).toEqual([]);
    expect(checkFrench([clean], NONE).findings.map((f) => f.rule).join()).toMatch(/ordinaux/);
  });
});
