/**
 * The remembered sender identity and the user's preferences, as types and
 * pure helpers: what a mail page receives from the background (storage.ts
 * keeps them in storage.local).
 */
import { SENDER_TYPE_FIELD } from './render/computed';
import { SIGNER_GENDER_FIELD } from './templates/agreement';

/**
 * Who the remembered sender identity is: a professional profile (company letters)
 * and a personal one (a private person's letters). Filling one never overwrites
 * the other. `commun` holds what is the same person in both: how they sign.
 */
export type Profile = 'pro' | 'perso';
export interface RememberedProfiles {
  pro: Record<string, string>;
  perso: Record<string, string>;
  commun: Record<string, string>;
}

/** Remembered fields that belong to the person, whatever the profile. */
export const SHARED_REMEMBERED: readonly string[] = [SIGNER_GENDER_FIELD, SENDER_TYPE_FIELD];

/** The values a form of this profile starts from. */
export function rememberedFor(all: RememberedProfiles, profile: Profile): Record<string, string> {
  return { ...all[profile], ...all.commun };
}

/** Where the letter's own sender block goes: see senderBlockSetting. */
export type SenderBlockSetting = 'jamais' | 'sans-signature' | 'toujours';

/** What a palette starts from: recent templates, the remembered identity, where the sender block goes. */
export interface Preferences {
  recent: string[];
  remembered: RememberedProfiles;
  senderBlock: SenderBlockSetting;
}
