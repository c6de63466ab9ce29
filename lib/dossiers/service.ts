/**
 * The background's side of the dossiers: it holds the library, reads and
 * writes the dossiers, and answers the mail pages and the print view. The
 * content script gets ready-made rows and letters (its size is budgeted), and
 * two tabs never write the dossiers over each other.
 */
import { formatAmount, toIsoDate } from '../render/format';
import { nextStep, prefill, stepChoices, type LadderTemplate } from './ladder';
import type { OfferRow } from './match';
import { clientLabel, type Dossier } from './model';
import { lastStepText, offerLabel, offerRows } from './offers';
import { recordLetter, type LetterRecord } from './record';
import { loadDossiers } from './store';

export interface DossierOffers {
  tracking: boolean;
  rows: OfferRow[];
  /** French sentences about stored data set aside during this read. */
  problems: string[];
}

/** A dossier's letter as the palette opens it: the template (by uid), what is known, where it stands, the other steps. */
export interface DossierLetter {
  key: string;
  uid: string;
  values: Record<string, string>;
  summary: string;
  choices: { label: string; letters: { uid: string; title: string; suggested: boolean }[] }[];
}

export async function dossierOffers(templates: readonly LadderTemplate[], now = new Date()): Promise<DossierOffers> {
  const { dossiers, settings, problems } = await loadDossiers(now);
  if (!settings.tracking) return { tracking: false, rows: [], problems };
  return { tracking: true, rows: offerRows(dossiers, templates, toIsoDate(now)).map(({ offer: _offer, ...row }) => row), problems };
}

/** The suggested letter of a dossier, or the one chosen (uid) among its steps; null when either is gone. */
export async function dossierLetter(templates: readonly LadderTemplate[], key: string, uid?: string, now = new Date()): Promise<DossierLetter | null> {
  const { dossiers } = await loadDossiers(now);
  const d = dossiers.find((x) => x.id === key);
  if (!d) return null;
  const today = toIsoDate(now);
  const next = nextStep(d, templates);
  const template = (uid && templates.find((t) => t.uid === uid)) || next?.template;
  if (!template) return null;
  const choices = stepChoices(d, templates).map((c) => ({
    label: c.label,
    letters: c.letters.map((t) => ({ uid: t.uid, title: t.title, suggested: t.uid === next?.template.uid })),
  }));
  if (next?.kind === 'merci') choices.unshift({ label: next.label, letters: [{ uid: next.template.uid, title: next.template.title, suggested: true }] });
  const summary = next ? offerLabel(d, next, today).replace(/ → .*$/, '') : [d.invoice, clientLabel(d), d.amount === null ? '' : formatAmount(d.amount), lastStepText(d, today)].filter(Boolean).join(' · ');
  return { key: d.id, uid: template.uid, values: prefill(d, template), summary, choices };
}

/** Records a letter sent, its template found by uid in the library (a template gone since: nothing recorded). */
export async function recordByUid(templates: readonly LadderTemplate[], letter: LetterRecord): Promise<Dossier | null> {
  const template = templates.find((t) => t.uid === letter.uid);
  if (!template) return null;
  const { uid: _uid, at, ...rest } = letter;
  return recordLetter({ ...rest, template, now: new Date(at) });
}
