/**
 * Reading what people type in the form, the French way.
 * Every parser returns `null` when the text cannot be read, never throws.
 */
import { addDays, daysInMonth, isIsoDate, toIsoDate, type IsoDate } from './format';
import { fold, foldWord } from '../search/normalize';

const SPACES = /[\s\u00A0\u202F\u2009']/g;

/**
 * « 1 250,50 », « 1250.5 », « 1.250,50 € », « 1 250 € » → 1250.5.
 * A dot followed by exactly three digits (« 1.250 ») is read as a thousands separator.
 */
export function parseDecimal(input: string): number | null {
  let s = input.trim().replace(/€|eur(os?)?$/i, '').replace(SPACES, '');
  if (!s) return null;
  const negative = s.startsWith('-');
  if (negative) s = s.slice(1);
  if (!/^[\d.,]+$/.test(s)) return null;
  const lastComma = s.lastIndexOf(',');
  const lastDot = s.lastIndexOf('.');
  let normalized: string;
  if (lastComma >= 0 && lastDot >= 0) {
    const decimalSep = lastComma > lastDot ? ',' : '.';
    const thousandsSep = decimalSep === ',' ? '.' : ',';
    normalized = s.split(thousandsSep).join('').replace(decimalSep, '.');
  } else if (lastComma >= 0) {
    if (s.indexOf(',') !== lastComma) return null;
    normalized = s.replace(',', '.');
  } else if (lastDot >= 0) {
    const groups = s.split('.');
    const thousands = groups.length > 2 || /^\d{1,3}\.\d{3}$/.test(s);
    if (thousands && !groups.slice(1).every((g) => g.length === 3)) return null;
    normalized = thousands ? groups.join('') : s;
  } else {
    normalized = s;
  }
  if (!/^\d+(\.\d+)?$/.test(normalized)) return null;
  const value = Number(normalized);
  return Number.isFinite(value) ? (negative ? -value : value) : null;
}

const MONTH_PREFIXES: [string, number][] = [
  ['janv', 1], ['fev', 2], ['mars', 3], ['avr', 4], ['mai', 5], ['juin', 6],
  ['juil', 7], ['aou', 8], ['sep', 9], ['oct', 10], ['nov', 11], ['dec', 12],
];

function monthFromWord(word: string): number | null {
  const w = fold(word).replace(/\./g, '');
  if (w.length < 3) return null;
  for (const [prefix, month] of MONTH_PREFIXES) {
    if (w.startsWith(prefix) || (prefix.startsWith(w) && w.length >= 3)) return month;
  }
  return null;
}

function makeDate(y: number, m: number, d: number): IsoDate | null {
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return null;
  const iso = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : null;
}

function fullYear(y: string, today: IsoDate): number {
  if (y.length === 4) return Number(y);
  const century = Math.floor(Number(today.slice(0, 4)) / 100) * 100;
  return century + Number(y);
}

/**
 * « 23/11/2026 », « 23/11/26 », « 23-11-2026 », « 23.11.2026 », « 2026-11-23 »,
 * « 23/11 » (this year), « 23 novembre 2026 », « 1er mars », « aujourd'hui »,
 * « demain », « +8 », « J+8 », « dans 8 jours ».
 */
export function parseDate(input: string, now: Date): IsoDate | null {
  const today = toIsoDate(now);
  const s = foldWord(input).replace(/['’]/g, ' ').replace(/[\s\u00A0\u202F]+/g, ' ').trim();
  if (!s) return null;
  if (s === 'aujourd hui' || s === 'aujourdhui') return today;
  if (s === 'demain') return addDays(today, 1);
  if (s === 'hier') return addDays(today, -1);
  const rel = /^(?:j ?)?([+-]) ?(\d{1,4})(?: ?j(?:ours?)?)?$/.exec(s) ?? /^dans (\d{1,4}) jours?$/.exec(s);
  if (rel) {
    const [sign, n] = rel.length === 3 ? [rel[1], rel[2]] : ['+', rel[1]];
    return addDays(today, (sign === '-' ? -1 : 1) * Number(n));
  }
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  if (m) return makeDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})[/.-](\d{1,2})(?:[/.-](\d{2}|\d{4}))?$/.exec(s);
  if (m) {
    const year = m[3] ? fullYear(m[3], today) : Number(today.slice(0, 4));
    return makeDate(year, Number(m[2]), Number(m[1]));
  }
  m = /^(?:le )?(?:[a-z]+ )?(\d{1,2})(?:er)? ([a-z.]+)(?: (\d{4}))?$/.exec(s);
  if (m) {
    const month = monthFromWord(m[2]!);
    if (month === null) return null;
    const year = m[3] ? Number(m[3]) : Number(today.slice(0, 4));
    return makeDate(year, month, Number(m[1]));
  }
  return null;
}
