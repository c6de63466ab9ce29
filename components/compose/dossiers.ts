/**
 * The dossiers and the printed letter, for one palette session: which offers to
 * show for this message, the next letter prefilled, the postal details already
 * known, opening the print view (through the background), and recording what
 * was sent. The dossiers are read and written by the background (one writer
 * for every tab; the storage code stays out of the content script). Storage
 * problems never reach the palette as errors: a damaged dossier is set aside
 * (lib/dossiers/store.ts) and said once.
 */
import browser from 'webextension-polyfill';
import { ladderPart, nextStep, prefill, stepChoices, type NextStep } from '../../lib/dossiers/ladder';
import { clientLabel, invoiceKey, type Dossier } from '../../lib/dossiers/model';
import { findOffers, lastStepText, offerLabel } from '../../lib/dossiers/offers';
import type { Compose, MailAdapter } from '../../lib/mail/adapter';
import type { Message, Responses } from '../../lib/messages';
import type { LibraryTemplate } from '../../lib/packs/library';
import { buildPrintLetter, placeFromAddress } from '../../lib/print/letter';
import { formatAmount, toIsoDate } from '../../lib/render/format';
import { signsAsPerson, type Values } from '../../lib/render/render';
import { remember, rememberedFor, type RememberedProfiles } from '../../lib/storage';
import type { DossierBridge, OpenedDossier, PrintBridge } from '../dossiers/bridge';

/** Remembered with the sender's profile: the town letters are dated from. */
export const PLACE_FIELD = 'lieu_courrier';
export const SENDER_ADDRESS_FIELD = 'expediteur_adresse';

export const PRINT_FAILED = 'L’aperçu avant impression n’a pas pu s’ouvrir. Rechargez la page de votre messagerie, puis réessayez.';

interface Deps {
  adapter: MailAdapter;
  compose: Compose;
  templates(): LibraryTemplate[];
  remembered(): RememberedProfiles;
}

const CIVILITE: Record<string, string> = { madame: 'Madame', monsieur: 'Monsieur', maitre: 'Maître' };
const CIVILITE_SHORT: Record<string, string> = { madame: 'Mme', monsieur: 'M.', maitre: 'Me' };

export class DossierLink {
  private dossiers: Dossier[] = [];
  private tracking = false;
  /** The sender's address and town typed for a print in this session (remembered too, for the next ones). */
  private sender: { address: string; place: string } | null = null;

  constructor(private readonly deps: Deps) {}

  /** Reads the dossiers; returns the French sentences about what had to be set aside. */
  async load(): Promise<string[]> {
    try {
      const stored = (await browser.runtime.sendMessage({ type: 'get-dossiers' } satisfies Message)) as Responses['get-dossiers'];
      this.dossiers = stored.dossiers;
      this.tracking = stored.settings.tracking;
      return stored.problems;
    } catch {
      this.dossiers = [];
      return [];
    }
  }

  private emails(): string[] {
    return this.deps.adapter.recipients(this.deps.compose).map((r) => r.email);
  }

  private byInvoice(invoice: string): Dossier | undefined {
    const key = invoiceKey(invoice);
    return key ? this.dossiers.find((d) => invoiceKey(d.invoice) === key) : undefined;
  }

  readonly dossierBridge: DossierBridge = {
    offers: (query) => {
      if (!this.tracking) return [];
      const today = toIsoDate(new Date());
      return findOffers(this.dossiers, this.deps.templates(), { emails: this.emails(), query }, today).map((o) => ({ key: o.dossier.id, group: o.group, label: o.label }));
    },
    open: (key, uid) => {
      const d = this.dossiers.find((x) => x.id === key);
      if (!d) return null;
      const templates = this.deps.templates();
      const next = nextStep(d, templates);
      const template = (uid && templates.find((t) => t.uid === uid)) || next?.template;
      if (!template) return null;
      return this.opened(d, template, next);
    },
  };

