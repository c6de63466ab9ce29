import { describe, expect, it } from 'vitest';
import { decodeCsv, readCsv } from '../../../lib/personal/csv';
import { compileDraft } from '../../../lib/personal/draft';
import { context } from '../helpers';

const utf8 = (s: string) => new TextEncoder().encode(s);
const latin1 = (s: string) => Uint8Array.from(Buffer.from(s, 'latin1'));
const utf16le = (s: string) => Uint8Array.from([0xff, 0xfe, ...Buffer.from(s, 'utf16le')]);
const BOM = '\uFEFF';

describe('CSV import', () => {
  it('reads quotes, doubled quotes and line breaks inside cells (comma separator)', () => {
    const csv = [
      'nom,objet,texte,mots-clés',
      '"Relance facture, premier rappel",Facture {{facture_numero}},"Bonjour,',
      '',
      'Sauf erreur, la facture n° {{facture_numero}} reste due : merci de dire ""réglé"" quand c’est fait.',
      '',
      'Cordialement,","relance, rappel"',
      'Accusé de réception commande,Votre commande,"Bonjour,\r\n\r\nNous avons bien reçu votre commande.",commande',
    ].join('\n');
    const { rows, errors, separator } = readCsv(utf8(csv));
    expect(errors).toEqual([]);
    expect(separator).toBe(',');
    expect(rows.map((r) => r.line)).toEqual([2, 7]);
    expect(rows[0]!.draft).toMatchObject({ title: 'Relance facture, premier rappel', subject: 'Facture {{facture_numero}}', keywords: 'relance, rappel' });
    expect(rows[0]!.draft.body).toBe('Bonjour,\n\nSauf erreur, la facture n° {{facture_numero}} reste due : merci de dire "réglé" quand c’est fait.\n\nCordialement,');
    expect(rows[1]!.draft.body).toBe('Bonjour,\n\nNous avons bien reçu votre commande.');
    const { template } = compileDraft(rows[0]!.draft, context(), []);
    expect(template?.fields.map((f) => f.name)).toContain('facture_numero');
  });

  it('reads a French spreadsheet: semicolons, commas in the text, UTF-8 with a BOM, headers in any case and order', () => {
    const csv = `${BOM}Texte;NOM;Mots clés;Objet\r\n"Bonjour,\r\n\r\nVoici le devis, comme convenu.";Envoi du devis au client;devis, envoi;Votre devis\r\n`;
    const { rows, errors, separator, encoding } = readCsv(utf8(csv));
    expect(errors).toEqual([]);
    expect([separator, encoding]).toEqual([';', 'utf-8']);
    expect(rows[0]!.draft).toMatchObject({ title: 'Envoi du devis au client', subject: 'Votre devis', keywords: 'devis, envoi', body: 'Bonjour,\n\nVoici le devis, comme convenu.' });
  });

  it('reads a Latin-1 (Windows-1252) file with its accents, and Excel’s UTF-16 « Texte Unicode »', () => {
    const text = 'nom;objet;texte;mots-clés\r\nRelance échéance dépassée;Échéance;"À régler sous huitaine ; merci.";relance\r\n';
    const latin = readCsv(latin1(text));
    expect(latin.encoding).toBe('windows-1252');
    expect(latin.rows[0]!.draft).toMatchObject({ title: 'Relance échéance dépassée', subject: 'Échéance', body: 'À régler sous huitaine ; merci.' });
    expect(decodeCsv(Uint8Array.from([0x80, 0x9c])).text).toBe('€œ');
    const unicode = readCsv(utf16le(text.replace(/;/g, '\t').replace('huitaine \t', 'huitaine ;')));
    expect(unicode.encoding).toBe('utf-16le');
    expect(unicode.separator).toBe('\t');
    expect(unicode.rows[0]!.draft.title).toBe('Relance échéance dépassée');
  });

  it('says in French what is wrong: missing columns, an unclosed quote, an empty text; the good rows still come', () => {
    expect(readCsv(utf8('titre;sujet\nA;B\n')).errors[0]).toMatch(/^La première ligne doit nommer les colonnes : nom, objet, texte, mots-clés\. Colonne introuvable : texte/);
    expect(readCsv(utf8('')).errors).toEqual(['Le fichier est vide.']);
    const broken = readCsv(utf8('nom;texte\nBon modèle de test;Texte correct\nModèle sans texte;\nMauvais modèle;"guillemet ouvert\n'));
    expect(broken.rows.map((r) => r.draft.title)).toEqual(['Bon modèle de test']);
    expect(broken.errors.join('\n')).toMatch(/Ligne 3 \(« Modèle sans texte »\) : la colonne texte est vide ; ligne ignorée\./);
    expect(broken.errors.join('\n')).toMatch(/Ligne 4 : un guillemet ouvert n’est jamais fermé/);
  });

  it('completes a short name with the subject, so that the search finds it by situation', () => {
    const { rows } = readCsv(utf8('nom;objet;texte\nRelance;Facture en retard;Bonjour,\n'));
    expect(rows[0]!.draft.title).toBe('Relance — Facture en retard');
    expect(readCsv(utf8('nom;texte\nRelance;Bonjour,\n')).rows[0]!.draft.subject).toBe('Relance');
  });

  it('keeps HTML as text: a cell cannot become markup', () => {
    const { rows } = readCsv(utf8('nom;objet;texte\nModèle avec balises;Objet;"<b>Gras</b> <img src=x onerror=alert(1)>"\n'));
    const { template } = compileDraft(rows[0]!.draft, context(), []);
    expect(template?.body).toContain('<img src=x onerror=alert(1)>');
  });
});
