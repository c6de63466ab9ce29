/**
 * From the values typed in the form to the text and HTML that go into the draft.
 *
 *   raw values (strings) ─ buildView ─▶ French strings ─ Mustache (no escaping) ─▶ text ─ textToHtml ─▶ HTML
 *
 * Everything stays plain text until textToHtml, the one place where HTML is made:
 * a value typed by the user can never become markup.
 */
import Mustache from 'mustache';
import type { FieldDef, Template } from '../templates/types';
import { AUDIENCE_FLAGS, CLIENT_TYPE_FIELD, COMPUTED, SENDER_BLOCK_FLAG, SENDER_FLAGS, SENDER_TYPE_FIELD } from './computed';
import { formIndex, RECIPIENT, RECIPIENT_FIELD, resolveAgreements, SIGNER, SIGNER_GENDER_FIELD } from '../templates/agreement';
import { typesetText } from '../templates/typography';
import { crossCheck } from './checks';
import { addDays, daysBetween, formatAmount, formatDate, formatNumber, formatShortDate, toIsoDate } from './format';
import { parseDate, parseDecimal } from './parse';

export type Values = Record<string, string>;
/** Where the view keeps the chosen form of each agreement referent (see agreement.ts). */
export const FORMS = Symbol('agreement forms');
export type View = Record<string, string | boolean> & { [FORMS]?: Record<string, number> };

/** What the draft already holds, so that the letter does not say it twice. */
export interface RenderOptions {
  /** Include the sender block (false when the draft has a signature). Default true. */
  senderBlock?: boolean;
  /** Include the formule d'appel (false when the line before the caret already greets). Default true. */
  greeting?: boolean;
}

/** Private-use characters that wrap field values in the preview so it can show them apart. */
export const MARK = { start: '\uE000', mid: '\uE001', end: '\uE002' } as const;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The value a field starts with: its default (dates: « +8 » = today + 8 days), else empty. */
export function defaultValue(field: FieldDef, now: Date): string {
  const d = field.default;
  if (d === undefined) return field.type === 'choice' ? (field.options?.[0]?.value ?? '') : '';
  if (field.type === 'date') {
    const rel = /^([+-]\d+)$/.exec(d.trim());
    if (rel) return formatShortDate(addDays(toIsoDate(now), Number(rel[1])));
  }
  return d;
}

/** The French string a raw value renders as, or '' when it is empty or unreadable. */
export function formatValue(field: FieldDef, raw: string, now: Date): string {
  const value = raw.trim();
  if (!value) return '';
  switch (field.type) {
    case 'date': {
      const iso = parseDate(value, now);
      return iso ? formatDate(iso) : '';
    }
    case 'amount': {
      const n = parseDecimal(value);
      return n === null ? '' : formatAmount(n);
    }
    case 'number': {
      const n = parseDecimal(value);
      return n === null ? '' : formatNumber(n);
    }
    case 'choice':
      return field.options?.find((o) => o.value === value)?.label ?? '';
    case 'boolean':
      return value === 'true' ? 'oui' : '';
    case 'email':
      return EMAIL.test(value) ? value : '';
    case 'longtext':
      return raw.replace(/\s+$/, '').replace(/^\s*\n/, '');
    default:
      return value;
  }
}

/** French error message for one field, or null when the value is acceptable. */
export function fieldError(field: FieldDef, raw: string, now: Date): string | null {
  const value = raw.trim();
  if (!value) return field.required ? 'Ce champ est obligatoire.' : null;
  switch (field.type) {
    case 'date': {
      const iso = parseDate(value, now);
      if (!iso) return 'Date non reconnue : écrivez par exemple 23/11/2026 ou « 23 novembre 2026 ».';
      const days = daysBetween(toIsoDate(now), iso);
      if (field.when === 'futur' && days < 0) return `Cette date est passée (${formatDate(iso)}) : indiquez une date à venir.`;
      if (field.when === 'passe' && days > 0) return `Cette date est à venir (${formatDate(iso)}) : indiquez une date passée ou celle d’aujourd’hui.`;
      return null;
    }
    case 'amount':
      return parseDecimal(value) === null ? 'Montant non reconnu : écrivez par exemple 1 250,00.' : null;
    case 'number':
      return parseDecimal(value) === null ? 'Nombre non reconnu : écrivez par exemple 8 ou 3,5.' : null;
    case 'email':
      return EMAIL.test(value) ? null : 'Adresse e-mail non valide : écrivez par exemple nom@exemple.fr.';
    case 'choice':
      return field.options?.some((o) => o.value === value) ? null : 'Choisissez une valeur dans la liste.';
    default:
      return null;
  }
}

/** The section flags for these values: reader (pro, particulier), signer (par_entreprise, par_particulier), sender block. */
function flags(template: Template, values: Values, options: RenderOptions = {}): Record<string, boolean> {
  const pro = isPro(template, values);
  const person = signsAsPerson(template, values);
  return { [AUDIENCE_FLAGS[0]]: pro, [AUDIENCE_FLAGS[1]]: !pro, [SENDER_FLAGS[0]]: !person, [SENDER_FLAGS[1]]: person, [SENDER_BLOCK_FLAG]: options.senderBlock !== false };
}

/**
 * The fields the form shows for these values: a field used only for the other
 * reader (or signer), or only in a sender block the draft does not need, is left out.
 */
export function activeFields(template: Template, values: Values, options: RenderOptions = {}): FieldDef[] {
  const on = flags(template, values, options);
  return template.fields.filter((f) => !f.onlyFor || on[f.onlyFor]);
}

