/**
 * The dossiers and the printed letter, for one palette session. The background
 * prepares everything (the offers' rows, a dossier's letter prefilled, the
 * recording of what was sent): it holds the library and the dossiers, so two
 * tabs never write them over each other, and none of that code weighs on the
 * content script. Here: filter the rows as the user types (lib/dossiers/match.ts),
 * ask for a letter, open the print view. Storage problems never reach the
 * palette as errors: a damaged dossier is set aside (lib/dossiers/store.ts) and said.
 */
import { pickOffers, type OfferRow } from '../../lib/dossiers/match';
import type { Compose, MailAdapter } from '../../lib/mail/adapter';
import { send } from '../../lib/messages';
import type { LibraryTemplate } from '../../lib/packs/library';
import type { PrintRequest } from '../../lib/print/request';
import type { Values } from '../../lib/render/render';
import type { DossierBridge, PrintBridge } from '../dossiers/bridge';

export const PRINT_FAILED = 'L’aperçu avant impression n’a pas pu s’ouvrir. Rechargez la page de votre messagerie, puis réessayez.';

interface Deps {
  adapter: MailAdapter;
  compose: Compose;
  /** The whole templates (they may still be on their way). */
  templates(): Promise<LibraryTemplate[]>;
}

export class DossierLink {
  private rows: OfferRow[] = [];
  private tracking = false;

  constructor(private readonly deps: Deps) {}

  /** Reads the offers; returns the French sentences about what had to be set aside. */
  async load(): Promise<string[]> {
    try {
      const offers = await send({ type: 'get-dossier-offers' });
      this.rows = offers.rows;
      this.tracking = offers.tracking;
      return offers.problems;
    } catch {
      this.rows = [];
      return [];
    }
  }

  private recipients() {
    return this.deps.adapter.recipients(this.deps.compose);
  }

  readonly dossierBridge: DossierBridge = {
    offers: (query) => pickOffers(this.rows, { emails: this.recipients().map((r) => r.email), query }),
    open: async (key, uid) => {
      const letter = await send({ type: 'get-dossier-letter', key, ...(uid && { uid }) }).catch(() => null);
      const templates = await this.deps.templates().catch(() => []);
      const template = letter && templates.find((t) => t.uid === letter.uid);
      if (!letter || !template) return null;
      return { key: letter.key, template, values: letter.values, summary: letter.summary, choices: letter.choices };
    },
  };

  readonly printBridge: PrintBridge = {
    open: async (template, values) => {
      const request: PrintRequest = { template, values, recipients: this.recipients(), at: Date.now() };
      try {
        await send({ type: 'open-print', request });
      } catch {
        throw new Error(PRINT_FAILED);
      }
    },
  };

  /** After an insertion: what the dossiers learn (nothing when tracking is off). The print view records the printed letters. */
  async record(template: LibraryTemplate, values: Values, now = new Date()): Promise<void> {
    if (!this.tracking) return;
    await send({ type: 'record-letter', letter: { uid: template.uid, values, recipients: this.recipients(), at: now.getTime() } }).catch(() => null);
  }
}
