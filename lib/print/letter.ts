/**
 * A letter laid out to be printed and posted: what the print page shows, built
 * in the mail page from the form's values and the postal details the user gave.
 * Plain data: it goes to the background, then to the print page, as JSON.
 */
import { formatDate, toIsoDate } from '../render/format';
import { render, signsAsPerson, type Values } from '../render/render';
import type { Template } from '../templates/types';
import { ADDRESS } from './layout';

/** What the « Imprimer en lettre » form asks, only for a printed letter. */
export interface PostalDetails {
  /** Who the letter is for: company, « À l'attention de … », or the person (one line each). */
  recipientName: string;
  /** Street, then postcode and town (one line each). */
  recipientAddress: string;
  /** Who signs, and the company heading the letter (remembered): a printed letter always has its sender block, even when the e-mail's signature stood for it. */
  senderName: string;
  senderCompany: string;
  /** The sender's street, postcode and town (remembered). */
  senderAddress: string;
  /** The town the letter is written from: « Lyon, le 23 novembre 2026 ». */
  place: string;
  /** Sent as « Lettre recommandée avec accusé de réception ». */
  registered: boolean;
  /** The registered letter's number, if typed. */
  registeredNumber: string;
}

export interface PrintLetter {
  /** The page's title (the subject). */
  title: string;
  sender: string[];
  recipient: string[];
  placeAndDate: string;
  /** « Lettre recommandée avec accusé de réception n° … », or null. */
  registered: string | null;
  subject: string;
  /** The body, greeting to closing formula, one string per line (empty line between paragraphs). */
  body: string[];
  signature: string[];
  attachments: string[];
}

export const lines = (text: string) => text.split(/\r?\n/).map((l) => l.replace(/\s+/g, ' ').trim()).filter(Boolean);

/**
 * The recipient block as La Poste reads it (NF Z 10-011): at most 6 lines; the
 * last one (postcode and town, or the country) in capitals.
 */
export function recipientBlock(postal: Pick<PostalDetails, 'recipientName' | 'recipientAddress'>): string[] {
  const all = [...lines(postal.recipientName), ...lines(postal.recipientAddress)];
  if (all.length) all[all.length - 1] = all[all.length - 1]!.toLocaleUpperCase('fr-FR');
  return all;
}

/** Problems of the postal details: `errors` block the printing, `notices` do not. French sentences. */
export function checkPostal(postal: PostalDetails): { errors: Partial<Record<keyof PostalDetails, string>>; notices: Partial<Record<keyof PostalDetails, string>> } {
  const errors: Partial<Record<keyof PostalDetails, string>> = {};
  const notices: Partial<Record<keyof PostalDetails, string>> = {};
  const address = lines(postal.recipientAddress);
  const block = recipientBlock(postal);
  if (!lines(postal.recipientName).length) errors.recipientName = 'Indiquez à qui la lettre est adressée (société ou personne).';
  if (!address.length) errors.recipientAddress = 'Indiquez l’adresse postale : la rue, puis le code postal et la ville.';
  else if (block.length > ADDRESS.maxLines)
    errors.recipientAddress = `L’adresse tient en ${block.length} lignes avec le destinataire : ${ADDRESS.maxLines} au plus, pour qu’elle reste dans la fenêtre de l’enveloppe.`;
  else if (!/^\d{5}\s/.test(address.at(-1)!) && !/^\p{L}[\p{L}' -]*$/u.test(address.at(-1)!))
    notices.recipientAddress = 'La dernière ligne d’une adresse en France commence par le code postal : « 75011 Paris » (à l’étranger, c’est le pays).';
  const long = block.find((l) => l.length > ADDRESS.maxChars);
  if (long && !errors.recipientAddress) notices.recipientAddress = `La ligne « ${long} » dépasse ${ADDRESS.maxChars} caractères : La Poste recommande de l’abréger.`;
  if (!postal.senderName.trim()) errors.senderName = 'Indiquez votre nom : il signe la lettre.';
  if (!lines(postal.senderAddress).length) errors.senderAddress = 'Indiquez votre adresse postale : elle figure en tête de la lettre.';
  if (!postal.place.trim()) errors.place = 'Indiquez la ville d’où vous écrivez : « Lyon, le 23 novembre 2026 ».';
  return { errors, notices };
}

/** « 69003 Lyon » or « 69003 LYON CEDEX 03 » → « Lyon »: the town a letter is dated from. */
export function placeFromAddress(address: string): string {
  const last = lines(address).at(-1) ?? '';
  const m = /^\d{5}\s+(.+?)(?:\s+cedex.*)?$/i.exec(last);
  if (!m) return '';
  const town = m[1]!.trim();
  return town === town.toUpperCase() ? town.toLowerCase().replace(/(^|[-\s'])(\p{L})/gu, (_, sep: string, c: string) => sep + c.toUpperCase()) : town;
}

/** The whole printed letter. The body comes without the sender block, which heads the page. */
export function buildPrintLetter(template: Template, values: Values, postal: PostalDetails, now: Date): PrintLetter {
  const rendered = render(template, values, now, { senderBlock: false });
  const person = signsAsPerson(template, values);
  const v = (name: string) => (values[name] ?? '').trim();
  const name = postal.senderName.trim() || v('expediteur_nom');
  const company = person ? '' : postal.senderCompany.trim() || v('expediteur_societe');
  const head = person || !company ? [name] : [company];
  const phone = v('expediteur_telephone');
  const registered = postal.registered ? `Lettre recommandée avec accusé de réception${postal.registeredNumber.trim() ? ` n°\u00A0${postal.registeredNumber.trim()}` : ''}` : null;
  return {
    title: rendered.subject,
    sender: [...head, ...lines(postal.senderAddress), ...(phone ? [`Tél.\u00A0: ${phone}`] : [])].filter(Boolean),
    recipient: recipientBlock(postal),
    placeAndDate: `${postal.place.trim()}, le ${formatDate(toIsoDate(now))}`,
    registered,
    subject: rendered.subject,
    body: rendered.text.split('\n'),
    signature: (person ? [name] : [name, v('expediteur_fonction')]).filter(Boolean),
    attachments: template.attachments,
  };
}
