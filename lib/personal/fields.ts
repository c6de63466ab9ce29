/**
 * Turning the specifics of a written e-mail into fields, without typing any
 * syntax: a word selected in the text becomes `{{champ}}` (every occurrence
 * of it, if the user wants), and the menu « Insérer un champ » lists the
 * shared fields by their French labels.
 */
import { COMPUTED } from '../render/computed';
import { parseDate, parseDecimal } from '../render/parse';
import type { CompileContext } from '../templates/compile';
import type { FieldSource } from '../templates/schema';
import type { FieldType } from '../templates/types';
import { slug, type Draft } from './draft-model';

/** Field names as the compiler accepts them (templates/schema.ts FIELD_NAME; not imported: it brings zod into the content script). */
const FIELD_NAME = /^[a-z][a-z0-9_]*$/;

/** The types a selected word can become (a word is never a checkbox). */
export const WORD_TYPES = ['text', 'longtext', 'date', 'amount', 'number', 'email', 'choice'] as const satisfies readonly FieldType[];
export type WordType = (typeof WORD_TYPES)[number];

export const TYPE_LABELS: Record<FieldType, string> = {
  text: 'texte',
  longtext: 'texte long',
  date: 'date',
  amount: 'montant (€)',
  number: 'nombre',
  email: 'adresse e-mail',
  choice: 'liste de choix',
  boolean: 'case à cocher',
};

/** Characters that continue a word: a name in « Durand-Martin » is not « Durand ». */
const EDGE = '[\\p{L}\\p{N}_-]';
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** « € », « euros », « EUR » after an amount: the amount field writes its own « € ». */
const CURRENCY = /^[\s\u00A0\u202F]*(€|euros?\b|EUR\b)/iu;

/** The spans of `text` outside Mustache tags (`{{…}}`), where a word may be replaced. */
function plainSpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  let at = 0;
  for (const m of text.matchAll(/\{\{[\s\S]*?\}\}/g)) {
    spans.push([at, m.index]);
    at = m.index + m[0].length;
  }
  spans.push([at, text.length]);
  return spans;
}

/** Where `word` occurs as a whole word in `text`, outside fields: [start, end) of each occurrence. */
export function occurrences(text: string, word: string): [number, number][] {
  const w = word.trim();
  if (!w) return [];
  const starts = new RegExp(`^${EDGE}`, 'u').test(w) ? `(?<!${EDGE})` : '';
  const ends = new RegExp(`${EDGE}$`, 'u').test(w) ? `(?!${EDGE})` : '';
  const re = new RegExp(`${starts}${escapeRegExp(w)}${ends}`, 'gu');
  const out: [number, number][] = [];
  for (const [from, to] of plainSpans(text)) {
    for (const m of text.slice(from, to).matchAll(re)) out.push([from + m.index, from + m.index + m[0].length]);
  }
  return out;
}

/** Whether [start, end) of `text` touches a `{{…}}` tag. */
export function insideField(text: string, start: number, end: number): boolean {
  return plainSpans(text).every(([from, to]) => start < from || end > to);
}

export interface Suggestion {
  type: WordType;
  label: string;
  /** A shared field this word most likely is (« FA-2026-0142 » → N° de facture). */
  shared?: string;
}

