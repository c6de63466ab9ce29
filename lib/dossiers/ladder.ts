/**
 * The payment ladder: which letters belong to it, in which order they come,
 * which one is next for a dossier and when, and what the next letter can be
 * filled with. Pure functions over the library and a dossier.
 *
 *   0 rappel avant échéance → 1 1re relance → 2 2e relance → 3 dernière relance
 *   → 4 mise en demeure → 5 recouvrement (commissaire de justice, cabinet)
 *
 * A letter belongs to the ladder when it asks for the invoice number and is a
 * reminder (`kind: relance` with its `level`), a formal notice (`mise_en_demeure`)
 * or a recovery mandate (`mandat_recouvrement`); a few built-in letters are placed
 * by id (RANK_OF_BUILTIN). Letters that acknowledge or thank for a payment close
 * the dossier (paymentRole). README « Suivi des relances » tells the decisions.
 */
import type { Values } from '../render/render';
import { addDays, formatShortDate, type IsoDate } from '../render/format';
import type { Audience, FieldDef } from '../templates/types';
import { amountInput, frenchDateList, type ClientType, type Dossier } from './model';
import { BUILTIN_PACK_ID, PERSONAL_PACK_ID } from '../packs/ids';

/** What the ladder needs to know of a template (a LibraryTemplate fits). */
export interface LadderTemplate {
  uid: string;
  id: string;
  packId: string;
  title: string;
  kind?: string;
  level?: number;
  audience: Audience;
  channel: string;
  fields: Pick<FieldDef, 'name' | 'options'>[];
}

export const RANKS: readonly { rank: number; label: string }[] = [
  { rank: 0, label: 'Rappel avant échéance' },
  { rank: 1, label: '1re relance' },
  { rank: 2, label: '2e relance' },
  { rank: 3, label: 'Dernière relance' },
  { rank: 4, label: 'Mise en demeure' },
  { rank: 5, label: 'Recouvrement' },
];
export const MISE_EN_DEMEURE = 4;
export const LAST_RANK = 5;

export function rankLabel(rank: number | null): string {
  return RANKS.find((r) => r.rank === rank)?.label ?? 'Courrier';
}

/**
 * Built-in letters placed by hand. « Transmission à un cabinet de recouvrement » is
 * marked as a last reminder in the library, but it announces that recovery has
 * started: after the formal notice, it is the recovery step a consumer can get.
 */
const RANK_OF_BUILTIN: Record<string, number> = {
  'transfert-dossier-cabinet-recouvrement': 5,
};

/** The built-in letter suggested first at each step, best first; the others of the step remain choices. */
const PREFERRED: Record<number, string[]> = {
  0: ['rappel-avant-echeance-60-jours'],
  1: ['rappel-paiement-en-retard', 'premier-rappel-courtois', 'relance-courtoise-obligations', 'relance-amiable-recouvrement'],
  2: ['deuxieme-relance-facture', 'relance-ton-ferme', 'relance-interet-payer-rapidement'],
  3: ['annonce-mesures-contraignantes', 'application-penalites-retard-cgv'],
  4: ['mise-en-demeure-payer-facture', 'mise-en-demeure-procedure-recouvrement', 'mise-en-demeure-proposition-rencontre', 'mise-en-demeure-petite-entreprise'],
  5: ['mandat-recouvrement-commissaire-justice', 'transfert-dossier-cabinet-recouvrement'],
};

/** After payment: thanks when paid on time, an acknowledgement (with thanks) when paid late. */
const THANKS_ON_TIME = 'remerciement-paiement-rapide';
const THANKS_LATE = 'accuse-reception-reglement';

/** Letters whose reader is not the debtor (a commissaire de justice): they never change who the dossier is about. */
const THIRD_PARTY_KINDS = new Set(['mandat_recouvrement']);

const has = (t: Pick<LadderTemplate, 'fields'>, name: string) => t.fields.some((f) => f.name === name);

/** The template's place on the ladder, or null when it is not part of it. */
export function rankOf(t: LadderTemplate): number | null {
  if (!has(t, 'facture_numero')) return null;
  if (t.packId === BUILTIN_PACK_ID && RANK_OF_BUILTIN[t.id] !== undefined) return RANK_OF_BUILTIN[t.id]!;
  if (t.kind === 'relance' && typeof t.level === 'number') return Math.max(0, Math.min(3, Math.round(t.level)));
  if (t.kind === 'mise_en_demeure') return MISE_EN_DEMEURE;
  if (t.kind === 'mandat_recouvrement') return LAST_RANK;
  return null;
}

