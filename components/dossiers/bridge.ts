/**
 * What the palette asks of the page it runs in about dossiers and printing.
 * The palette's views know nothing of storage or of the mail client: the
 * compose session implements these (components/compose/dossiers.ts).
 */
import type { LibraryTemplate } from '../../lib/packs/library';
import type { Values } from '../../lib/render/render';
import type { LeadingRow } from '../SearchView';

export interface StepOption {
  uid: string;
  title: string;
  /** The letter suggested for this dossier now. */
  suggested: boolean;
}

/** A dossier's letter, opened from an offer: the template and everything already known. */
export interface OpenedDossier {
  key: string;
  template: LibraryTemplate;
  values: Values;
  /** Where it stands: « FA-2026-0142 · Durand SARL · 1 250,00 € · 1re relance le 5 novembre ». */
  summary: string;
  /** Every step the user may choose instead, with its letters. */
  choices: { label: string; letters: StepOption[] }[];
}

export interface DossierBridge {
  /** The offers for the query (empty: the message's recipients). */
  offers(query: string): LeadingRow[];
  /** The suggested letter of an offer, or the one chosen (uid) among its steps; null when it is gone. */
  open(key: string, uid?: string): Promise<OpenedDossier | null>;
}

export interface PrintBridge {
  /** Opens the letter's print view in a new tab (where the postal details are asked); throws an Error with a French message. */
  open(template: LibraryTemplate, values: Values): Promise<void>;
}
