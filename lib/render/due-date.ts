/**
 * Payment terms between businesses (C. com. L441-10 I), and the due date they
 * give from the invoice date. « 45 jours fin de mois » has two readings, both
 * admitted by the DGCCRF: invoice date + 45 days then end of that month, or
 * end of the invoice's month + 45 days. The form offers both by name.
 */
import { addDays, daysBetween, daysInMonth, type IsoDate } from './format';

export interface PaymentTerm {
  id: string;
  label: string;
  due(invoice: IsoDate): IsoDate;
}

function endOfMonth(date: IsoDate): IsoDate {
  const [y, m] = date.split('-').map(Number) as [number, number];
  return `${y}-${String(m).padStart(2, '0')}-${String(daysInMonth(y, m)).padStart(2, '0')}`;
}

export const PAYMENT_TERMS: PaymentTerm[] = [
  { id: '30', label: '30 jours', due: (d) => addDays(d, 30) },
  { id: '45fdm', label: '45 jours fin de mois', due: (d) => endOfMonth(addDays(d, 45)) },
  { id: 'fdm45', label: 'fin de mois + 45 jours', due: (d) => addDays(endOfMonth(d), 45) },
  { id: '60', label: '60 jours', due: (d) => addDays(d, 60) },
];

/** The latest due date L441-10 I allows between businesses for an invoice of this date (either 45-days-end-of-month reading). */
export function legalMaxDue(invoice: IsoDate): IsoDate {
  const candidates = [addDays(invoice, 60), ...PAYMENT_TERMS.filter((t) => t.id.includes('fdm')).map((t) => t.due(invoice))];
  return candidates.reduce((a, b) => (daysBetween(a, b) > 0 ? b : a));
}
