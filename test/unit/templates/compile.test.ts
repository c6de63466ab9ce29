import { describe, expect, it } from 'vitest';
import { BASE, compile, compileOk, source } from '../helpers';

const messages = (src: string) => compile(src).problems.map((p) => `${p.line} ${p.rule}: ${p.message}`);

describe('template compiler', () => {
  it('compiles a template, resolves catalogue fields and orders the form by group', () => {
    const t = compileOk({}, '{{civilite}},\n\nFacture {{facture_numero}}, {{montant}}.\n\nBien cordialement,\n\n{{> expediteur}}');
    expect(t.fields.map((f) => f.name)).toEqual([
      'type_client', 'civilite', 'facture_numero', 'montant', 'expediteur_nom', 'expediteur_fonction', 'expediteur_societe', 'expediteur_telephone',
    ]);
    expect(t.fields.find((f) => f.name === 'montant')).toMatchObject({ type: 'amount', required: true, label: 'Montant dû (TTC)' });
    expect(t.fields.find((f) => f.name === 'expediteur_telephone')).toMatchObject({ required: false, remember: true, group: 'expediteur' });
    expect(t.source).toEqual({ file: 'essai.md', bodyLine: 9 });
  });

  it('applies French spacing and apostrophes to the template text only', () => {
    const t = compileOk({ subject: 'Objet : {{facture_numero}} ?' }, "{{civilite}},\n\nC'est « urgent » : merci ; vraiment !\n\nBien cordialement,\n\n{{> expediteur}}");
    expect(t.subject).toBe('Objet\u00A0: {{facture_numero}}\u202F?');
    expect(t.body).toContain('C’est «\u00A0urgent\u00A0»\u00A0: merci\u202F; vraiment\u202F!');
  });

  it('adds the fields a computed value depends on', () => {
    const t = compileOk({}, '{{civilite}},\n\nRetard : {{jours_retard}}.\n\nBien cordialement,\n\n{{> expediteur}}');
    expect(t.computed).toEqual(['jours_retard']);
    expect(t.fields.map((f) => f.name)).toContain('date_echeance');
  });

  it('refuses an unknown field, with its line and a suggestion', () => {
    const src = source(BASE, '{{civilite}},\n\nFacture {{facture_numro}}.\n');
    expect(messages(src)).toEqual([expect.stringMatching(/^11 unknown-field: champ inconnu « facture_numro » ; voulez-vous dire « facture_numero » \?/)]);
  });

  it('refuses a Mustache syntax error, with its line', () => {
    expect(messages(source(BASE, '{{civilite}},\n\n{{#pro}}\nTexte\n'))).toEqual([expect.stringMatching(/^11 mustache: erreur Mustache : section « pro » ouverte mais jamais fermée/)]);
    expect(messages(source(BASE, 'Bonjour,\n\n{{/pro}}\n'))).toEqual([expect.stringMatching(/section « pro » fermée sans avoir été ouverte/)]);
    expect(messages(source(BASE, 'Bonjour {{civilite,\n'))).toEqual([expect.stringMatching(/balise « \{\{ » jamais fermée/)]);
  });

  it('refuses raw HTML tags, delimiter changes and unknown blocks', () => {
    expect(messages(source(BASE, 'A {{{facture_numero}}} B'))[0]).toMatch(/HTML brut/);
    expect(messages(source(BASE, 'A {{&facture_numero}} B'))[0]).toMatch(/HTML brut/);
    expect(messages(source(BASE, '{{=<% %>=}}'))[0]).toMatch(/délimiteurs/);
    expect(messages(source(BASE, '{{> signature_perso}}'))[0]).toMatch(/bloc « signature_perso » inconnu/);
  });

  it('refuses a missing title, unknown keys and bad types, with the line of the key', () => {
    const { title: _, ...noTitle } = BASE;
    expect(messages(source(noTitle, 'Bonjour'))[0]).toMatch(/^1 schema: title : /);
    expect(messages(source({ ...BASE, titre: 'x' }, 'Bonjour'))).toEqual([expect.stringMatching(/^1 schema: .*titre/)]);
    expect(messages(source({ ...BASE, audience: 'clients' }, 'Bonjour'))).toEqual([expect.stringMatching(/^6 schema: audience : /)]);
  });

  it('refuses a declared field that is never used, and an incomplete field', () => {
    expect(messages(source({ ...BASE, fields: { inutile: { label: 'Inutile', type: 'text' } } }, 'Bonjour {{facture_numero}}'))[0]).toMatch(/« inutile » est déclaré mais jamais utilisé/);
    expect(messages(source({ ...BASE, fields: { nouveau: { label: 'Nouveau' } } }, 'Bonjour {{nouveau}}'))[0]).toMatch(/n’a pas de type/);
  });

  it('refuses a file without front matter or with broken YAML', () => {
    expect(compile('Bonjour').problems[0]?.message).toMatch(/en-tête YAML/);
    expect(compile('---\nid: [x\n---\nBonjour').problems[0]).toMatchObject({ rule: 'yaml' });
  });

  it('knows choice flags and audience flags, and refuses them as values', () => {
    const t = compileOk({}, '{{civilite}},\n\n{{#mode_paiement_virement}}Par virement.{{/mode_paiement_virement}}\n\nBien cordialement,\n\n{{> expediteur}}');
    expect(t.fields.map((f) => f.name)).toContain('mode_paiement');
    expect(messages(source(BASE, 'Texte {{pro}}'))[0]).toMatch(/s’utilise en section/);
  });
});