/**
 * A letter about a payment received (it asks for the invoice and for the payment's
 * date or amount): it closes the dossier, or lowers the amount due when a balance
 * remains (see record.ts); null otherwise.
 */
export function paymentRole(t: LadderTemplate): 'reglement' | null {
  if (!has(t, 'facture_numero') || !(has(t, 'date_paiement') || has(t, 'montant_recu'))) return null;
  return t.kind === 'remerciement' || t.kind === 'accuse_reception' || t.kind === 'reglement_partiel' ? 'reglement' : null;
}

export function isThirdPartyLetter(t: Pick<LadderTemplate, 'kind'>): boolean {
  return THIRD_PARTY_KINDS.has(t.kind ?? '');
}

/** Whether a letter can go to this client: a consumer never gets a business-only letter, nor a business a consumer-only one. */
export function fitsClient(t: Pick<LadderTemplate, 'audience'>, client: ClientType): boolean {
  return t.audience === 'tous' || (t.audience === 'entreprise') === (client === 'pro');
}

function order(t: LadderTemplate, rank: number): number {
  if (t.packId === PERSONAL_PACK_ID) return 0;
  if (t.packId === BUILTIN_PACK_ID) {
    const i = (PREFERRED[rank] ?? []).indexOf(t.id);
    return i >= 0 ? 1 + i / 100 : 3;
  }
  return 2;
}

interface LadderIndex {
  /** The letters of each step, the suggested ones first. */
  byRank: Map<number, LadderTemplate[]>;
  /** Built-in letters by id. */
  builtin: Map<string, LadderTemplate>;
}

/** Built once per library (the palette asks at every keystroke, the settings page for every dossier). */
const indexes = new WeakMap<readonly LadderTemplate[], LadderIndex>();

function indexOf(templates: readonly LadderTemplate[]): LadderIndex {
  let index = indexes.get(templates);
  if (index) return index;
  const byRank = new Map<number, { t: LadderTemplate; key: number }[]>();
  const builtin = new Map<string, LadderTemplate>();
  templates.forEach((t, i) => {
    if (t.packId === BUILTIN_PACK_ID) builtin.set(t.id, t);
    const rank = rankOf(t);
    if (rank === null) return;
    byRank.set(rank, [...(byRank.get(rank) ?? []), { t, key: order(t, rank) * 100_000 + i }]);
  });
  index = { byRank: new Map([...byRank].map(([rank, list]) => [rank, list.toSorted((a, b) => a.key - b.key).map(({ t }) => t)])), builtin };
  indexes.set(templates, index);
  return index;
}

/** The letters of one step for this client, the suggested one first (the user's own letters come before the built-in ones). */
export function lettersFor<T extends LadderTemplate>(templates: readonly T[], rank: number, client: ClientType): T[] {
  return ((indexOf(templates).byRank.get(rank) ?? []) as T[]).filter((t) => fitsClient(t, client));
}

/** The highest step sent, -1 when none. */
export function reachedRank(d: Dossier): number {
  return Math.max(-1, ...d.steps.map((s) => s.rank ?? -1));
}

/** Whether at least one reminder (steps 1 to 3) was sent: the formal notice is only suggested after one. */
export function hadReminder(d: Dossier): boolean {
  return d.steps.some((s) => s.rank !== null && s.rank >= 1 && s.rank <= 3);
}

export interface NextStep<T extends LadderTemplate = LadderTemplate> {
  /** « relance »: the next rung; « merci »: the invoice was paid, thank the client. */
  kind: 'relance' | 'merci';
  rank: number | null;
  label: string;
  template: T;
  /** From when it makes sense to send it (today or earlier: now). */
  from: IsoDate;
}

/** Practice between two reminders when the last letter gave no deadline (research note §5.5: about a fortnight). */
export const DAYS_BETWEEN_STEPS = 15;

/** When the step after the last letter makes sense: the day after its deadline, else a fortnight later; after a pre-due reminder, the day after the due date. */
export function nextDate(d: Dossier): IsoDate | null {
  const last = d.steps.findLast((s) => s.rank !== null);
  if (!last) return d.dueDate ? addDays(d.dueDate, 1) : null;
  if (last.rank === 0) return d.dueDate ? addDays(d.dueDate, 1) : addDays(last.date, DAYS_BETWEEN_STEPS);
  return last.deadline ? addDays(last.deadline, 1) : addDays(last.date, DAYS_BETWEEN_STEPS);
}

