/**
 * Which dossier offers the palette shows, from rows the background prepared
 * (offers.ts): those of the message's recipients when nothing is typed, else
 * those whose invoice number (with a digit, 3 characters or more) or client's
 * name (3 letters or more) the query matches. Small on purpose: it is the only
 * part of the dossiers in the content script, and it runs at every keystroke.
 */
import { fold } from '../search/normalize';

export interface OfferRow {
  /** The dossier's id. */
  key: string;
  group: string;
  /** « FA-2026-0142 · Durand SARL · 1 250,00 € · 1re relance le 5 novembre → 2e relance ». */
  label: string;
  /** The client's e-mail address, lower case ('' when unknown). */
  email: string;
  /** The invoice number folded: « fa20260142 ». */
  invoice: string;
  /** The company and name folded, after a space: « durand sarl dupont». */
  names: string;
}

export const OFFER_LIMIT = 5;

/** « FA-2026-0142 », « fa 2026 0142 » and « FA20260142 » are the same invoice. */
export function invoiceKey(invoice: string): string {
  return fold(invoice).replace(/[^a-z0-9]/g, '');
}

/** The rows to show, in the order given (the most urgent first), at most OFFER_LIMIT. */
export function pickOffers(rows: readonly OfferRow[], { emails, query }: { emails: readonly string[]; query: string }): OfferRow[] {
  const q = query.trim();
  let keep: (r: OfferRow) => boolean;
  if (!q) {
    const to = new Set(emails.map((e) => e.trim().toLowerCase()).filter(Boolean));
    keep = (r) => !!r.email && to.has(r.email);
  } else {
    const invoice = invoiceKey(q);
    const name = fold(q);
    const byInvoice = invoice.length >= 3 && /\d/.test(invoice) ? invoice : null;
    const byName = name.length >= 3 && !/\d/.test(name) ? ` ${name}` : null;
    if (!byInvoice && !byName) return [];
    keep = (r) => (!!byInvoice && r.invoice.includes(byInvoice)) || (!!byName && r.names.includes(byName));
  }
  return rows.filter(keep).slice(0, OFFER_LIMIT);
}
