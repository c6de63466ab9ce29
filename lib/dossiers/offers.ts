/**
 * What the palette offers from the dossiers, before the templates: the dossiers
 * of the message's recipients (nothing typed yet), or the one whose invoice
 * number — or client's name — is being typed. Each offer is the next letter of
 * one dossier: « FA-2026-0142 · Durand SARL · 1 250,00 € · 1re relance le 5 novembre → 2e relance ».
 */
import { formatAmount, type IsoDate } from '../render/format';
import { fold } from '../search/normalize';
import { nextStep, rankLabel, type LadderTemplate, type NextStep } from './ladder';
import { pickOffers, type OfferRow } from './match';
import { clientLabel, invoiceKey, shortFrenchDate, type Dossier } from './model';

export const OFFER_GROUPS = { open: 'Relances en cours', paid: 'Règlements reçus' } as const;

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

/** Every dossier that has a next letter, as a row the palette filters, most urgent first (open ones, then paid ones). */
export function offerRows<T extends LadderTemplate>(dossiers: readonly Dossier[], templates: readonly T[], today: IsoDate): (OfferRow & { offer: DossierOffer<T> })[] {
  const offers: DossierOffer<T>[] = [];
  for (const d of dossiers) {
    const next = nextStep(d, templates);
    if (next) offers.push({ dossier: d, next, group: d.status === 'paye' ? OFFER_GROUPS.paid : OFFER_GROUPS.open, label: offerLabel(d, next, today) });
  }
  return offers
    .toSorted((a, b) => Number(a.dossier.status === 'paye') - Number(b.dossier.status === 'paye') || a.next.from.localeCompare(b.next.from))
    .map((offer) => ({
      key: offer.dossier.id,
      group: offer.group,
      label: offer.label,
      email: offer.dossier.recipient.email,
      invoice: invoiceKey(offer.dossier.invoice),
      names: ` ${fold(`${offer.dossier.recipient.company} ${offer.dossier.recipient.name}`)}`,
      offer,
    }));
}

/** The offers for a message to `emails` with `query` typed in the search field, most urgent first. */
export function findOffers<T extends LadderTemplate>(
  dossiers: readonly Dossier[],
  templates: readonly T[],
  { emails, query }: { emails: readonly string[]; query: string },
  today: IsoDate,
): DossierOffer<T>[] {
  return (pickOffers(offerRows(dossiers, templates, today), { emails, query }) as ReturnType<typeof offerRows<T>>).map((r) => r.offer);
}
