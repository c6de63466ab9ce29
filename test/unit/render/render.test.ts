import { describe, expect, it } from 'vitest';
import { buildView, defaultValue, fieldError, render, splitMarked, textToHtml, validate } from '../../../lib/render/render';
import { compileOk } from '../helpers';

const now = new Date(2026, 10, 23);

const reminder = () =>
  compileOk(
    { fields: { commentaire: { label: 'Commentaire', type: 'longtext', required: false } } },
    [
      '{{bonjour}},',
      '',
      'La facture n° {{facture_numero}} de {{montant}}, échue le {{date_echeance}}, a {{jours_retard}} de retard.',
      '{{#pro}}',
      'Indemnité : {{indemnite_forfaitaire}}, total {{total_avec_indemnite}}.',
      '{{/pro}}',
      '{{#particulier}}',
      'Intérêts au taux légal.',
      '{{/particulier}}',
      '{{#commentaire}}',
      '{{commentaire}}',
      '{{/commentaire}}',
      '',
      'Bien cordialement,',
      '',
      '{{> expediteur}}',
    ].join('\n'),
  );

const values = {
  type_client: 'pro',
  civilite: 'madame',
  destinataire_nom: 'Durand',
  facture_numero: 'FA-12',
  montant: '1250',
  date_echeance: '14/11/2026',
  expediteur_nom: 'Claire Martin',
};

const plain = (s: string) => s.replace(/[\u00A0\u202F]/g, ' ');

describe('render', () => {
  it('writes values the French way and computes the overdue days and the indemnity', () => {
    const r = render(reminder(), values, now);
    expect(plain(r.subject)).toBe('Facture n° FA-12');
    expect(plain(r.text)).toContain('Bonjour Madame Durand,');
    expect(plain(r.text)).toContain('La facture n° FA-12 de 1 250,00 €, échue le 14 novembre 2026, a 9 jours de retard.');
    expect(plain(r.text)).toContain('Indemnité : 40 €, total 1 290,00 €.');
    expect(r.text).not.toContain('taux légal');
  });

  it('switches business and consumer passages with the recipient type', () => {
    const r = render(reminder(), { ...values, type_client: 'particulier' }, now);
    expect(r.text).toContain('Intérêts au taux légal.');
    expect(r.text).not.toContain('Indemnité');
  });

  it('drops the lines of empty optional fields without leaving blank lines behind', () => {
    const r = render(reminder(), values, now);
    expect(r.text).not.toMatch(/\n{3,}/);
    expect(r.text.endsWith('Claire Martin')).toBe(true);
    const withPhone = render(reminder(), { ...values, expediteur_telephone: '01 23 45 67 89', expediteur_societe: 'Martin & Fils' }, now);
    expect(plain(withPhone.text)).toMatch(/Claire Martin\nMartin & Fils\nTél. : 01 23 45 67 89$/);
  });

  it('never turns a typed value into HTML', () => {
    const evil = '<img src=x onerror=alert(1)><b>gras</b> & 5" guillemet seul';
    const r = render(reminder(), { ...values, facture_numero: evil, commentaire: `ligne 1\n<script>alert(2)</script>` }, now);
    expect(r.text).toContain(evil);
    expect(r.html).not.toMatch(/<img|<b>|<script/);
    expect(r.html).toContain('&lt;img src=x onerror=alert(1)&gt;&lt;b&gt;gras&lt;/b&gt; &amp; 5&quot; guillemet seul');
    expect(r.html).toContain('<div>&lt;script&gt;alert(2)&lt;/script&gt;</div>');
  });

  it('makes one block per line and an empty block per blank line', () => {
    expect(textToHtml('Madame,\n\nTexte\nsuite')).toBe('<div>Madame,</div><div><br></div><div>Texte</div><div>suite</div>');
  });

  it('marks values for the preview and shows missing required ones', () => {
    const view = buildView(reminder(), { ...values, facture_numero: '' }, now, true);
    const parts = splitMarked(String(view.facture_numero));
    expect(parts).toEqual([{ text: '', field: 'facture_numero' }]);
    expect(splitMarked(String(view.montant))[0]).toMatchObject({ field: 'montant' });
    expect(view.commentaire).toBe('');
  });
});

describe('computed values', () => {
  it('gives the date of the last monthly instalment', () => {
    const plan = compileOk({}, '{{civilite}},\n\n{{nombre_echeances}} mensualités de {{montant_echeance}}, du {{date_premiere_echeance}} au {{date_derniere_echeance}}.\n\nBien cordialement,\n\n{{> expediteur}}');
    const text = (n: string) => plain(render(plan, { civilite: 'madame', nombre_echeances: n, montant_echeance: '100', date_premiere_echeance: '31/12/2026', expediteur_nom: 'C.' }, now).text);
    expect(text('3')).toContain('3 mensualités de 100,00 €, du 31 décembre 2026 au 28 février 2027.');
    expect(text('2,5')).toContain('au .');
  });
});

describe('validation', () => {
  it('reports empty required fields and unreadable values in French', () => {
    const t = reminder();
    const errors = validate(t, { ...values, facture_numero: '', montant: 'mille euros', date_echeance: '31/02/2026' }, now);
    expect(errors.facture_numero).toBe('Ce champ est obligatoire.');
    expect(errors.montant).toMatch(/^Montant non reconnu/);
    expect(errors.date_echeance).toMatch(/^Date non reconnue/);
    expect(errors.commentaire).toBeUndefined();
    expect(validate(t, values, now)).toEqual({});
  });

  it('checks e-mail addresses and choices', () => {
    expect(fieldError({ name: 'm', label: 'M', type: 'email', group: 'courrier', required: true }, 'pas-une-adresse', now)).toMatch(/e-mail/);
    expect(fieldError({ name: 'c', label: 'C', type: 'choice', group: 'courrier', required: true, options: [{ value: 'a', label: 'A' }] }, 'b', now)).toMatch(/liste/);
  });

  it('fills relative default dates from today', () => {
    expect(defaultValue({ name: 'd', label: 'D', type: 'date', group: 'courrier', required: true, default: '+8' }, now)).toBe('01/12/2026');
    expect(defaultValue({ name: 'c', label: 'C', type: 'choice', group: 'courrier', required: true, options: [{ value: 'a', label: 'A' }] }, now)).toBe('a');
  });
});
