/**
 * The rendering matrix: every template rendered with realistic values for each
 * kind of signer and reader it can have — signer Madame / Monsieur, recipient
 * Madame / Monsieur / « Madame, Monsieur » (and Maître where it applies),
 * business / consumer, company / private sender, optional passages on and off.
 * The linter's French rules and the Grammalecte check both read it.
 */
import { CLIENT_TYPE_FIELD, SENDER_TYPE_FIELD } from '../render/computed';
import { buildView, oneLine, renderText, type Values } from '../render/render';
import { RECIPIENT_FIELD, SIGNER_GENDER_FIELD } from './agreement';
import type { FieldDef, Template } from './types';

export type Civilite = 'madame' | 'monsieur' | 'madame_monsieur' | 'maitre';

export interface Variant {
  /** Which option every choice field takes (its index, modulo its number of options). */
  choice?: number;
  /** Text fields that a `{{champ:un|plusieurs}}` tag follows hold one item (« 5 octobre 2026 ») instead of a list. */
  single?: boolean;
  signer: 'madame' | 'monsieur';
  civilite: Civilite;
  audience: 'entreprise' | 'particulier';
  sender: 'entreprise' | 'particulier';
  /** Optional fields filled and boolean passages ticked. */
  optional: boolean;
}

export interface Rendering {
  variant: Variant;
  subject: string;
  text: string;
}

/** The date every matrix rendering is made on. */
export const MATRIX_NOW = new Date(2026, 10, 23);

/** Sample dates, in order of first use in the letter: past ones before MATRIX_NOW, future ones after it. */
const PAST_DATES = ['15/09/2026', '15/10/2026', '05/11/2026', '16/11/2026', '20/11/2026'];
const FUTURE_DATES = ['08/12/2026', '15/12/2026', '05/01/2027', '15/01/2027', '01/02/2027'];

/** A value a user could type in a field that has no placeholder; dates are staggered so that a letter's dates differ. */
function sample(field: FieldDef, dateRank: number): string {
  if (field.placeholder) return field.placeholder.replace(/\\n/g, '\n');
  switch (field.type) {
    case 'date': {
      if (field.default) return field.default;
      const dates = field.when === 'futur' ? FUTURE_DATES : PAST_DATES;
      return dates[Math.min(dateRank, dates.length - 1)]!;
    }
    case 'amount':
      return '1250';
    case 'number':
      return field.default ?? '8';
    case 'email':
      return 'claire.durand@exemple.fr';
    case 'boolean':
      return 'true';
    case 'choice':
      return field.default || field.options![0]!.value;
    default:
      return field.default ?? 'Durand';
  }
}

export function sampleValues(t: Template, v: Variant): Values {
  const values: Values = {};
  const ranks = { futur: 0, passe: 0 };
  for (const f of t.fields) {
    const rank = f.type === 'date' && !f.placeholder && !f.default ? ranks[f.when === 'futur' ? 'futur' : 'passe']++ : 0;
    if (!f.required && !v.optional) values[f.name] = f.type === 'boolean' ? 'false' : '';
    else if (f.type === 'choice' && v.choice) values[f.name] = f.options![v.choice % f.options!.length]!.value;
    else values[f.name] = sample(f, rank);
    // « 5 et 19 octobre 2026 » → « 19 octobre 2026 »: the last item alone.
    if (v.single && f.type === 'text' && listReferents(t).has(f.name)) values[f.name] = values[f.name]!.split(/,| et /).at(-1)!.trim();
  }
  values[RECIPIENT_FIELD] = v.civilite;
  values[SIGNER_GENDER_FIELD] = v.signer;
  if (values.destinataire_nom !== undefined || v.optional) values.destinataire_nom = 'Durand';
  values.expediteur_nom = v.signer === 'madame' ? 'Claire Martin' : 'Julien Martin';
  values[CLIENT_TYPE_FIELD] = v.audience === 'entreprise' ? 'pro' : 'particulier';
  values[SENDER_TYPE_FIELD] = v.sender;
  return values;
}

/** Whether « Maître » is a reader this template can have: its scenario writes to a lawyer, a commissaire de justice, a mandataire. */
function mayAddressMaitre(t: Template): boolean {
  return /commissaire de justice|huissier|avocat|mandataire|liquidateur|administrateur judiciaire/i.test([t.title, ...t.aliases].join(' '));
}

export function variants(t: Template): Variant[] {
  const audiences: Variant['audience'][] = t.audience === 'tous' ? ['entreprise', 'particulier'] : [t.audience];
  const senders: Variant['sender'][] = t.sender === 'tous' ? ['entreprise', 'particulier'] : [t.sender];
  const civilites: Civilite[] = ['madame', 'monsieur', 'madame_monsieur', ...(mayAddressMaitre(t) ? (['maitre'] as const) : [])];
  const out: Variant[] = [];
  for (const signer of ['madame', 'monsieur'] as const)
    for (const civilite of civilites)
      for (const audience of audiences)
        for (const sender of senders)
          for (const optional of [true, false]) out.push({ signer, civilite, audience, sender, optional });
  // Every option of every choice field, at least once (the sender and recipient fields are set above).
  const own = t.fields.filter((f) => f.type === 'choice' && !['civilite', 'expediteur_genre', 'type_client', 'type_expediteur'].includes(f.name));
  const most = Math.max(0, ...own.map((f) => f.options!.length));
  for (let choice = 1; choice < most; choice++)
    for (const audience of audiences) for (const sender of senders) out.push({ choice, signer: 'madame', civilite: 'madame', audience, sender, optional: true });
  if (listReferents(t).size) for (const audience of audiences) out.push({ single: true, signer: 'madame', civilite: 'madame', audience, sender: senders[0]!, optional: true });
  return out;
}

/** Text fields that an agreement tag follows (`{{relances_precedentes:notre relance du|nos relances des}}`). */
function listReferents(t: Template): Set<string> {
  const text = t.fields.filter((f) => f.type === 'text').map((f) => f.name);
  return new Set(text.filter((name) => t.body.includes(`{{${name}:`) || t.subject.includes(`{{${name}:`)));
}

export function renderVariant(t: Template, variant: Variant): Rendering {
  const view = buildView(t, sampleValues(t, variant), MATRIX_NOW);
  return { variant, subject: oneLine(renderText(t.subject, view)), text: renderText(t.body, view) };
}

export function renderMatrix(t: Template): Rendering[] {
  return variants(t).map((v) => renderVariant(t, v));
}

/** « signataire Madame, destinataire Madame, Monsieur, particulier, options remplies »: for messages. */
export function describeVariant(v: Variant): string {
  const civ = { madame: 'Madame', monsieur: 'Monsieur', madame_monsieur: '« Madame, Monsieur »', maitre: 'Maître' }[v.civilite];
  return `signé ${v.signer === 'madame' ? 'Madame' : 'Monsieur'}${v.sender === 'particulier' ? ' (particulier)' : ''}, à ${civ} (${v.audience === 'entreprise' ? 'professionnel' : 'particulier'}), ${v.optional ? 'options remplies' : 'options vides'}${v.choice ? `, choix n° ${v.choice + 1}` : ''}${v.single ? ', une seule date' : ''}`;
}
