/**
 * Linter rules about who writes and who reads, checked over the rendering
 * matrix (matrix.ts) rather than one sample:
 * - `agreement`: a word fixed in one gender where it agrees with the signer or the recipient;
 * - `audience-identical`: a « tous » letter that says the same words to a business and to a consumer;
 * - `consumer-business`: business-only wording reaching a consumer;
 * - `sender-person`: a private person's letter that speaks like a company;
 * - `field-example`: a text field with no example, so the preview does not read like a letter.
 */
import { agreementFindings } from './agreement-check';
import { describeVariant, renderMatrix, type Rendering } from './matrix';
import type { Severity } from './compile';
import type { Template } from './types';

export interface ReaderFinding {
  rule: string;
  severity: Severity;
  line: number;
  message: string;
}

type LineOf = (pattern: RegExp | string) => number;

/** Notions that make sense only between businesses, and what a consumer should read instead. */
const BUSINESS_ONLY: [RegExp, string][] = [
  [/indemnité forfaitaire|frais de recouvrement/i, 'l’indemnité forfaitaire de 40 € ne s’applique qu’entre professionnels (L441-10)'],
  [/\bL\.?\s?441-10\b|pénalités de retard/i, 'les pénalités de l’article L441-10 ne s’appliquent qu’entre professionnels ; à un particulier : intérêts au taux légal après mise en demeure'],
  [/\bvotre (entreprise|société|activité|établissement|raison sociale|service (comptable|achats|juridique))(?!\p{L})/iu, '« $& » : le destinataire est un particulier'],
  [/\bvos (services? comptables?|équipes|collaborateurs|salariés|clients|fournisseurs)(?!\p{L})/iu, '« $& » : le destinataire est un particulier'],
  [/\bmagasinier\b|\bbon de réception\b|\bKbis\b|\bSIRE[NT]\b|\bTVA intracommunautaire\b/i, '« $& » : notion d’entreprise adressée à un particulier'],
  [/\b(HT|hors taxes?)\b/, '« $& » : à un particulier, on annonce des prix TTC'],
  [/\bnos conditions générales de vente\b[^.\n]{0,60}\bprofessionnel/i, '« $& » : clause entre professionnels'],
];

/** What a private person never writes about themselves. */
const COMPANY_VOICE = /\b(notre (société|entreprise|maison|équipe|service client|clientèle|raison sociale)|nos (services|équipes|collaborateurs|clients|conditions générales)|notre service (commercial|comptable|client))(?!\p{L})/iu;

function clip(text: string, index: number, length: number): string {
  return text.slice(Math.max(0, index - 30), index + length + 10).replace(/\s+/g, ' ').trim();
}

function agreementRule(t: Template, matrix: Rendering[], lineOf: LineOf): ReaderFinding[] {
  const out: ReaderFinding[] = [];
  const seen = new Set<string>();
  for (const r of matrix) {
    const recipient = r.variant.civilite === 'madame' ? 'f' : r.variant.civilite === 'monsieur' ? 'm' : 'both';
    for (const f of agreementFindings(`${r.subject}\n${r.text}`, r.variant.signer === 'madame' ? 'f' : 'm', recipient)) {
      const key = `${f.who}:${f.word}:${f.expected}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const tag = f.who === 'signer' ? '{{je:…|…}}' : '{{vous:…|…|…}}';
      out.push({
        rule: 'agreement',
        severity: 'error',
        line: lineOf(f.word),
        message: `« ${f.context} » (${describeVariant(r.variant)}) : « ${f.word} » s’accorde avec ${f.who === 'signer' ? 'la personne qui signe' : 'le destinataire'} ; attendu : ${f.expected}. Écrivez ${tag} ou une tournure sans accord`,
      });
    }
  }
  return out;
}

function audienceRules(t: Template, matrix: Rendering[], lineOf: LineOf): ReaderFinding[] {
  const out: ReaderFinding[] = [];
  if (t.audience === 'tous' && !t.sameForBoth) {
    const pick = (audience: string) => matrix.find((r) => r.variant.audience === audience && r.variant.optional && r.variant.civilite === 'madame' && r.variant.signer === 'madame');
    const pro = pick('entreprise');
    const part = pick('particulier');
    if (pro && part && pro.text === part.text && pro.subject === part.subject)
      out.push({
        rule: 'audience-identical',
        severity: 'error',
        line: lineOf(/\S/),
        message: 'modèle « tous » : le texte est le même pour un professionnel et pour un particulier ; dites à chacun ce qui le concerne ({{#pro}}…{{/pro}}, {{#particulier}}…{{/particulier}}), ou expliquez pourquoi sous « same_for_both »',
      });
  }
  const seen = new Set<string>();
  for (const r of matrix) {
    if (r.variant.audience !== 'particulier') continue;
    const text = `${r.subject}\n${r.text}`;
    for (const [re, message] of BUSINESS_ONLY) {
      const m = re.exec(text);
      if (!m || seen.has(message)) continue;
      seen.add(message);
      out.push({ rule: 'consumer-business', severity: 'error', line: lineOf(m[0]), message: `« ${clip(text, m.index, m[0].length)} » : ${message.replace('$&', m[0])}` });
    }
  }
  return out;
}

function senderRule(matrix: Rendering[], lineOf: LineOf): ReaderFinding[] {
  for (const r of matrix) {
    if (r.variant.sender !== 'particulier') continue;
    const m = COMPANY_VOICE.exec(`${r.subject}\n${r.text}`);
    if (m)
      return [{ rule: 'sender-person', severity: 'error', line: lineOf(m[0]), message: `« ${m[0]} » dans la lettre d’un particulier : un particulier écrit « je » et signe de son nom (ou {{#par_entreprise}}…{{/par_entreprise}})` }];
  }
  return [];
}

function exampleRule(t: Template, lineOf: LineOf): ReaderFinding[] {
  return t.fields
    .filter((f) => (f.type === 'text' || f.type === 'longtext') && !f.placeholder)
    .map((f) => ({ rule: 'field-example', severity: 'error' as const, line: lineOf(`{{${f.name}`), message: `le champ « ${f.name} » (${f.label}) n’a pas d’exemple : ajoutez « placeholder », pour que l’aperçu se lise comme une vraie lettre` }));
}

export function readerRules(t: Template, lineOf: LineOf, matrix: Rendering[] = renderMatrix(t)): ReaderFinding[] {
  return [...agreementRule(t, matrix, lineOf), ...audienceRules(t, matrix, lineOf), ...senderRule(matrix, lineOf), ...exampleRule(t, lineOf)];
}
