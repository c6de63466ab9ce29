/**
 * Who signs and who reads: agreement tags, sender blocks, the rendering matrix
 * and the linter rules that read it (lib/templates/agreement*.ts, matrix.ts,
 * lint-readers.ts). Each rule is shown failing on the fault it exists for.
 */
import { describe, expect, it } from 'vitest';
import { render } from '../../../lib/render/render';
import { agreementFindings } from '../../../lib/templates/agreement-check';
import { lintTemplate } from '../../../lib/templates/lint';
import { renderMatrix, variants } from '../../../lib/templates/matrix';
import { compile, compileOk, source, BASE } from '../helpers';

const NOW = new Date(2026, 10, 23);
const CLOSING = 'Bien cordialement,\n\n{{> expediteur}}';
const rulesOf = (fm: Record<string, unknown>, body: string) => lintTemplate(compileOk(fm, body)).filter((p) => p.severity === 'error').map((p) => p.rule);
const ENTREPRISE = { audience: 'entreprise' };
const letter = (middle: string) => `{{bonjour}},\n\n${middle}\n\n${CLOSING}`;

describe('agreement tags', () => {
  const t = compileOk({ ...ENTREPRISE, fields: { nombre_points: { label: 'Points', type: 'number' }, genre_article: { label: 'Genre', type: 'choice', options: ['masculin', 'feminin'] } } }, letter('Je suis {{je:disposé|disposée}} à vous aider, {{vous:cher client|chère cliente|Madame, Monsieur}}. Vous avez {{nombre_points}} {{nombre_points:point|points}} ; {{genre_article:le|la}} voici.'));
  const base = { facture_numero: 'F-1', civilite: 'madame', expediteur_nom: 'Claire Martin' };

  it('adds the signer’s and the recipient’s fields to the form', () => {
    expect(t.fields.map((f) => f.name)).toEqual(expect.arrayContaining(['expediteur_genre', 'civilite', 'nombre_points', 'genre_article']));
    expect(t.fields.find((f) => f.name === 'expediteur_genre')).toMatchObject({ label: 'Vous signez', remember: true, group: 'expediteur' });
  });

  const text = (v: Record<string, string>) => render(t, { ...base, ...v }, NOW).text;
  it('writes every word for this signer, this recipient, this number and this gender', () => {
    expect(text({ expediteur_genre: 'madame', civilite: 'madame', nombre_points: '1', genre_article: 'feminin' })).toContain('Je suis disposée à vous aider, chère cliente. Vous avez 1\u00A0point\u202F; la voici.');
    expect(text({ expediteur_genre: 'monsieur', civilite: 'monsieur', nombre_points: '3', genre_article: 'masculin' })).toContain('Je suis disposé à vous aider, cher client. Vous avez 3\u00A0points\u202F; le voici.');
    expect(text({ expediteur_genre: 'monsieur', civilite: 'madame_monsieur', nombre_points: '0,5' })).toContain('à vous aider, Madame, Monsieur. Vous avez 0,5\u00A0point');
    expect(text({ civilite: 'maitre' })).toContain('à vous aider, Madame, Monsieur.');
  });

  it('follows a typed list: one date or several', () => {
    const ladder = compileOk(ENTREPRISE, letter('{{relances_precedentes:Notre relance du|Nos relances des}} {{relances_precedentes}} {{relances_precedentes:est restée|sont restées}} sans effet.'));
    const say = (dates: string) => render(ladder, { ...base, relances_precedentes: dates }, NOW).text;
    expect(say('5 novembre 2026')).toContain('Notre relance du 5 novembre 2026 est restée sans effet.');
    expect(say('5 et 19 novembre 2026')).toContain('Nos relances des 5 et 19 novembre 2026 sont restées sans effet.');
    expect(say('5, 12 et 19 novembre 2026')).toContain('Nos relances des');
  });

  it.each([
    ['{{vous:informé|informée}}', /trois formes/],
    ['{{je:disposé}}', /deux formes/],
    ['{{je:disposé||}}', /forme est vide/],
    ['{{inconnu:a|b}}', /ni « je », ni « vous », ni un champ/],
    ['{{facture_date:a|b}}', /doit être un nombre ou une liste/],
  ])('refuses %s with a French reason', (tag, reason) => {
    const { template, problems } = compile(source({ ...BASE, ...ENTREPRISE }, letter(`Texte ${tag}.`)));
    expect(template).toBeUndefined();
    expect(problems.find((p) => p.rule === 'agreement')?.message).toMatch(reason);
  });
});

