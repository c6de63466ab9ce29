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

function matchesQuery(d: Dossier, query: string): boolean {
  const key = invoiceKey(query);
  if (key.length >= 3 && /\d/.test(key) && invoiceKey(d.invoice).includes(key)) return true;
  const q = fold(query);
  if (q.length < 3 || /\d/.test(q)) return false;
  const names = fold(`${d.recipient.company} ${d.recipient.name}`);
  return names.startsWith(q) || names.includes(` ${q}`);
}

/** The offers for a message to `emails` with `query` typed in the search field, most urgent first. */
export function findOffers<T extends LadderTemplate>(
  dossiers: readonly Dossier[],
  templates: readonly T[],
  { emails, query }: { emails: readonly string[]; query: string },
  today: IsoDate,
): DossierOffer<T>[] {
  const to = new Set(emails.map((e) => e.trim().toLowerCase()).filter(Boolean));
  const q = query.trim();
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
