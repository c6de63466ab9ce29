import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { render } from '../../../lib/render/render';
import { formatProblems, renditions } from '../../../lib/templates/lint';
import { loadLibrary } from '../../../lib/templates/load';
import { TEMPLATES_DIR } from '../helpers';

const { library, problems } = loadLibrary(TEMPLATES_DIR);
const scenarios = new Set(fs.readFileSync('test/data/all.txt', 'utf8').split('\n').filter(Boolean));

describe('the built-in library', () => {
  it('compiles and passes the linter without a single error', () => {
    const errors = problems.filter((p) => p.severity === 'error');
    expect(formatProblems(errors)).toBe('');
    expect(library.templates.length).toBeGreaterThan(0);
  });

  it('has no linter warning either', () => {
    expect(formatProblems(problems.filter((p) => p.severity === 'warning'))).toBe('');
  });

  it('leads every template from a scenario of the list, completing cut titles and keeping them as aliases', () => {
    for (const t of library.templates) {
      if (scenarios.has(t.title)) continue;
      // The title completes a scenario title cut with « ... », kept as an alias, and keeps its words.
      const completes = t.aliases.some((a) => scenarios.has(a) && a.endsWith('...') && t.title.startsWith(a.slice(0, -3).trimEnd()));
      expect(completes, `${t.id}: « ${t.title} » is not a scenario title, nor the completion of a cut one kept as an alias`).toBe(true);
    }
  });

  it('renders every template for every audience with nothing left to fill', () => {
    for (const t of library.templates) {
      for (const r of renditions(t)) {
        expect(r.text, t.id).not.toMatch(/\{\{|\}\}|‹|\uE000/);
        expect(r.subject.length, t.id).toBeGreaterThan(5);
      }
    }
  });

  it('writes the payment reminder ladder, for businesses and consumers', () => {
    const paiements = library.templates.filter((t) => t.category === 'paiements');
    expect(paiements.length).toBeGreaterThanOrEqual(30);
    const levels = new Set(paiements.filter((t) => t.kind === 'relance').map((t) => t.level));
    expect([...levels].toSorted()).toEqual([0, 1, 2, 3]);
    for (const kind of ['mise_en_demeure', 'remerciement', 'accuse_reception', 'delai_paiement', 'echeancier', 'refus_delai']) {
      expect(paiements.some((t) => t.kind === kind), kind).toBe(true);
    }
    const audiences = new Set(paiements.map((t) => t.audience));
    expect(audiences.has('tous') || (audiences.has('entreprise') && audiences.has('particulier'))).toBe(true);
  });

  it('renders a business reminder with penalties and a consumer one without', () => {
    const t = library.templates.find((x) => x.id === 'deuxieme-relance-facture')!;
    const values = { civilite: 'madame', facture_numero: 'F1', date_premiere_relance: '01/11/2026', facture_date: '01/10/2026', montant: '100', date_echeance: '31/10/2026', date_limite: '01/12/2026', expediteur_nom: 'C. M.' };
    const now = new Date(2026, 10, 23);
    expect(render(t, { ...values, type_client: 'pro' }, now).text).toMatch(/indemnité forfaitaire pour frais de recouvrement de 40\u00A0€/);
    expect(render(t, { ...values, type_client: 'particulier' }, now).text).not.toMatch(/indemnité|L441-10/);
  });
});