/** A first guess at what a selected word is, from its shape. */
export function suggestField(word: string, now = new Date()): Suggestion {
  const w = word.trim().replace(CURRENCY, '');
  if (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(w)) return { type: 'email', label: 'Adresse e-mail' };
  if (/€|euros?\b|EUR\b/i.test(word) && parseDecimal(w.replace(/(€|euros?|EUR)\s*$/i, '')) !== null) return { type: 'amount', label: 'Montant', shared: 'montant' };
  if (/\d/.test(w) && /[/.-]|\b(janv|févr|fevr|mars|avr|mai|juin|juil|août|aout|sept|oct|nov|déc|dec)/i.test(w) && parseDate(w, now)) return { type: 'date', label: 'Date' };
  if (/^(fa|fac|fact|facture|inv)?[\s-]*[a-z]{0,4}[-/]?\d{2,}[-/\d]*$/i.test(w) && /[a-z-]/i.test(w)) return { type: 'text', label: 'N° de facture', shared: 'facture_numero' };
  if (/^\d[\d\s\u00A0\u202F]*[,.]\d{2}$/.test(w) && parseDecimal(w) !== null) return { type: 'amount', label: 'Montant', shared: 'montant' };
  if (/^\d+([,.]\d+)?$/.test(w)) return { type: 'number', label: 'Nombre' };
  if (/^\p{Lu}[\p{L}'’-]+$/u.test(w)) return { type: 'text', label: 'Nom' };
  return { type: w.length > 80 || w.includes('\n') ? 'longtext' : 'text', label: '' };
}

/** A field name from a label: « N° de commande » → commande_numero-like « n_de_commande », unique among `taken`. */
export function fieldName(label: string, taken: Iterable<string>): string {
  const base = slug(label, '_').slice(0, 40).replace(/_+$/, '') || 'champ';
  const name = FIELD_NAME.test(base) ? base : `champ_${base}`;
  const used = new Set(taken);
  let out = name;
  for (let n = 2; used.has(out); n++) out = `${name}_${n}`;
  return out;
}

export interface TurnInto {
  /** The word as selected. */
  word: string;
  /** Where the selection is, in the part it was made in. */
  part: 'subject' | 'body';
  start: number;
  end: number;
  /** Every occurrence of the word, in the subject and the body, or only the selected one. */
  everywhere: boolean;
  /** A shared field of the catalogue, or a new field of this template. */
  shared?: string;
  label?: string;
  type?: WordType;
  /** For a choice: the options, one label each (the selected word among them). */
  options?: string[];
}

/** All names a new field must not take: the catalogue's, the computed values', the template's own. */
export function takenNames(draft: Draft, ctx: CompileContext): string[] {
  return [...Object.keys(ctx.catalogue), ...Object.keys(COMPUTED), ...Object.keys(draft.fields), 'pro', 'particulier', 'je', 'vous'];
}

function replaceSpans(text: string, spans: [number, number][], tag: string, amount: boolean): string {
  let out = '';
  let at = 0;
  for (const [s, e] of spans.toSorted((a, b) => a[0] - b[0])) {
    if (s < at) continue;
    let end = e;
    // An amount field writes « 1 250,00 € »: a currency after the word goes with it.
    if (amount) end += CURRENCY.exec(text.slice(e))?.[0].length ?? 0;
    out += text.slice(at, s) + tag;
    at = end;
  }
  return out + text.slice(at);
}

/** The draft with the word turned into a field, and the field's name. */
export function turnIntoField(draft: Draft, ctx: CompileContext, t: TurnInto): { draft: Draft; name: string } {
  const word = draft[t.part].slice(t.start, t.end);
  const lead = word.length - word.trimStart().length;
  const trimmed = word.trim();
  if (!trimmed) throw new Error('Sélectionnez d’abord le mot ou le passage à transformer en champ.');
  if (insideField(draft[t.part], t.start, t.end)) throw new Error('Ce passage contient déjà un champ : sélectionnez seulement du texte.');
  const shared = t.shared && ctx.catalogue[t.shared] ? t.shared : undefined;
  const type: FieldType = shared ? (ctx.catalogue[shared]!.type ?? 'text') : (t.type ?? 'text');
  const label = (t.label ?? '').trim();
  if (!shared && !label) throw new Error('Donnez un libellé au champ : c’est ce que le formulaire affichera.');
  const name = shared ?? fieldName(label, takenNames(draft, ctx));
  const tag = `{{${name}}}`;
  const amount = type === 'amount';
  const selected: [number, number] = [t.start + lead, t.start + lead + trimmed.length];
  const valueWord = amount ? trimmed.replace(/[\s\u00A0\u202F]*(€|euros?|EUR)$/i, '') : trimmed;
  const spansIn = (part: 'subject' | 'body') => {
    const all = occurrences(draft[part], valueWord);
    if (t.everywhere) return all;
    if (part !== t.part) return [];
    return [all.find(([s]) => s === selected[0]) ?? selected];
  };
  const next: Draft = {
    ...draft,
    subject: replaceSpans(draft.subject, spansIn('subject'), tag, amount),
    body: replaceSpans(draft.body, spansIn('body'), tag, amount),
  };
  if (!shared) {
    const field: FieldSource = { label, type };
    if (type === 'text' || type === 'longtext') field.placeholder = trimmed;
    if (type === 'choice') {
      const labels = [...new Set([trimmed, ...(t.options ?? []).map((o) => o.trim()).filter(Boolean)])];
      if (labels.length < 2) throw new Error('Une liste de choix a besoin d’au moins deux choix : ajoutez-en un.');
      field.options = labels.map((l, i) => ({ value: fieldName(l, labels.slice(0, i).map((x) => slug(x, '_'))), label: l }));
    }
    next.fields = { ...draft.fields, [name]: field };
  }
  return { draft: next, name };
}

export interface FieldChoice {
  /** What is inserted: `{{name}}`, or `{{> expediteur}}` for the sender block. */
  insert: string;
  label: string;
}

export interface FieldGroupChoice {
  label: string;
  fields: FieldChoice[];
}

const MENU: { label: string; names: string[] }[] = [
  { label: 'Destinataire', names: ['bonjour', 'civilite', 'destinataire_nom', 'destinataire_societe'] },
  { label: 'Facture et paiement', names: ['facture_numero', 'facture_date', 'montant', 'date_echeance', 'jours_retard', 'date_paiement', 'montant_recu', 'mode_paiement', 'iban'] },
  { label: 'Dates', names: ['date_du_jour', 'date_limite'] },
  { label: 'Vous', names: ['expediteur_nom', 'expediteur_fonction', 'expediteur_societe', 'expediteur_telephone', 'expediteur_adresse'] },
];

/** The shared fields, grouped, with their French labels: what « Insérer un champ » lists. */
export function fieldMenu(ctx: CompileContext): FieldGroupChoice[] {
  const groups = MENU.map(({ label, names }) => ({
    label,
    fields: names
      .map((name): FieldChoice | null => {
        if (name === 'bonjour') return { insert: '{{bonjour}}', label: 'Bonjour + nom du destinataire (« Bonjour Madame Durand »)' };
        const field = ctx.catalogue[name];
        if (field?.label) return { insert: `{{${name}}}`, label: field.label };
        const computed = COMPUTED[name];
        return computed ? { insert: `{{${name}}}`, label: computed.describe.replace(/^./, (c) => c.toUpperCase()) } : null;
      })
      .filter((f): f is FieldChoice => f !== null),
  })).filter((g) => g.fields.length);
  if (ctx.partials.expediteur) groups.at(-1)?.fields.push({ insert: '{{> expediteur}}', label: 'Votre bloc de signature (nom, fonction, société)' });
  return groups;
}
