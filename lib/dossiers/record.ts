/**
 * A letter was inserted (or printed): what the dossiers learn from it.
 * - a letter of the ladder opens the invoice's dossier, or adds a step to it, and
 *   updates what it tells (amount, dates, appel, recipient);
 * - a letter about a payment received closes the dossier as paid, or lowers the
 *   amount due when it states a balance still owed;
 * - any other letter changes nothing.
 * applyLetter is pure; recordLetter reads and writes storage.
 */
import { parseDate, parseDecimal } from '../render/parse';
import { toIsoDate } from '../render/format';
import { cleanName } from '../render/names';
import type { Values } from '../render/render';
import { isThirdPartyLetter, paymentRole, rankOf, type LadderTemplate } from './ladder';
import { invoiceKey, newId, type ClientType, type Dossier, type DossierStep } from './model';
import { getSettings, loadDossiers, markPaid, reopen, saveDossiers } from './store';

export interface SentLetter {
  template: LadderTemplate;
  values: Values;
  /** The message's « À » recipients, in order. */
  recipients: { name: string; email: string }[];
  now: Date;
  /** Printed to be posted: the recipient's postal address, and the registered-letter number if any. */
  printed?: { address: string; registered: string | null };
}

function clientOf(t: LadderTemplate, values: Values): ClientType | null {
  if (values.type_client === 'pro' || values.type_client === 'particulier') return values.type_client;
  if (t.audience === 'entreprise') return 'pro';
  if (t.audience === 'particulier') return 'particulier';
  return null;
}

function emptyDossier(invoice: string, client: ClientType, now: Date): Dossier {
  const at = now.toISOString();
  return {
    id: newId(),
    invoice,
    client,
    recipient: { email: '', name: '', company: '', civilite: '', address: '' },
    amount: null,
    invoiceDate: null,
    dueDate: null,
    steps: [],
    status: 'ouvert',
    createdAt: at,
    updatedAt: at,
  };
}

/** Adds a step; the same letter sent twice the same day (in the message, then printed) is one step. */
function withStep(d: Dossier, step: DossierStep): Dossier {
  const same = d.steps.findIndex((s) => s.date === step.date && s.uid === step.uid);
  if (same < 0) return { ...d, steps: [...d.steps, step] };
  const merged = { ...d.steps[same]!, ...step, printed: d.steps[same]!.printed || step.printed, registered: step.registered ?? d.steps[same]!.registered };
  if (!merged.printed) delete merged.printed;
  if (!merged.registered) delete merged.registered;
  return { ...d, steps: d.steps.map((s, i) => (i === same ? merged : s)) };
}

const text = (values: Values, name: string) => (values[name] ?? '').trim();

/** The dossiers after this letter, and the dossier it changed (null: none). */
export function applyLetter(dossiers: readonly Dossier[], letter: SentLetter): { dossiers: Dossier[]; changed: Dossier | null } {
  const { template: t, values, now } = letter;
  const unchanged = { dossiers: [...dossiers], changed: null };
  const rank = rankOf(t);
  const payment = paymentRole(t);
  const invoice = text(values, 'facture_numero');
  const key = invoiceKey(invoice);
  if ((rank === null && !payment) || !key) return unchanged;
  const today = toIsoDate(now);
  const existing = dossiers.find((d) => invoiceKey(d.invoice) === key);
  const step: DossierStep = { date: today, rank, uid: t.uid, title: t.title };
  let d: Dossier;

  if (payment) {
    // A payment letter only ever concerns a dossier already followed.
    if (!existing) return unchanged;
    const balance = parseDecimal(text(values, 'solde_restant') || text(values, 'solde'));
    d = withStep(existing, step);
    if (balance !== null && balance > 0) d = { ...d, amount: balance };
    else d = { ...(d.status === 'paye' ? d : markPaid(d, parseDate(text(values, 'date_paiement'), now) ?? today)), thankedOn: today };
  } else {
    const client = clientOf(t, values);
    d = existing ? (existing.status === 'paye' ? reopen(existing) : existing) : emptyDossier(invoice, client ?? 'pro', now);
    const amount = parseDecimal(text(values, 'montant'));
    d = {
      ...d,
      invoice,
      amount: amount ?? d.amount,
      invoiceDate: parseDate(text(values, 'facture_date'), now) ?? d.invoiceDate,
      dueDate: parseDate(text(values, 'date_echeance'), now) ?? d.dueDate,
    };
    // A letter to a third party (a commissaire de justice) tells nothing of the debtor.
    if (!isThirdPartyLetter(t)) {
      const to = letter.recipients.find((r) => r.email) ?? letter.recipients[0];
      d = {
        ...d,
        client: client ?? d.client,
        recipient: {
          email: to?.email.trim().toLowerCase() || d.recipient.email,
          name: text(values, 'destinataire_nom') || d.recipient.name || (to ? cleanName(to.name) : ''),
          company: text(values, 'destinataire_societe') || d.recipient.company,
          civilite: text(values, 'civilite') || d.recipient.civilite,
          address: letter.printed?.address.trim() || d.recipient.address,
        },
      };
    }
    const deadline = parseDate(text(values, 'date_limite'), now);
    if (deadline) step.deadline = deadline;
    if (letter.printed) {
      step.printed = true;
      if (letter.printed.registered !== null) step.registered = { number: letter.printed.registered.trim() };
    }
    d = withStep(d, step);
  }
  d = { ...d, updatedAt: now.toISOString() };
  return { dossiers: existing ? dossiers.map((x) => (x.id === existing.id ? d : x)) : [...dossiers, d], changed: d };
}

/** A letter as a page sends it to the background to be recorded: its template by uid, the date as a timestamp (JSON). */
export interface LetterRecord extends Omit<SentLetter, 'now' | 'template'> {
  uid: string;
  at: number;
}

/** Records the letter in storage when tracking is on; returns the dossier it changed. Never throws. */
export async function recordLetter(letter: SentLetter): Promise<Dossier | null> {
  try {
    if (!(await getSettings()).tracking) return null;
    const { dossiers } = await loadDossiers(letter.now);
    const next = applyLetter(dossiers, letter);
    if (next.changed) await saveDossiers(next.dossiers);
    return next.changed;
  } catch {
    return null;
  }
}