describe('agreement check', () => {
  it.each([
    ['Je suis disposé à vous rencontrer.', 'f', 'm', ['signer:disposé']],
    ['Vous m’avez informé de votre départ.', 'f', 'm', ['signer:informé']],
    ['Je vous ai informé de notre départ.', 'm', 'f', ['recipient:informé']],
    ['Si vous ne souhaitez pas être contacté, écrivez-nous.', 'm', 'f', ['recipient:contacté']],
    ['Soyez assurés de notre attention.', 'm', 'm', ['recipient:assurés']],
    ['Je vous serais reconnaissant de répondre.', 'f', 'm', ['signer:reconnaissant']],
    ['Nous vous tiendrons informé de la suite.', 'f', 'both', ['recipient:informé']],
    ['Je suis ravie de vous accueillir.', 'm', 'm', ['signer:ravie']],
  ] as const)('« %s » signed %s to %s: %j', (text, signer, recipient, expected) => {
    expect(agreementFindings(text, signer, recipient).map((f) => `${f.who}:${f.word}`)).toEqual(expected);
  });

  it.each([
    'Les articles que vous avez reçus sont conformes.',
    'La commande ne pourra pas vous être livrée avant lundi.',
    'Vous êtes bien sûr libre de refuser.',
    'Nous sommes ravis de vous accueillir.',
    'Je suis disposée à vous rencontrer.',
    'La société Durand m’a conseillé de vous écrire.',
  ])('leaves « %s » alone (signed by a woman, to Madame)', (text) => {
    expect(agreementFindings(text, 'f', 'f')).toEqual([]);
  });
});

describe('who signs', () => {
  const values = { facture_numero: 'F-1', civilite: 'madame', expediteur_nom: 'Claire Martin', expediteur_fonction: 'Comptable', expediteur_societe: 'Martin SARL', expediteur_adresse: '12 rue des Lilas\n69003 Lyon' };

  it('signs a private person’s letter as a person: name and address, never a function or a company', () => {
    const t = compileOk({ ...ENTREPRISE, sender: 'particulier' }, letter('Je vous écris au sujet de ma commande.'));
    const { text } = render(t, values, NOW);
    expect(text).toMatch(/Claire Martin\n12 rue des Lilas\n69003 Lyon$/);
    expect(text).not.toMatch(/Comptable|Martin SARL/);
    expect(t.fields.map((f) => f.name)).not.toContain('expediteur_societe');
  });

  it('asks « Vous écrivez » when either may sign, and signs accordingly', () => {
    const t = compileOk({ ...ENTREPRISE, sender: 'tous' }, letter('{{#par_entreprise}}Notre société{{/par_entreprise}}{{#par_particulier}}Je{{/par_particulier}} conteste cette facture.'));
    expect(t.fields.find((f) => f.name === 'type_expediteur')?.options?.map((o) => o.value)).toEqual(['entreprise', 'particulier']);
    expect(render(t, { ...values, type_expediteur: 'entreprise' }, NOW).text).toMatch(/^Notre société conteste[\s\S]*Comptable\nMartin SARL$/m);
    expect(render(t, { ...values, type_expediteur: 'particulier' }, NOW).text).toMatch(/Je conteste[\s\S]*Claire Martin\n12 rue des Lilas\n69003 Lyon$/);
  });

  it('leaves out the sender block when the draft has a signature, and the appel when the draft already greets', () => {
    const t = compileOk(ENTREPRISE, letter('La facture est jointe.'));
    const full = render(t, values, NOW).text;
    expect(full).toMatch(/^Bonjour Madame,\n\nLa facture est jointe\.\n\nBien cordialement,\n\nClaire Martin\nComptable\nMartin SARL$/);
    expect(render(t, values, NOW, { senderBlock: false, greeting: false }).text).toBe('La facture est jointe.\n\nBien cordialement,');
  });
});

