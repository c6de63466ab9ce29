/**
 * French formatting of typed values: dates, amounts, numbers.
 *
 * Written by hand rather than with Intl so that the output is the same in every
 * browser and in Node (older ICU versions differ on the thousands separator).
 * Typography follows the Imprimerie nationale rules used by the templates:
 * thousands grouped by a narrow no-break space (U+202F), a no-break space
 * (U+00A0) before « € » and « % », decimal comma, « 1er » for the first day.
 */

export const NBSP = '\u00A0';
export const NNBSP = '\u202F';

const MONTHS = [
  'janvier', 'février', 'mars', 'avril', 'mai', 'juin',
  'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre',
];
const WEEKDAYS = ['dimanche', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi'];

/** A calendar date without time zone, as stored in form values: "2026-11-23". */
export type IsoDate = string;

export function isIsoDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  return d <= daysInMonth(y, mo);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The local calendar date of `now` as an ISO date. */
export function toIsoDate(now: Date): IsoDate {
  const y = now.getFullYear();
  const m = String(now.getMonth() + 1).padStart(2, '0');
  const d = String(now.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

/** Adds whole days to an ISO date (calendar arithmetic, no DST surprises). */
export function addDays(date: IsoDate, days: number): IsoDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return t.toISOString().slice(0, 10);
}

/** Adds calendar months, keeping the day when the month has it (31 January + 1 month = 28 or 29 February). */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const day = Math.min(d, daysInMonth(year, month));
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  const ms = Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`);
  return Math.round(ms / 86_400_000);
}

/** « 23 novembre 2026 », « 1er mars 2027 ». */
export function formatDate(date: IsoDate): string {
  if (!isIsoDate(date)) return date;
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const day = d === 1 ? '1er' : String(d);
  return `${day}${NBSP}${MONTHS[m - 1]}${NBSP}${y}`;
}

/** « 23/11/2026 », the way dates are typed in the form. */
export function formatShortDate(date: IsoDate): string {
  const [y, m, d] = date.split('-');
  return `${d}/${m}/${y}`;
}

/** « lundi 23 novembre 2026 ». */
export function formatDateWithWeekday(date: IsoDate): string {
  if (!isIsoDate(date)) return date;
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const weekday = WEEKDAYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()];
  return `${weekday} ${formatDate(date)}`;
}

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, NNBSP);
}

/** « 1 250 », « 3,5 », « -12 ». At most `maxDecimals` decimals, trailing zeros dropped. */
export function formatNumber(value: number, maxDecimals = 2): string {
  if (!Number.isFinite(value)) return '';
  const sign = value < 0 ? '-' : '';
  const fixed = Math.abs(value).toFixed(maxDecimals);
  const [int, dec = ''] = fixed.split('.') as [string, string?];
  const trimmed = dec.replace(/0+$/, '');
  return `${sign}${groupThousands(int)}${trimmed ? `,${trimmed}` : ''}`;
}

/** « 1 250,00 € » (always two decimals). */
export function formatAmount(value: number): string {
  if (!Number.isFinite(value)) return '';
  const sign = value < 0 ? '-' : '';
  const [int, dec] = Math.abs(value).toFixed(2).split('.') as [string, string];
  return `${sign}${groupThousands(int)},${dec}${NBSP}€`;
}

/** « 1 jour », « 12 jours ». */
export function formatDays(n: number): string {
  const abs = Math.abs(n);
  return `${formatNumber(n, 0)}${NBSP}${abs >= 2 ? 'jours' : 'jour'}`;
}
