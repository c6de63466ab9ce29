/**
 * Templates kept in a spreadsheet: a CSV file with the columns nom, objet,
 * texte, mots-clés (in any order, any case, with or without accents). Read
 * with papaparse (quotes, line breaks inside cells, « ; » or « , » or tab as
 * separator); the bytes are decoded as UTF-8 (with or without BOM), UTF-16
 * (Excel's « Texte Unicode »), else Windows-1252 (Excel's « CSV » on a French
 * Windows, a superset of Latin-1). The file is untrusted: every row becomes a
 * draft compiled like any template; a row that does not is reported, not imported.
 */
import Papa from 'papaparse';
import { fold } from '../search/normalize';
import type { Draft } from './draft-model';

export const CSV_LIMITS = { bytes: 2_000_000, rows: 1_000 } as const;

export type CsvEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/** The text of a CSV file, and which encoding it was read with. */
export function decodeCsv(bytes: Uint8Array): { text: string; encoding: CsvEncoding } {
  const [a, b] = bytes;
  if (a === 0xff && b === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes), encoding: 'utf-16le' };
  if (a === 0xfe && b === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes), encoding: 'utf-16be' };
  try {
    // The decoder drops a UTF-8 BOM (EF BB BF).
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: windows1252(bytes), encoding: 'windows-1252' };
  }
}

/** 0x80–0x9F in Windows-1252 (the rest is Latin-1, byte = code point); written out so every platform reads it the same. */
const CP1252 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

function windows1252(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += b >= 0x80 && b <= 0x9f ? CP1252[b - 0x80] : String.fromCharCode(b);
  return out;
}

type Column = 'nom' | 'objet' | 'texte' | 'motscles';

/** Header names people use for each column, folded (no accents, lower case, letters only). */
const HEADERS: Record<Column, string[]> = {
  nom: ['nom', 'titre', 'nom du modele', 'modele', 'name', 'title'],
  objet: ['objet', 'sujet', 'subject'],
  texte: ['texte', 'corps', 'message', 'contenu', 'corps du message', 'body', 'text'],
  motscles: ['mots cles', 'motscles', 'mot cle', 'mots cle', 'cles', 'keywords', 'tags', 'mots de recherche'],
};

const folded = (s: string) => fold(s.replace(/^\uFEFF/, '')).replace(/[^a-z ]+/g, ' ').replace(/\s+/g, ' ').trim();

export interface CsvRow {
  /** Line of the file where the row starts (1 = header). */
  line: number;
  draft: Draft;
}

export interface CsvReading {
  rows: CsvRow[];
  /** French sentences: why the file or a row cannot be read. */
  errors: string[];
  encoding?: CsvEncoding;
  separator?: string;
}

const SEPARATORS: Record<string, string> = { ',': 'virgule', ';': 'point-virgule', '\t': 'tabulation', '|': 'barre verticale' };

export function separatorName(sep: string | undefined): string {
  return (sep && SEPARATORS[sep]) ?? 'inconnu';
}

