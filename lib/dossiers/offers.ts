/**
 * What the palette offers from the dossiers, before the templates: the dossiers
 * of the message's recipients (nothing typed yet), or the one whose invoice
 * number — or client's name — is being typed. Each offer is the next letter of
 * one dossier: « FA-2026-0142 · Durand SARL · 1 250,00 € · 1re relance le 5 novembre → 2e relance ».
 */
import { formatAmount, type IsoDate } from '../render/format';
import { fold } from '../search/normalize';
import { nextStep, rankLabel, type LadderTemplate, type NextStep } from './ladder';
import { clientLabel, invoiceKey, shortFrenchDate, type Dossier } from './model';

export const OFFER_GROUPS = { open: 'Relances en cours', paid: 'Règlements reçus' } as const;
export const OFFER_LIMIT = 5;

export interface DossierOffer<T extends LadderTemplate = LadderTemplate> {
  dossier: Dossier;
  next: NextStep<T>;
  group: (typeof OFFER_GROUPS)[keyof typeof OFFER_GROUPS];
  label: string;
}

/** Where the dossier stands: its last letter of the ladder and when, or its payment. */
export function lastStepText(d: Dossier, today: IsoDate): string {
  if (d.status === 'paye' && d.paidOn) return `payée le ${shortFrenchDate(d.paidOn, today)}`;
  const last = d.steps.findLast((s) => s.rank !== null);
  return last ? `${rankLabel(last.rank)} le ${shortFrenchDate(last.date, today)}` : 'aucune lettre envoyée';
}

export function offerLabel(d: Dossier, next: NextStep, today: IsoDate): string {
  const parts = [d.invoice, clientLabel(d), d.amount === null ? '' : formatAmount(d.amount), lastStepText(d, today)].filter(Boolean);
  return `${parts.join(' · ')} → ${next.label}`;
}

/** The folded invoice number and names of each dossier, computed once (the palette asks at every keystroke). */
const keys = new WeakMap<Dossier, { invoice: string; names: string }>();
function keysOf(d: Dossier): { invoice: string; names: string } {
  let k = keys.get(d);
  if (!k) keys.set(d, (k = { invoice: invoiceKey(d.invoice), names: ` ${fold(`${d.recipient.company} ${d.recipient.name}`)}` }));
  return k;
}

/** The query as an invoice number (with a digit, 3 characters or more) or as the start of a name (3 letters or more). */
function queryKeys(query: string): { invoice: string | null; name: string | null } {
  const invoice = invoiceKey(query);
  const name = fold(query);
  return { invoice: invoice.length >= 3 && /\d/.test(invoice) ? invoice : null, name: name.length >= 3 && !/\d/.test(name) ? ` ${name}` : null };
}

function matchesQuery(d: Dossier, q: { invoice: string | null; name: string | null }): boolean {
  const k = keysOf(d);
  return (!!q.invoice && k.invoice.includes(q.invoice)) || (!!q.name && k.names.includes(q.name));
}

/** The offers for a message to `emails` with `query` typed in the search field, most urgent first. */
export function findOffers<T extends LadderTemplate>(
  dossiers: readonly Dossier[],
  templates: readonly T[],
  { emails, query }: { emails: readonly string[]; query: string },
  today: IsoDate,
): DossierOffer<T>[] {
  const to = new Set(emails.map((e) => e.trim().toLowerCase()).filter(Boolean));
  const typed = query.trim();
  const q = typed ? queryKeys(typed) : null;
  if (q && !q.invoice && !q.name) return [];
  const offers: DossierOffer<T>[] = [];
  for (const d of dossiers) {
    if (q ? !matchesQuery(d, q) : !(d.recipient.email && to.has(d.recipient.email))) continue;
    const next = nextStep(d, templates);
    if (!next) continue;
    offers.push({ dossier: d, next, group: d.status === 'paye' ? OFFER_GROUPS.paid : OFFER_GROUPS.open, label: offerLabel(d, next, today) });
  }
  return offers
    .toSorted((a, b) => Number(a.dossier.status === 'paye') - Number(b.dossier.status === 'paye') || a.next.from.localeCompare(b.next.from))
    .slice(0, OFFER_LIMIT);
}
