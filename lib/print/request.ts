/**
 * « Imprimer en lettre » from the palette: what the mail page hands to the
 * print view (the letter's template and values, the message's recipients),
 * and the postal details the print view starts from — the sender's remembered
 * name, company, address and town, the recipient's from the form and from the
 * invoice's dossier. The postal details are asked in the print view itself,
 * next to the sheet they change, so none of it weighs on the mail page.
 */
import type { Dossier } from '../dossiers/model';
import type { LibraryTemplate } from '../packs/library';
import { signsAsPerson, type Values } from '../render/render';
import { rememberedFor, type RememberedProfiles } from '../remembered';
import { placeFromAddress, type PostalDetails } from './letter';

export interface PrintRequest {
  template: LibraryTemplate;
  values: Values;
  /** The message's « À » recipients, for the dossier. */
  recipients: { name: string; email: string }[];
  /** When « Imprimer en lettre » was clicked (ms): the letter's date. */
  at: number;
}

/** Remembered with the sender's profile: the town letters are dated from. */
export const PLACE_FIELD = 'lieu_courrier';
export const SENDER_ADDRESS_FIELD = 'expediteur_adresse';

const CIVILITE: Record<string, string> = { madame: 'Madame', monsieur: 'Monsieur', maitre: 'Maître' };
const CIVILITE_SHORT: Record<string, string> = { madame: 'Mme', monsieur: 'M.', maitre: 'Me' };

export const profileOf = (request: Pick<PrintRequest, 'template' | 'values'>) => (signsAsPerson(request.template, request.values) ? 'perso' : 'pro');

/** The postal details already known. A letter to the commissaire de justice is not addressed to the debtor: no dossier address for it. */
export function postalDefaults(request: Pick<PrintRequest, 'template' | 'values'>, remembered: RememberedProfiles, dossier: Dossier | null): PostalDetails {
  const { template, values } = request;
  const v = (name: string) => (values[name] ?? '').trim();
  const mem = rememberedFor(remembered, profileOf(request));
  const d = template.kind === 'mandat_recouvrement' ? null : dossier;
  const company = v('destinataire_societe') || d?.recipient.company || '';
  const name = v('destinataire_nom') || d?.recipient.name || '';
  const civ = values.civilite || d?.recipient.civilite || '';
  const recipientName = company
    ? [company, name ? `À l’attention de ${[CIVILITE_SHORT[civ], name].filter(Boolean).join(' ')}` : '']
    : [name ? [CIVILITE[civ], name].filter(Boolean).join(' ') : ''];
  const senderAddress = v(SENDER_ADDRESS_FIELD) || mem[SENDER_ADDRESS_FIELD] || '';
  return {
    senderName: v('expediteur_nom') || mem.expediteur_nom || '',
    senderCompany: v('expediteur_societe') || mem.expediteur_societe || '',
    recipientName: recipientName.filter(Boolean).join('\n'),
    recipientAddress: d?.recipient.address ?? '',
    senderAddress,
    place: mem[PLACE_FIELD] || placeFromAddress(senderAddress),
    registered: template.kind === 'mise_en_demeure' || values.envoi_recommande === 'true',
    registeredNumber: '',
  };
}

/** What the sender typed in the print view, remembered in their profile for the next letters. */
export function senderToRemember(request: Pick<PrintRequest, 'template' | 'values'>, postal: PostalDetails): Record<string, string> {
  return {
    expediteur_nom: postal.senderName,
    [SENDER_ADDRESS_FIELD]: postal.senderAddress,
    [PLACE_FIELD]: postal.place,
    ...(profileOf(request) === 'pro' && { expediteur_societe: postal.senderCompany }),
  };
}