/** Reads CSV bytes into drafts (one per row), with the problems found. */
export function readCsv(bytes: Uint8Array): CsvReading {
  if (bytes.length > CSV_LIMITS.bytes) return { rows: [], errors: [`Le fichier est trop gros (plus de ${CSV_LIMITS.bytes / 1_000_000} Mo) pour être une liste de modèles.`] };
  const { text, encoding } = decodeCsv(bytes);
  if (!text.trim()) return { rows: [], errors: ['Le fichier est vide.'], encoding };
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { delimiter: '', delimitersToGuess: [';', ',', '\t', '|'], skipEmptyLines: 'greedy' });
  const separator = parsed.meta.delimiter;
  const [header, ...records] = parsed.data;
  if (!header) return { rows: [], errors: ['Le fichier ne contient aucune ligne lisible.'], encoding };
  const index: Partial<Record<Column, number>> = {};
  header.forEach((cell, i) => {
    const name = folded(cell);
    for (const [col, names] of Object.entries(HEADERS) as [Column, string[]][]) if (index[col] === undefined && names.includes(name)) index[col] = i;
  });
  const missing = (['nom', 'texte'] as const).filter((c) => index[c] === undefined);
  if (missing.length)
    return {
      rows: [],
      errors: [
        `La première ligne doit nommer les colonnes : nom, objet, texte, mots-clés. Colonne${missing.length > 1 ? 's' : ''} introuvable${missing.length > 1 ? 's' : ''} : ${missing.join(', ')} (séparateur lu : ${separatorName(separator)} ; première ligne lue : « ${header.join(' | ').slice(0, 120)} »).`,
      ],
      encoding,
      separator,
    };
  if (records.length > CSV_LIMITS.rows) return { rows: [], errors: [`Le fichier compte plus de ${CSV_LIMITS.rows} modèles : découpez-le en plusieurs fichiers.`], encoding, separator };

  // Line in the file where each record starts: papaparse gives record indexes, line breaks inside quotes shift them.
  const lines = recordLines(text, parsed.data.length);
  const errors: string[] = [];
  /** Records whose quotes do not close: what follows the quote may be other rows swallowed, so the record is left out. */
  const unclosed = new Set<number>();
  for (const e of parsed.errors) {
    if (e.code !== 'MissingQuotes' && e.code !== 'InvalidQuotes') continue;
    // papaparse counts records from the header, which is record 0.
    const row = e.row ?? 0;
    unclosed.add(row);
    errors.push(`Ligne ${lines[row] ?? '?'} : un guillemet ouvert n’est jamais fermé ; cette ligne n’est pas importée, vérifiez ses guillemets.`);
  }
  const cell = (r: string[], col: Column) => (index[col] === undefined ? '' : (r[index[col]!] ?? '')).replace(/\r\n?/g, '\n');
  const rows: CsvRow[] = [];
  records.forEach((r, i) => {
    if (unclosed.has(i + 1)) return;
    const line = lines[i + 1] ?? i + 2;
    const title = cell(r, 'nom').trim();
    const subject = cell(r, 'objet').trim();
    const body = cell(r, 'texte').trim();
    if (!title && !body) return;
    if (!body) return void errors.push(`Ligne ${line} (« ${title.slice(0, 60)} ») : la colonne texte est vide ; ligne ignorée.`);
    if (!title) return void errors.push(`Ligne ${line} : la colonne nom est vide ; ligne ignorée.`);
    const keywords = cell(r, 'motscles').split(/[,;|\n]/).map((k) => k.trim()).filter(Boolean).join(', ');
    rows.push({ line, draft: { title: longTitle(title, subject), keywords, audience: 'entreprise', subject: subject || title, body, fields: {} } });
  });
  return { rows, errors, encoding, separator };
}

/** A name under 10 characters (« Relance ») is completed by the subject, so that the search finds it by situation. */
function longTitle(title: string, subject: string): string {
  if (title.length >= 10 || !subject || fold(subject) === fold(title)) return title;
  return `${title} — ${subject}`;
}

/** The file line where each parsed record starts. */
function recordLines(text: string, count: number): number[] {
  const out: number[] = [];
  let line = 1;
  let quoted = false;
  let start = true;
  for (let i = 0; i < text.length && out.length < count; i++) {
    const ch = text[i]!;
    if (start) {
      out.push(line);
      start = false;
    }
    if (ch === '"') quoted = !quoted;
    else if (ch === '\n' || (ch === '\r' && text[i + 1] !== '\n')) {
      line++;
      if (!quoted) {
        // Blank lines are skipped by the parser, not counted as records.
        while (text[i + 1] === '\n' || text[i + 1] === '\r') {
          if (text[i + 1] === '\n') line++;
          i++;
        }
        start = true;
      }
    }
  }
  return out;
}