  private opened(d: Dossier, template: LibraryTemplate, next: NextStep<LibraryTemplate> | null): OpenedDossier {
    const today = toIsoDate(new Date());
    const choices = stepChoices(d, this.deps.templates()).map((c) => ({
      label: c.label,
      letters: c.letters.map((t) => ({ uid: t.uid, title: t.title, suggested: t.uid === next?.template.uid })),
    }));
    if (next?.kind === 'merci') choices.unshift({ label: next.label, letters: [{ uid: next.template.uid, title: next.template.title, suggested: true }] });
    const summary = next ? offerLabel(d, next, today).replace(/ → .*$/, '') : [d.invoice, clientLabel(d), d.amount === null ? '' : formatAmount(d.amount), lastStepText(d, today)].filter(Boolean).join(' · ');
    return { key: d.id, template, values: prefill(d, template), summary, choices };
  }

  readonly printBridge: PrintBridge = {
    defaults: (template, values) => {
      const mem = rememberedFor(this.deps.remembered(), signsAsPerson(template, values) ? 'perso' : 'pro');
      const senderAddress = (values[SENDER_ADDRESS_FIELD] ?? '').trim() || this.sender?.address || mem[SENDER_ADDRESS_FIELD] || '';
      const d = template.kind === 'mandat_recouvrement' ? undefined : this.byInvoice(values.facture_numero ?? '');
      const company = (values.destinataire_societe ?? '').trim() || d?.recipient.company || '';
      const name = (values.destinataire_nom ?? '').trim() || d?.recipient.name || '';
      const civ = values.civilite || d?.recipient.civilite || '';
      const person = name ? [CIVILITE[civ], name].filter(Boolean).join(' ') : '';
      const recipientName = company ? [company, name ? `À l’attention de ${[CIVILITE_SHORT[civ], name].filter(Boolean).join(' ')}` : ''] : [person];
      return {
        senderName: (values.expediteur_nom ?? '').trim() || mem.expediteur_nom || '',
        senderCompany: (values.expediteur_societe ?? '').trim() || mem.expediteur_societe || '',
        recipientName: recipientName.filter(Boolean).join('\n'),
        recipientAddress: d?.recipient.address ?? '',
        senderAddress,
        place: this.sender?.place || mem[PLACE_FIELD] || placeFromAddress(senderAddress),
        registered: template.kind === 'mise_en_demeure' || values.envoi_recommande === 'true',
        registeredNumber: '',
      };
    },
    open: async (template, values, postal) => {
      const now = new Date();
      const letter = buildPrintLetter(template, values, postal, now);
      try {
        await browser.runtime.sendMessage({ type: 'open-print', letter } satisfies Message);
      } catch {
        throw new Error(PRINT_FAILED);
      }
      const profile = signsAsPerson(template, values) ? 'perso' : 'pro';
      this.sender = { address: postal.senderAddress, place: postal.place };
      const sender = { expediteur_nom: postal.senderName, [SENDER_ADDRESS_FIELD]: postal.senderAddress, [PLACE_FIELD]: postal.place, ...(profile === 'pro' && { expediteur_societe: postal.senderCompany }) };
      await remember(sender, profile).catch(() => undefined);
      await this.record(template, values, now, { address: postal.recipientAddress, registered: postal.registered ? postal.registeredNumber : null });
    },
  };

  /** After an insertion or a print: what the dossiers learn (nothing when tracking is off). */
  async record(template: LibraryTemplate, values: Values, now = new Date(), printed?: { address: string; registered: string | null }): Promise<void> {
    if (!this.tracking) return;
    const letter = { template: ladderPart(template), values, recipients: this.deps.adapter.recipients(this.deps.compose), at: now.getTime(), ...(printed && { printed }) };
    const changed = (await browser.runtime.sendMessage({ type: 'record-letter', letter } satisfies Message).catch(() => null)) as Responses['record-letter'];
    if (changed) this.dossiers = [...this.dossiers.filter((d) => d.id !== changed.id), changed];
  }
}
