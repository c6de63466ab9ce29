/**
 * Agreement tags: how a template writes a word that must agree with someone.
 *
 *   {{je:disposé|disposée}}                      the signer (« Vous signez : Madame / Monsieur »)
 *   {{vous:informé|informée|tenu au courant}}    the recipient, from the formule d'appel:
 *                                                Monsieur | Madame | « Madame, Monsieur » or « Maître »
 *                                                (the third form is wording that fits both)
 *   {{nombre_points:point|points}}               a number field: singular below 2, plural from 2
 *   {{article_genre:le|la}}                      a choice field whose options are masculin / feminin
 *   {{relances_precedentes:notre relance du|nos relances des}}
 *                                                a text field holding a list: plural when it says « et » or has a comma
 *
 * The tag is valid Mustache (a name with « : » in it), so template files, pack
 * files and the personal-template editor all read it; the renderer replaces it
 * with one of its forms before Mustache runs. Forms are plain text.
 */

/** The signer and the recipient, as referents. */
export const SIGNER = 'je';
export const RECIPIENT = 'vous';

/** The field that holds the signer's civility (« Vous signez »). */
export const SIGNER_GENDER_FIELD = 'expediteur_genre';
/** The field that holds the recipient's formule d'appel. */
export const RECIPIENT_FIELD = 'civilite';

/** Option values of a choice field that can be a gender referent. */
export const GENDER_OPTIONS = ['masculin', 'feminin'] as const;

/** `{{referent:form|form…}}` anywhere in a text; group 1 the referent, group 2 the forms. */
export const AGREEMENT_TAG = /\{\{\s*([a-z][a-z0-9_]*)\s*:([^{}]*)\}\}/g;

export interface AgreementTag {
  referent: string;
  forms: string[];
}

/** Reads the inside of a Mustache name token (« je:disposé|disposée »), or null when it is not an agreement tag. */
export function parseAgreement(name: string): AgreementTag | null {
  const m = /^([a-z][a-z0-9_]*)\s*:([\s\S]*)$/.exec(name.trim());
  if (!m) return null;
  return { referent: m[1]!, forms: m[2]!.split('|') };
}

/** How many forms a referent takes: 3 for the recipient, 2 for anything else. */
export function formCount(referent: string): number {
  return referent === RECIPIENT ? 3 : 2;
}

/**
 * Which form to use, from raw form values:
 * signer: 0 Monsieur, 1 Madame; recipient: 0 Monsieur, 1 Madame, 2 otherwise;
 * number: 0 singular (|n| < 2), 1 plural; gender field: 0 masculin, 1 feminin.
 */
export function formIndex(referent: string, kind: 'signer' | 'recipient' | 'number' | 'gender' | 'list', raw: string): number {
  const value = raw.trim();
  switch (kind) {
    case 'list':
      return /,|\bet\b/.test(value) ? 1 : 0;
    case 'signer':
      return value === 'madame' ? 1 : 0;
    case 'recipient':
      return value === 'madame' ? 1 : value === 'monsieur' ? 0 : 2;
    case 'gender':
      return value === 'feminin' ? 1 : 0;
    case 'number': {
      const n = Number(value.replace(/[\s\u00A0\u202F]/g, '').replace(',', '.'));
      return value && Number.isFinite(n) && Math.abs(n) < 2 ? 0 : 1;
    }
  }
}

/** Replaces every agreement tag by the form chosen for its referent (`choose` returns the form index). */
export function resolveAgreements(text: string, choose: (referent: string) => number): string {
  return text.replace(AGREEMENT_TAG, (_whole, referent: string, forms: string) => {
    const list = forms.split('|');
    return list[Math.min(choose(referent), list.length - 1)] ?? '';
  });
}
