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
import { AUDIENCE_FLAGS, CLIENT_TYPE_FIELD, COMPUTED } from './computed';
import { addDays, formatAmount, formatDate, formatNumber, formatShortDate, toIsoDate } from './format';
import { parseDate, parseDecimal } from './parse';

export type Values = Record<string, string>;
export type View = Record<string, string | boolean>;

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
    default:
      return field.type === 'longtext' ? raw.replace(/\s+$/, '').replace(/^\s*\n/, '') : value;
  }
}

/** French error message for one field, or null when the value is acceptable. */
export function fieldError(field: FieldDef, raw: string, now: Date): string | null {
  const value = raw.trim();
  if (!value) return field.required ? 'Ce champ est obligatoire.' : null;
  switch (field.type) {
    case 'date':
      return parseDate(value, now) ? null : 'Date non reconnue : écrivez par exemple 23/11/2026 ou « 23 novembre 2026 ».';
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

/** Errors of every field, by field name. Empty object when the form can be inserted. */
export function validate(template: Template, values: Values, now: Date): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const field of template.fields) {
    const error = fieldError(field, values[field.name] ?? '', now);
    if (error) errors[field.name] = error;
  }
  return errors;
}

function isPro(template: Template, values: Values): boolean {
  if (template.audience === 'tous') return (values[CLIENT_TYPE_FIELD] ?? 'pro') === 'pro';
  return template.audience === 'entreprise';
}

/**
 * The Mustache view: every field as its French string, choice options as flags
 * (`{{#mode_virement}}`), the audience flags and the computed values.
 * With `mark`, non-empty values and empty required ones are wrapped in MARK characters for the preview.
 */
export function buildView(template: Template, values: Values, now: Date, mark = false): View {
  const view: View = {};
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
  const pro = isPro(template, values);
  view[AUDIENCE_FLAGS[0]] = pro;
  view[AUDIENCE_FLAGS[1]] = !pro;
  for (const name of template.computed) {
    const def = COMPUTED[name];
    if (def) view[name] = wrap(name, def.compute(values, now), true);
  }
  return view;
}

const NO_ESCAPE = { escape: (s: unknown) => String(s) };

/** Mustache rendering into plain text; blank lines left by empty sections are collapsed. */
export function renderText(source: string, view: View): string {
  return Mustache.render(source, view, undefined, NO_ESCAPE)
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

export function render(template: Template, values: Values, now: Date): Rendered {
  const view = buildView(template, values, now);
  const text = renderText(template.body, view);
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