/** Errors of every field shown, by field name, then those between fields. Empty object when the form can be inserted. */
export function validate(template: Template, values: Values, now: Date, options: RenderOptions = {}): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const field of activeFields(template, values, options)) {
    const error = fieldError(field, values[field.name] ?? '', now);
    if (error) errors[field.name] = error;
  }
  return { ...crossCheck(template, values, now, isPro(template, values)).errors, ...errors };
}

/** Remarks between fields that do not block the insertion (a due date beyond the legal cap…). */
export function notices(template: Template, values: Values, now: Date): Record<string, string> {
  return crossCheck(template, values, now, isPro(template, values)).notices;
}

function isPro(template: Template, values: Values): boolean {
  if (template.audience === 'tous') return (values[CLIENT_TYPE_FIELD] ?? 'pro') === 'pro';
  return template.audience === 'entreprise';
}

/** Whether a private person signs: from the template, else from the form (« Vous écrivez »). */
export function signsAsPerson(template: Template, values: Values): boolean {
  if (template.sender === 'tous') return values[SENDER_TYPE_FIELD] === 'particulier';
  return template.sender === 'particulier';
}

/** The form index of every agreement referent the template can use. */
function agreementForms(template: Template, values: Values): Record<string, number> {
  const forms: Record<string, number> = {
    [SIGNER]: formIndex(SIGNER, 'signer', values[SIGNER_GENDER_FIELD] ?? ''),
    [RECIPIENT]: formIndex(RECIPIENT, 'recipient', values[RECIPIENT_FIELD] ?? ''),
  };
  for (const field of template.fields) {
    if (field.type === 'number' || field.type === 'amount') forms[field.name] = formIndex(field.name, 'number', values[field.name] ?? '');
    else if (field.type === 'choice') forms[field.name] = formIndex(field.name, 'gender', values[field.name] ?? '');
    else if (field.type === 'text') forms[field.name] = formIndex(field.name, 'list', values[field.name] ?? '');
  }
  return forms;
}

/**
 * The Mustache view: every field as its French string, choice options as flags
 * (`{{#mode_virement}}`), the audience flags and the computed values.
 * With `mark`, non-empty values and empty required ones are wrapped in MARK characters for the preview.
 */
export function buildView(template: Template, values: Values, now: Date, mark = false, options: RenderOptions = {}): View {
  const view: View = { [FORMS]: agreementForms(template, values) };
  const wrap = (name: string, text: string, required: boolean): string =>
    mark && (text || required) ? `${MARK.start}${name}${MARK.mid}${text}${MARK.end}` : text;
  for (const field of template.fields) {
    const raw = values[field.name] ?? '';
    if (field.type === 'boolean') {
      view[field.name] = raw === 'true';
      continue;
    }
    view[field.name] = wrap(field.name, formatValue(field, raw, now), field.required);
    for (const option of field.options ?? []) view[`${field.name}_${option.value}`] = raw === option.value;
  }
  Object.assign(view, flags(template, values, options));
  for (const name of template.computed) {
    const def = COMPUTED[name];
    if (def) view[name] = wrap(name, def.compute(values, now), true);
  }
  return view;
}

const NO_ESCAPE = { escape: (s: unknown) => String(s) };

/**
 * Agreement tags resolved, Mustache rendering into plain text, then French
 * typography over the whole (typed values included); blank lines left by
 * empty sections are collapsed.
 */
export function renderText(source: string, view: View): string {
  const forms = view[FORMS] ?? {};
  const resolved = resolveAgreements(source, (referent) => forms[referent] ?? 0);
  return typesetText(Mustache.render(resolved, view, undefined, NO_ESCAPE))
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** A subject is one line: line breaks become spaces; no-break spaces stay. */
export function oneLine(text: string): string {
  return text.replace(/[ \t]*[\r\n]+[ \t]*/g, ' ');
}

export interface Rendered {
  subject: string;
  text: string;
  html: string;
}

/** A first line that is a formule d'appel: short, ends with a comma (« Madame, Monsieur, », « Bonjour Madame Durand, »). */
const APPEL_LINE = /^[^\n]{1,60},$/;

/** The text without its formule d'appel (first line and the blank line after it), when it has one. */
export function withoutGreeting(text: string): string {
  const [first = '', ...rest] = text.split('\n');
  if (!APPEL_LINE.test(first.trim())) return text;
  return rest.join('\n').replace(/^\n+/, '');
}

export function render(template: Template, values: Values, now: Date, options: RenderOptions = {}): Rendered {
  const view = buildView(template, values, now, false, options);
  const full = renderText(template.body, view);
  const text = options.greeting === false ? withoutGreeting(full) : full;
  const subject = oneLine(renderText(template.subject, view));
  return { subject, text, html: textToHtml(text) };
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/**
 * Plain text → the markup mail editors write themselves: one `<div>` per line,
 * `<div><br></div>` for an empty line. No whitespace between tags (editors
 * would turn it into stray spaces).
 */
export function textToHtml(text: string): string {
  return text
    .split('\n')
    .map((line) => `<div>${line ? escapeHtml(line) : '<br>'}</div>`)
    .join('');
}

/** Splits marked preview text into plain runs and field values. */
export function splitMarked(text: string): { text: string; field?: string }[] {
  const parts: { text: string; field?: string }[] = [];
  const re = new RegExp(`${MARK.start}([^${MARK.mid}]*)${MARK.mid}([^${MARK.end}]*)${MARK.end}`, 'g');
  let last = 0;
  for (const m of text.matchAll(re)) {
    if (m.index > last) parts.push({ text: text.slice(last, m.index) });
    parts.push({ text: m[2]!, field: m[1]! });
    last = m.index + m[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last) });
  return parts;
}