/** The suggested next letter of a dossier, or null when there is none left to suggest. */
export function nextStep<T extends LadderTemplate>(d: Dossier, templates: readonly T[]): NextStep<T> | null {
  if (d.status === 'paye') {
    if (d.thankedOn) return null;
    const onTime = !!d.paidOn && !!d.dueDate && d.paidOn <= d.dueDate;
    const ids = onTime ? [THANKS_ON_TIME, THANKS_LATE] : [THANKS_LATE];
    const builtin = indexOf(templates).builtin;
    const template = ids.map((id) => builtin.get(id) as T | undefined).find((t) => t && fitsClient(t, d.client));
    return template ? { kind: 'merci', rank: null, label: onTime ? 'Remerciements' : 'Accusé de réception et remerciements', template, from: d.paidOn ?? d.updatedAt.slice(0, 10) } : null;
  }
  for (let rank = reachedRank(d) + 1; rank <= LAST_RANK; rank++) {
    if (rank === MISE_EN_DEMEURE && !hadReminder(d)) return null;
    const [template] = lettersFor(templates, rank, d.client);
    if (template) return { kind: 'relance', rank, label: rankLabel(rank), template, from: nextDate(d) ?? d.updatedAt.slice(0, 10) };
  }
  return null;
}

export interface StepChoice<T extends LadderTemplate = LadderTemplate> {
  rank: number;
  label: string;
  letters: T[];
}

/** Every step the user may choose for this dossier's client, each with its letters (the suggested one first). */
export function stepChoices<T extends LadderTemplate>(d: Dossier, templates: readonly T[]): StepChoice<T>[] {
  return RANKS.map(({ rank, label }) => ({ rank, label, letters: lettersFor(templates, rank, d.client) })).filter((c) => c.letters.length);
}

/** The dates of the reminders sent (steps 1 to 3), oldest first. */
export function reminderDates(d: Dossier): IsoDate[] {
  return d.steps.filter((s) => s.rank !== null && s.rank >= 1 && s.rank <= 3).map((s) => s.date);
}

/** The debtor as a letter to a third party names it: « Durand SARL, 12 rue des Tanneurs, 44000 Nantes ». */
function debtorLine(d: Dossier): string {
  const who = d.recipient.company || [{ madame: 'Madame', monsieur: 'Monsieur' }[d.recipient.civilite], d.recipient.name].filter(Boolean).join(' ');
  return [who, d.recipient.address.split('\n').map((l) => l.trim()).filter(Boolean).join(', ')].filter(Boolean).join(', ');
}

/**
 * What the dossier already knows, as form values for `template` (only its own
 * fields, only what is known): the invoice, the amount, the dates, the appel,
 * the earlier reminders' dates in French, the formal notice's date.
 */
export function prefill(d: Dossier, template: LadderTemplate): Values {
  const out: Values = {};
  const set = (name: string, value: string | null | undefined) => {
    if (value && has(template, name)) out[name] = value;
  };
  set('facture_numero', d.invoice);
  set('montant', d.amount === null ? '' : amountInput(d.amount));
  set('facture_date', d.invoiceDate && formatShortDate(d.invoiceDate));
  set('date_echeance', d.dueDate && formatShortDate(d.dueDate));
  set('type_client', d.client);
  if (!isThirdPartyLetter(template)) {
    const civilite = template.fields.find((f) => f.name === 'civilite');
    if (civilite?.options?.some((o) => o.value === d.recipient.civilite)) out.civilite = d.recipient.civilite;
    set('destinataire_nom', d.recipient.name);
    set('destinataire_societe', d.recipient.company);
  } else {
    set('debiteur', debtorLine(d));
  }
  const reminders = reminderDates(d);
  set('relances_precedentes', frenchDateList(reminders));
  set('date_premiere_relance', reminders[0] && formatShortDate(reminders[0]));
  const notice = d.steps.findLast((s) => s.rank === MISE_EN_DEMEURE);
  set('date_mise_en_demeure', notice && formatShortDate(notice.date));
  if (d.status === 'paye') {
    set('date_paiement', d.paidOn && formatShortDate(d.paidOn));
    set('montant_recu', d.amount === null ? '' : amountInput(d.amount));
  }
  return out;
}
