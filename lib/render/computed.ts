/**
 * Values a template can use without asking the user: they are computed from
 * other fields and from today's date. Each one names the catalogue fields it
 * needs (the compiler adds them to the form) and, for business-only mentions,
 * the audience it is valid for (the linter checks it).
 */
import { addMonths, daysBetween, formatAmount, formatDate, formatDays, formatNumber, NBSP, toIsoDate } from './format';
import { parseDate, parseDecimal } from './parse';
import type { Audience } from '../templates/types';

/** The flat indemnity for recovery costs between businesses (C. com. D441-5). */
export const INDEMNITE_FORFAITAIRE_EUROS = 40;

export interface ComputedDef {
  /** Fields (by name) this value is computed from. */
  deps: string[];
  /** Short French name shown in the preview while the value cannot be computed yet. */
  label: string;
  /** When set, only templates for this audience (or inside its section) may use it. */
  audience?: Exclude<Audience, 'tous'>;
  describe: string;
  compute(raw: Record<string, string>, now: Date): string;
}

/** `a − b` as an amount when both read and it is positive, else ''. */
function positiveDifference(a = '', b = ''): string {
  const [x, y] = [parseDecimal(a), parseDecimal(b)];
  if (x === null || y === null || x <= y) return '';
  return formatAmount(Math.round((x - y) * 100) / 100);
}

function dueDate(raw: Record<string, string>, now: Date): string | null {
  return parseDate(raw.date_echeance ?? '', now);
}

export const COMPUTED: Record<string, ComputedDef> = {
  date_du_jour: {
    label: 'date du jour',
    deps: [],
    describe: 'la date du jour, « 23 novembre 2026 »',
    compute: (_raw, now) => formatDate(toIsoDate(now)),
  },
  jours_retard: {
    label: 'jours de retard',
    deps: ['date_echeance'],
    describe: 'le retard depuis l’échéance, « 12 jours »',
    compute(raw, now) {
      const due = dueDate(raw, now);
      return due ? formatDays(Math.max(0, daysBetween(due, toIsoDate(now)))) : '';
    },
  },
  jours_avant_echeance: {
    label: 'jours avant l’échéance',
    deps: ['date_echeance'],
    describe: 'le temps restant avant l’échéance, « 5 jours »',
    compute(raw, now) {
      const due = dueDate(raw, now);
      return due ? formatDays(Math.max(0, daysBetween(toIsoDate(now), due))) : '';
    },
  },
  indemnite_forfaitaire: {
    label: 'indemnité forfaitaire',
    deps: [],
    audience: 'entreprise',
    describe: 'l’indemnité forfaitaire pour frais de recouvrement, « 40 € »',
    compute: () => `${formatNumber(INDEMNITE_FORFAITAIRE_EUROS)}${NBSP}€`,
  },
  total_avec_indemnite: {
    label: 'total avec l’indemnité',
    deps: ['montant'],
    audience: 'entreprise',
    describe: 'le montant dû augmenté de l’indemnité de 40 €',
    compute(raw) {
      const amount = parseDecimal(raw.montant ?? '');
      return amount === null ? '' : formatAmount(amount + INDEMNITE_FORFAITAIRE_EUROS);
    },
  },
  montant_penalites: {
    label: 'montant des pénalités',
    deps: ['montant', 'taux_penalites', 'date_echeance'],
    audience: 'entreprise',
    describe: 'les pénalités de retard courues : montant × taux annuel × jours de retard / 365',
    compute(raw, now) {
      const amount = parseDecimal(raw.montant ?? '');
      const rate = parseDecimal(raw.taux_penalites ?? '');
      const due = dueDate(raw, now);
      if (amount === null || rate === null || !due) return '';
      const days = Math.max(0, daysBetween(due, toIsoDate(now)));
      return formatAmount(Math.round(amount * (rate / 100) * (days / 365) * 100) / 100);
    },
  },
  trop_percu: {
    label: 'trop-perçu',
    deps: ['montant', 'montant_recu'],
    describe: 'ce qui a été payé en trop : montant reçu moins montant dû (vide si rien n’a été payé en trop)',
    compute: (raw) => positiveDifference(raw.montant_recu, raw.montant),
  },
  reste_a_payer: {
    label: 'reste à payer',
    deps: ['montant', 'montant_recu'],
    describe: 'ce qui reste dû après un paiement partiel : montant dû moins montant reçu (vide si tout est payé)',
    compute: (raw) => positiveDifference(raw.montant, raw.montant_recu),
  },
  date_derniere_echeance: {
    label: 'date de la dernière mensualité',
    deps: ['nombre_echeances', 'date_premiere_echeance'],
    describe: 'la date de la dernière mensualité, un mois après l’autre à partir de la première',
    compute(raw, now) {
      const count = parseDecimal(raw.nombre_echeances ?? '');
      const first = parseDate(raw.date_premiere_echeance ?? '', now);
      if (!first || count === null || !Number.isInteger(count) || count < 1 || count > 120) return '';
      return formatDate(addMonths(first, count - 1));
    },
  },
  bonjour: {
    label: 'salutation',
    deps: ['civilite', 'destinataire_nom'],
    describe: 'la salutation d’un courriel, « Bonjour Madame Durand » ou « Bonjour »',
    compute(raw) {
      const civilite = { madame: 'Madame', monsieur: 'Monsieur', maitre: 'Maître' }[raw.civilite ?? ''];
      const nom = (raw.destinataire_nom ?? '').trim();
      if (!civilite) return 'Bonjour';
      return civilite !== 'Maître' && nom ? `Bonjour ${civilite} ${nom}` : `Bonjour ${civilite}`;
    },
  },
};

/** Section flags set from the audience: `{{#pro}}…{{/pro}}`, `{{#particulier}}…{{/particulier}}`. */
export const AUDIENCE_FLAGS = ['pro', 'particulier'] as const;

/** The field the form adds to templates written for « tous »: who the recipient is. */
export const CLIENT_TYPE_FIELD = 'type_client';

/** Section flags set from who signs, in templates whose `sender` is « tous »: `{{#par_particulier}}…{{/par_particulier}}`. */
export const SENDER_FLAGS = ['par_entreprise', 'par_particulier'] as const;

/** The field the form adds to templates whose sender is « tous »: a company or a private person. */
export const SENDER_TYPE_FIELD = 'type_expediteur';

/** The section around the sender block, off when the draft already holds a signature. */
export const SENDER_BLOCK_FLAG = 'bloc_expediteur';