describe('reader rules', () => {
  it('fail on a masculine agreement under a woman’s signature, and pass with a tag or a wording without agreement', () => {
    expect(rulesOf(ENTREPRISE, letter('Je suis disposé à en parler.'))).toContain('agreement');
    expect(rulesOf(ENTREPRISE, letter('Je suis {{je:disposé|disposée}} à en parler.'))).not.toContain('agreement');
    expect(rulesOf(ENTREPRISE, letter('Je reste à votre disposition pour en parler.'))).not.toContain('agreement');
    expect(rulesOf(ENTREPRISE, letter('Nous vous tiendrons {{vous:informé|informée|au courant}}.'))).not.toContain('agreement');
    expect(rulesOf(ENTREPRISE, letter('Nous vous tiendrons {{vous:informé|informée|informé}}.'))).toContain('agreement');
  });

  it('fail when a « tous » letter says the same words to both, unless it says why', () => {
    expect(rulesOf({}, letter('La facture est jointe.'))).toContain('audience-identical');
    expect(rulesOf({ same_for_both: 'Un simple envoi de facture.' }, letter('La facture est jointe.'))).not.toContain('audience-identical');
    expect(rulesOf({}, letter('La facture est jointe.{{#particulier}} Paiement possible par carte.{{/particulier}}'))).not.toContain('audience-identical');
  });

  it('fail when business wording reaches a consumer', () => {
    expect(rulesOf({}, letter('Merci de transmettre à votre service comptable.'))).toContain('consumer-business');
    expect(rulesOf({}, letter('{{#pro}}Merci de transmettre à votre service comptable.{{/pro}}{{#particulier}}Merci.{{/particulier}}'))).not.toContain('consumer-business');
    expect(rulesOf({}, letter('Le prix est de 840 € HT.{{#particulier}} Merci.{{/particulier}}'))).toContain('consumer-business');
  });

  it('fail when a private person speaks like a company', () => {
    expect(rulesOf({ ...ENTREPRISE, sender: 'particulier' }, letter('Notre société conteste cette facture.'))).toContain('sender-person');
    expect(rulesOf({ ...ENTREPRISE, sender: 'particulier' }, letter('Je conteste cette facture.'))).not.toContain('sender-person');
  });

  it('fail on a text field with no example', () => {
    expect(rulesOf({ ...ENTREPRISE, fields: { objet: { label: 'Objet', type: 'text' } } }, letter('Au sujet de {{objet}}.'))).toContain('field-example');
    expect(rulesOf({ ...ENTREPRISE, fields: { objet: { label: 'Objet', type: 'text', placeholder: 'la livraison du 3 mars' } } }, letter('Au sujet de {{objet}}.'))).not.toContain('field-example');
  });
});

describe('rendering matrix', () => {
  it('covers signer, recipient, audience, sender and optional passages; Maître only where the scenario writes to a lawyer or a commissaire de justice', () => {
    const plain = compileOk({}, letter('Texte.'));
    expect(variants(plain)).toHaveLength(2 * 3 * 2 * 1 * 2);
    const court = compileOk({ ...ENTREPRISE, sender: 'tous', title: 'Vous confiez le recouvrement à un commissaire de justice.' }, letter('Je vous confie ce dossier.'));
    expect(variants(court)).toHaveLength(2 * 4 * 1 * 2 * 2);
    expect(new Set(renderMatrix(court).map((r) => r.text.split('\n').at(-1))).size).toBeGreaterThan(1);
  });
});
