/**
 * Checks between fields: values that are each fine alone but contradict each
 * other. Errors block « Insérer » with a French message on the field to fix;
 * notices are shown and do not block.
 */
import type { Template } from '../templates/types';
import { daysBetween, formatDate, toIsoDate } from './format';
import { legalMaxDue } from './due-date';
import { parseDate, parseDecimal } from './parse';

type Values = Record<string, string>;

export interface CrossCheck {
  errors: Record<string, string>;
  notices: Record<string, string>;
}

/** Date fields that normally follow the invoice date: [field, how to name it, blocking?]. */
const AFTER_INVOICE: [string, string, boolean][] = [
  ['date_premiere_relance', 'La première relance', true],
  ['date_relance', 'La relance', true],
  ['date_rappel', 'Le rappel', true],
  ['date_mise_en_demeure', 'La mise en demeure', true],
  ['date_paiement', 'Le paiement', false],
];

const has = (t: Template, ...names: string[]) => names.every((n) => t.fields.some((f) => f.name === n));

export function crossCheck(template: Template, values: Values, now: Date, pro: boolean): CrossCheck {
  const errors: Record<string, string> = {};
  const notices: Record<string, string> = {};
  if (has(template, 'facture_date', 'date_echeance')) {
    const invoice = parseDate(values.facture_date ?? '', now);
    const due = parseDate(values.date_echeance ?? '', now);
    if (invoice && due && daysBetween(invoice, due) < 0)
      errors.date_echeance = `L’échéance (${formatDate(due)}) précède la date de la facture (${formatDate(invoice)}).`;
    else if (invoice && due && pro && daysBetween(legalMaxDue(invoice), due) > 0)
      notices.date_echeance = `Entre professionnels, le délai convenu ne peut dépasser 60 jours après la facture ou 45 jours fin de mois (article L441-10 du Code de commerce), soit le ${formatDate(legalMaxDue(invoice))} au plus tard.`;
  }
  // Things that can only happen once the invoice exists: a reminder, a formal notice.
  // A payment before the invoice is possible (a deposit), so it is only pointed out.
  const invoice = parseDate(values.facture_date ?? '', now);
  for (const [name, what, blocking] of AFTER_INVOICE) {
    const date = invoice && has(template, name) ? parseDate(values[name] ?? '', now) : null;
    if (!invoice || !date || daysBetween(invoice, date) >= 0) continue;
    const message = `${what} (${formatDate(date)}) précède la date de la facture (${formatDate(invoice)})`;
    if (blocking) errors[name] = `${message}.`;
    else notices[name] = `${message} : s’agit-il d’un acompte ? Sinon, vérifiez les deux dates.`;
  }
  // A period typed backwards (closure, event, contract): the end cannot precede the start.
  if (has(template, 'date_debut', 'date_fin')) {
    const [start, end] = [parseDate(values.date_debut ?? '', now), parseDate(values.date_fin ?? '', now)];
    if (start && end && daysBetween(start, end) < 0) errors.date_fin = `La date de fin (${formatDate(end)}) précède la date de début (${formatDate(start)}).`;
  }
  // « un retard de 0 jour », « dans 0 jour »: a letter that counts days needs at least one.
  const dueDate = parseDate(values.date_echeance ?? '', now);
  const today = toIsoDate(now);
  if (dueDate && template.computed.includes('jours_retard') && daysBetween(dueDate, today) < 1)
    errors.date_echeance = `Cette lettre parle d’un retard : l’échéance (${formatDate(dueDate)}) doit être passée d’au moins un jour.`;
  if (dueDate && template.computed.includes('jours_avant_echeance') && daysBetween(today, dueDate) < 1)
    errors.date_echeance = `Cette lettre annonce une échéance à venir : indiquez une date postérieure à aujourd’hui (${formatDate(dueDate)} ne l’est pas).`;
  if (has(template, 'montant', 'montant_recu') && template.computed.some((c) => c === 'trop_percu' || c === 'reste_a_payer')) {
    const due = parseDecimal(values.montant ?? '');
    const received = parseDecimal(values.montant_recu ?? '');
    if (due !== null && received !== null) {
      if (template.computed.includes('trop_percu') && received <= due) errors.montant_recu = 'Le montant reçu doit dépasser le montant dû pour qu’il y ait un trop-perçu.';
      if (template.computed.includes('reste_a_payer') && received >= due) errors.montant_recu = 'Le montant reçu couvre déjà le montant dû : il ne reste rien à payer.';
    }
  }
  return { errors, notices };
}
