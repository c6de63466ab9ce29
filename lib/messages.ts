/** Messages between the background, the content scripts and the settings page. */
import browser from 'webextension-polyfill';
import type { AssembledLibrary, SearchLibrary } from './packs/library';
import type { RefreshReport } from './packs/subscribe';
import type { PrintRequest } from './print/request';
import type { Dossier } from './dossiers/model';
import type { LetterRecord } from './dossiers/record';
import type { StoredDossiers } from './dossiers/store';
import type { DossierLetter, DossierOffers } from './dossiers/service';
import type { Preferences, Profile } from './remembered';

export type Message =
  | { type: 'open-palette' }
  | { type: 'get-library' }
  /** The library's search entries and its search index, prepared: what the palette needs first. */
  | { type: 'get-search' }
  | { type: 'refresh-packs' }
  | { type: 'open-print'; request: PrintRequest }
  /** The dossiers for a content script, read (and cleaned) by the background, which also records the letters sent. */
  | { type: 'get-dossiers' }
  /** What the palette offers from the dossiers, prepared by the background. */
  | { type: 'get-dossier-offers' }
  | { type: 'get-dossier-letter'; key: string; uid?: string }
  | { type: 'record-letter'; letter: LetterRecord }
  /** Recent templates, remembered identity and sender block setting, read from storage by the background. */
  | { type: 'get-preferences' }
  /** A letter was inserted: the template becomes the most recent, the sender fields shown are remembered in `profile`. */
  | { type: 'template-used'; uid: string; remember: Record<string, string>; profile: Profile };

export interface Responses {
  'get-library': AssembledLibrary;
  'get-search': SearchLibrary;
  'open-palette': void;
  'refresh-packs': RefreshReport[];
  /** The id of the print view opened. */
  'open-print': string;
  'get-dossiers': StoredDossiers;
  'get-dossier-offers': DossierOffers;
  'get-dossier-letter': DossierLetter | null;
  /** The dossier the letter changed, or null. */
  'record-letter': Dossier | null;
  'get-preferences': Preferences;
  'template-used': void;
}

/** Sends a message to the background and types its answer. */
export function send<T extends Message['type']>(message: Extract<Message, { type: T }>): Promise<Responses[T]> {
  return browser.runtime.sendMessage(message) as Promise<Responses[T]>;
}

export function isMessage<T extends Message['type']>(value: unknown, type: T): value is Extract<Message, { type: T }> {
  return !!value && typeof value === 'object' && (value as { type?: unknown }).type === type;
}

/** The name of the keyboard command declared in the manifest. */
export const OPEN_PALETTE_COMMAND = 'open-palette';
