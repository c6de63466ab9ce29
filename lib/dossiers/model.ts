/**
 * A « dossier »: one unpaid invoice followed through the payment ladder, from
 * the first reminder to recovery, as Modèles remembers it in this browser.
 * Plain data (JSON in storage.local); dates are calendar dates (« 2026-11-05 »).
 */
import { formatDate, type IsoDate } from '../render/format';

/** Who owes the money: a business or a consumer. Decides the steps and the mentions (see ladder.ts). */
export type ClientType = 'pro' | 'particulier';

/** One letter sent for this invoice (inserted in a message or printed). */
export interface DossierStep {
  /** The day it was sent. */
  date: IsoDate;
  /** Place on the ladder (see RANKS in ladder.ts); null for a letter outside it (acknowledgement of payment, thanks). */
  rank: number | null;
  /** « pack id/template id » of the letter. */
  uid: string;
  /** The letter's title when it was sent (the template may change or go away later). */
  title: string;
  /** The payment deadline the letter gave, when it gave one. */
  deadline?: IsoDate;
  /** Printed to be sent by post. */
  printed?: boolean;
  /** Sent as a registered letter with acknowledgement of receipt (LRAR), with its number when typed. */
  registered?: { number: string };
}

/** Who the dossier is about, as far as the letters told. */
export interface DossierRecipient {
  /** E-mail address from the message's « À » field, lower case; '' when unknown. */
  email: string;
  /** Surname (« Durand ») or full name, as typed in the letters. */
  name: string;
  /** Company name, when known. */
  company: string;
  /** The appel used (« madame », « monsieur », « madame_monsieur », « maitre »): the next letter uses the same. */
  civilite: string;
  /** Postal address lines (street, postcode and town), typed for a printed letter; '' until then. */
  address: string;
}

export type DossierStatus = 'ouvert' | 'paye';

export interface Dossier {
  /** Random identifier, stable. */
  id: string;
  /** The invoice number as typed (« FA-2026-0142 »); dossiers are found by its key (invoiceKey). */
  invoice: string;
  client: ClientType;
  recipient: DossierRecipient;
  /** Amount still due, in euros; null when no letter told it. */
  amount: number | null;
  invoiceDate: IsoDate | null;
  dueDate: IsoDate | null;
  /** Letters sent, oldest first. */
  steps: DossierStep[];
  status: DossierStatus;
  /** When the invoice was paid (status « paye »). */
  paidOn?: IsoDate;
  /** When the thank-you / acknowledgement letter was sent after payment. */
  thankedOn?: IsoDate;
  /** When the dossier was closed: the retention period counts from this day. */
  closedOn?: IsoDate;
  /** ISO timestamps. */
  createdAt: string;
  updatedAt: string;
}

/** The stored format of one dossier. A later format comes with a migration from this one (store.ts). */
export const DOSSIER_FORMAT = 1;

export { invoiceKey } from './match';

/** How the dossier names its client: the company, else the name, else the e-mail address. */
export function clientLabel(d: Dossier): string {
  const name = d.recipient.name.trim();
  const civilite = { madame: 'Mme', monsieur: 'M.' }[d.recipient.civilite] ?? '';
  return d.recipient.company.trim() || (name && civilite && !name.includes(' ') ? `${civilite} ${name}` : name) || d.recipient.email || 'client sans nom';
}

/** The amount as typed in a form: « 1 250,00 ». */
export function amountInput(amount: number): string {
  const [int, dec] = Math.abs(amount).toFixed(2).split('.') as [string, string];
  return `${amount < 0 ? '-' : ''}${int.replace(/\B(?=(\d{3})+(?!\d))/g, ' ')},${dec}`;
}

const NBSP = '\u00A0';

/** « 5 novembre » this year, « 5 novembre 2025 » another year. */
export function shortFrenchDate(date: IsoDate, today: IsoDate): string {
  const full = formatDate(date);
  return date.slice(0, 4) === today.slice(0, 4) ? full.replace(new RegExp(`${NBSP}\\d{4}$`), '') : full;
}

function joinFrench(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} et ${items[items.length - 1]}`;
}

/**
 * The dates of earlier letters, the way a letter says them: « 5 novembre 2026 »,
 * « 5 et 19 novembre 2026 », « 28 octobre et 5 novembre 2026 »,
 * « 20 décembre 2026 et 5 janvier 2027 ». Same-day duplicates count once.
 */
export function frenchDateList(dates: IsoDate[]): string {
  const sorted = [...new Set(dates)].toSorted();
  if (!sorted.length) return '';
  const parts = sorted.map((d) => formatDate(d).split(NBSP) as [string, string, string]);
  const sameMonth = sorted.every((d) => d.slice(0, 7) === sorted[0]!.slice(0, 7));
  if (sameMonth) {
    const [, month, year] = parts[0]!;
    return `${joinFrench(parts.map(([day]) => day))}${NBSP}${month}${NBSP}${year}`;
  }
  // The year is said once per run of dates in the same year, after its last date.
  const items = parts.map(([day, month, year], i) => {
    const lastOfYear = i === parts.length - 1 || parts[i + 1]![2] !== year;
    return lastOfYear ? `${day}${NBSP}${month}${NBSP}${year}` : `${day}${NBSP}${month}`;
  });
  return joinFrench(items);
}

/** The days from the due date to today, never negative; null without a due date. */
export function daysOverdue(d: Dossier, today: IsoDate): number | null {
  if (!d.dueDate) return null;
  const ms = Date.parse(`${today}T00:00:00Z`) - Date.parse(`${d.dueDate}T00:00:00Z`);
  return Math.max(0, Math.round(ms / 86_400_000));
}

/** A new random identifier. */
export function newId(): string {
  return globalThis.crypto?.randomUUID?.() ?? `d${Date.now().toString(36)}${Math.random().toString(36).slice(2)}`;
}
