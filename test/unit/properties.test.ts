/**
 * Property-based tests (fast-check): whatever string, value or pack comes in,
 * the pack reader, the template compiler, the renderer and the search answer
 * without throwing or hanging, and a field value never becomes HTML.
 */
// @vitest-environment happy-dom
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readPack } from '../../lib/packs/validate';
import { render, textToHtml } from '../../lib/render/render';
import { kthLargest } from '../../lib/search/engine';
import { createSearchIndex } from '../../lib/search/prepare';
import { buildTemplate } from '../../lib/templates/compile';
import { compileTemplate } from '../../lib/templates/parse';
import { asText, examplePack } from './packs/fixtures';
import { context, compileOk } from './helpers';

const RUNS = { numRuns: 300 };

/** Strings that look like what breaks parsers: Mustache tags, HTML, JSON and YAML punctuation. */
const nasty = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 80 }),
  fc.stringMatching(/^[{}<>#^/&!=>"'\\:\-\n a-z_]{0,60}$/),
  fc.constantFrom('{{', '}}', '{{{x}}}', '{{#a}}{{/b}}', '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '---\n', 'null', '\u0000', '\u202e', '{{> expediteur}}', '{{=<% %>=}}'),
);

describe('the pack reader', () => {
  it('never throws on any text', () => {
    fc.assert(
      fc.property(nasty, (text) => {
        const reading = readPack(text);
        expect(reading.pack === undefined ? reading.errors.length > 0 : reading.errors.length === 0).toBe(true);
      }),
      RUNS,
    );
  });

  it('never throws on any JSON value, and refuses what is not a pack', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(readPack(JSON.stringify(value)).pack).toBeUndefined();
      }),
      RUNS,
    );
  });

  it('never throws on the example pack with any value put anywhere in its templates', () => {
    const base = examplePack();
    const keys = Object.keys(base.templates[0]!);
    fc.assert(
      fc.property(fc.nat(base.templates.length - 1), fc.constantFrom(...keys), fc.oneof(nasty, fc.jsonValue()), (index, key, value) => {
        const templates = base.templates.map((t, i) => (i === index ? { ...t, [key]: value } : t));
        const reading = readPack(asText({ ...base, templates }));
        // Either it is read, or it is refused with reasons: never half-installed.
        expect(Boolean(reading.pack) !== reading.errors.length > 0).toBe(true);
      }),
      RUNS,
    );
  });
});

describe('the template compiler', () => {
  it('never throws on any template file', () => {
    fc.assert(
      fc.property(nasty, nasty, (front, body) => {
        const result = compileTemplate('fuzz.md', `---\n${front}\n---\n${body}`, context());
        expect(result.template !== undefined || result.problems.length > 0).toBe(true);
      }),
      RUNS,
    );
  });

  it('never throws on any body, and refuses raw HTML output', () => {
    const meta = { id: 'fuzz', title: 'Un modèle pour les tests de robustesse', aliases: [], keywords: [], tags: [], category: 'essai', audience: 'tous' as const, sender: 'entreprise' as const, channel: 'email' as const, subject: 'Objet', attachments: [], fields: {} };
    fc.assert(
      fc.property(nasty, (body) => {
        const result = buildTemplate('fuzz', meta, body, context());
        expect(result.template !== undefined || result.problems.length > 0).toBe(true);
        // A triple mustache or {{& }} (raw HTML) is never accepted.
        expect(/\{\{\{|\{\{&/.test(body) && result.template !== undefined, `raw HTML accepted: ${body}`).toBe(false);
      }),
      RUNS,
    );
  });
});

describe('rendering', () => {
  const template = compileOk(
    { fields: { motif: { label: 'Motif', type: 'longtext' } } },
    '{{civilite}},\n\nFacture n° {{facture_numero}} : {{motif}}\n\nCordialement,\n\n{{> expediteur}}',
  );

  it('puts any value in the draft as text: the HTML shows exactly the typed characters, no element', () => {
    fc.assert(
      fc.property(nasty, nasty, (numero, motif) => {
        const { text, html } = render(template, { facture_numero: numero, motif, civilite: 'Madame', destinataire_nom: 'Durand', expediteur_nom: 'Claire Martin' }, new Date(2026, 10, 23));
        const div = document.createElement('div');
        div.innerHTML = html;
        expect([...div.querySelectorAll('*')].every((el) => el.tagName === 'DIV' || el.tagName === 'BR')).toBe(true);
        expect([...div.children].map((d) => d.textContent).join('\n')).toBe(text);
        expect(textToHtml(text)).toBe(html);
      }),
      RUNS,
    );
  });
});

describe('search', () => {
  const index = createSearchIndex([
    { id: 'a', title: 'Vous relancez un client pour une facture impayée.', keywords: ['relance facture'], tags: ['relance'] },
    { id: 'b', title: 'Vous mettez en demeure un client de payer.', keywords: ['mise en demeure'], tags: ['recouvrement'] },
  ]);

  it('answers any query without throwing, with hits from the library only', () => {
    fc.assert(
      fc.property(nasty, (query) => {
        for (const hit of index.search(query)) expect(['a', 'b']).toContain(hit.id);
      }),
      RUNS,
    );
  });

  it('finds the k-th largest value as sorting would', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ noNaN: true, min: -1e6, max: 1e6 }), { minLength: 1, maxLength: 200 }), fc.nat(), (values, k) => {
        const rank = (k % values.length) + 1;
        // -0 and 0 are the same value for a rank; `toBe` (Object.is) would tell them apart.
        const normalised = values.map((v) => v + 0);
        expect(kthLargest(Float64Array.from(normalised), rank)).toBe(normalised.toSorted((x, y) => y - x)[rank - 1]);
      }),
      RUNS,
    );
  });
});
