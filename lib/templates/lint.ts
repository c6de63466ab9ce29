/**
 * Template linter: the checks of « French business letters » §8 that a
 * template can be held to, plus a few of our own about fields.
 *
 * Rules look at « renditions »: the template rendered with sample values for
 * each audience it can be sent to (a « tous » template is rendered once for a
 * business and once for a consumer). That is how a rule knows that the 40 €
 * indemnity sits inside a {{#pro}} section and never reaches a consumer.
 *
 * Severity « error » fails the build and the tests; « warning » is reported.
 */
import Mustache from 'mustache';
import { CLIENT_TYPE_FIELD } from '../render/computed';
import { renderText, buildView, type Values } from '../render/render';
import type { Problem, Severity } from './compile';
import type { Template } from './types';
import { readerRules } from './lint-readers';

export interface Rendition {
  audience: 'entreprise' | 'particulier';
  subject: string;
  text: string;
}

interface Context {
  template: Template;
  renditions: Rendition[];
  /** Line in the file of the first source line matching `pattern` (body, else subject line). */
  lineOf(pattern: RegExp | string): number;
}

interface Finding {
  line: number;
  message: string;
  severity?: Severity;
}

interface Rule {
  id: string;
  severity: Severity;
  check(ctx: Context): Finding[];
}

const SAMPLE_NOW = new Date(2026, 10, 23);

function sampleValue(t: Template, name: string): string {
  const field = t.fields.find((f) => f.name === name)!;
  switch (field.type) {
    case 'date':
      return '2026-10-15';
    case 'amount':
      return '1250';
    case 'number':
      return '8';
    case 'email':
      return 'nom@exemple.fr';
    case 'boolean':
      return 'true';
    case 'choice':
      return field.options![0]!.value;
    default:
      return 'Texte';
  }
}

export function renditions(t: Template): Rendition[] {
  const audiences: Rendition['audience'][] = t.audience === 'tous' ? ['entreprise', 'particulier'] : [t.audience];
  return audiences.map((audience) => {
    const values: Values = {};
    for (const f of t.fields) values[f.name] = sampleValue(t, f.name);
    if (t.audience === 'tous') values[CLIENT_TYPE_FIELD] = audience === 'entreprise' ? 'pro' : 'particulier';
    if (values.civilite !== undefined) values.civilite = 'madame';
    const view = buildView(t, values, SAMPLE_NOW);
    // Rules match words, not typography: no-break spaces read as spaces.
    const plain = (s: string) => renderText(s, view).replace(/[\u00A0\u202F]/g, ' ');
    return { audience, subject: plain(t.subject), text: plain(t.body) };
  });
}

/** Matches `re` in text, unless the match is preceded by « ancien », « ex- » or « anciennement ». */
function currentUse(text: string, re: RegExp): RegExpMatchArray | undefined {
  for (const m of text.matchAll(new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`))) {
    const before = text.slice(Math.max(0, m.index! - 16), m.index).toLowerCase();
    if (!/(ancien|ex-|anciennement)\s*(article\s*)?$/.test(before)) return m;
  }
  return undefined;
}

const all = (ctx: Context) => ctx.renditions.map((r) => `${r.subject}\n${r.text}`);

function textRule(id: string, severity: Severity, checks: [RegExp, string][]): Rule {
  return {
    id,
    severity,
    check(ctx) {
      const out: Finding[] = [];
      for (const [re, message] of checks) {
        const hit = all(ctx).map((t) => currentUse(t, re)).find(Boolean);
        if (hit) out.push({ line: ctx.lineOf(hit[0]), message: message.replace('$&', hit[0]) });
      }
      return out;
    },
  };
}

const L = String.raw`\bL\.?[\s\u00A0]?`;
const OBSOLETE_ARTICLES: [RegExp, string][] = [
  [new RegExp(`${L}441-6\\b`, 'i'), '« $& » est abrogé : délais et pénalités relèvent de l’article L441-10 du Code de commerce'],
  [new RegExp(`${L}441-[34]\\b`, 'i'), '« $& » est abrogé : les mentions de la facture relèvent de l’article L441-9'],
  [new RegExp(`${L}443-1\\b`, 'i'), '« $& » est abrogé : voir l’article L441-11'],
  [new RegExp(`${L}442-6\\b`, 'i'), '« $& » est abrogé : la rupture brutale relève de l’article L442-1 II'],
  [new RegExp(`${L}121-(16|20|21)(-\\d+)?\\b`, 'i'), '« $& » est abrogé : la rétractation relève des articles L221-18 et suivants du Code de la consommation'],
  [new RegExp(`${L}114-1\\b`, 'i'), '« $& » est abrogé : la livraison relève des articles L216-1 et suivants'],
  [new RegExp(`${L}138-[1-6]\\b`, 'i'), '« $& » est abrogé : la livraison relève des articles L216-1 et suivants'],
  [new RegExp(`${L}137-2\\b`, 'i'), '« $& » est abrogé : la prescription biennale relève de l’article L218-2'],
  [new RegExp(`${L}621-1(15|22)\\b`, 'i'), '« $& » est abrogé : la revendication relève des articles L624-9 et L624-16'],
  [/\b(article|art\.)\s?(1134|1139|1146|1147|1152|1153|1154|1184|1244-1)\b[^.\n]{0,40}(code civil|C\.\s?civ)/i, '« $& » cite un article du Code civil abrogé en 2016 (voir 1103, 1231, 1231-6, 1344, 1343-5…)'],
];

const rules: Rule[] = [
  textRule('obsolete-article', 'error', OBSOLETE_ARTICLES),
  {
    id: 'obsolete-article',
    severity: 'error',
    check(ctx) {
      const hit = all(ctx)
        .map((t) => currentUse(t, new RegExp(`${L}211-([4-9]|1[0-8])\\b`, 'i')))
        .find((m) => m && /conformit|garantie/i.test(m.input!.slice(Math.max(0, m.index! - 120), m.index! + 120)));
      return hit ? [{ line: ctx.lineOf(hit[0]), message: `« ${hit[0]} » : la garantie légale de conformité relève des articles L217-3 et suivants` }] : [];
    },
  },
  textRule('stale-delivery-article', 'error', [
    [new RegExp(`${L}216-[23]\\b[^.\\n]{0,80}(résolution|rembours)`, 'i'), '« $& » : numérotation antérieure à 2021 ; résolution : L216-6, remboursement : L216-7'],
  ]),
  textRule('wrong-figure', 'error', [
    [/(7 jours francs|sept jours)[^.\n]{0,80}rétractation|rétractation[^.\n]{0,80}(7 jours francs|sept jours)/i, 'le délai de rétractation est de 14 jours (L221-18), pas « $& »'],
    [/6 mois[^.\n]{0,80}(conformité|présum)|(conformité|présum)[^.\n]{0,80}6 mois/i, 'la présomption de défaut de conformité est de 24 mois (12 mois d’occasion), pas 6 mois'],
    [/1[,.]5 fois le taux/i, '« $& » : le plancher des pénalités est de trois fois le taux d’intérêt légal depuis 2009'],
    [/BCE\s*\+\s*7/i, '« $& » : le taux par défaut est le taux BCE majoré de 10 points'],
  ]),
  textRule('obsolete-institution', 'error', [
    [/\bhuissiers?\b/i, '« $& » : depuis 2022, on dit « commissaire de justice »'],
    [/tribunal d['’]instance|tribunal de grande instance|\bTGI\b|juridiction de proximité/i, '« $& » n’existe plus : « tribunal judiciaire » depuis 2020'],
    [/\b(Mademoiselle|Mlle|Melle)\b/, '« $& » n’est plus employé dans les courriers (circulaire du 21 février 2012) : « Madame »'],
  ]),
  textRule('hard-coded-rate', 'error', [
    [/\d{1,2}[,.]\d{1,2}\s?%[^.\n]{0,60}(BCE|taux légal|pénalit)|(BCE|taux légal|pénalit)[^.\n]{0,60}\d{1,2}[,.]\d{1,2}\s?%/i, '« $& » : un taux change chaque semestre, il doit venir d’un champ, pas du texte'],
    [/indemnité forfaitaire[^.\n]{0,60}\b(?!40\b)\d+[\s\u00A0]?(€|euros)/i, '« $& » : l’indemnité forfaitaire pour frais de recouvrement est de 40 € (D441-5)'],
  ]),
  textRule('pending-law', 'warning', [
    [/renon\w* (aux|à) (pénalités|l['’]indemnité)/i, '« $& » : une renonciation aux pénalités pourrait être réputée non écrite (proposition de loi adoptée par le Sénat en 2026)'],
  ]),
  {
    id: 'bailiff-imitation',
    severity: 'error',
    check(ctx) {
      // A letter to a court may ask for the « formule exécutoire »; none may look like a court or bailiff act.
      const toCourt = ctx.template.kind === 'courrier_juridiction';
      const re = toCourt
        ? /commandement de payer|sommation d['’]huissier|République française/i
        : /commandement de payer|sommation d['’]huissier|\bsignification\b|acte d['’]exécution|saisie immédiate|formule exécutoire|République française/i;
      const hit = all(ctx).map((t) => re.exec(t)).find(Boolean);
      return hit ? [{ line: ctx.lineOf(hit[0]), message: `« ${hit[0]} » imite un acte de justice (article 433-13 du Code pénal) : un créancier ne l’écrit pas lui-même` }] : [];
    },
  },
  {
    id: 'reserve-propriete',
    severity: 'error',
    check(ctx) {
      const t = ctx.template;
      if (t.kind !== 'reserve_propriete') return [];
      const out: Finding[] = [];
      const need = (ok: boolean, message: string) => ok || out.push({ line: ctx.lineOf(/./), message });
      for (const r of ctx.renditions) {
        need(/réserve de propriété/i.test(r.text), 'une revendication cite la clause de réserve de propriété');
        need(/recommandée/i.test(r.text), 'une revendication part en lettre recommandée avec accusé de réception (article L624-9 du Code de commerce)');
      }
      need(t.channel === 'lettre', 'une revendication est un courrier formel (channel: lettre)');
      need(t.fields.some((f) => f.type === 'longtext'), 'une revendication désigne les marchandises, identifiables en nature (champ longtext)');
      return dedupe(out);
    },
  },
  {
    // Commercial messages to consumers say how to stop receiving them, with a field for the link.
    id: 'commercial-optout',
    severity: 'error',
    check(ctx) {
      const t = ctx.template;
      if (t.kind !== 'prospection' || t.audience === 'entreprise') return [];
      const out: Finding[] = [];
      if (!t.fields.some((f) => f.name === 'lien_desinscription')) out.push({ line: ctx.lineOf(/./), message: 'un message commercial à des particuliers propose la désinscription : ajoutez le champ « lien_desinscription »' });
      for (const r of ctx.renditions) {
        if (!/ne plus recevoir|désinscri/i.test(r.text)) out.push({ line: ctx.lineOf(/./), message: 'un message commercial à des particuliers dit comment ne plus en recevoir' });
      }
      return dedupe(out);
    },
  },
  {
    // The seller answers for the parcel until the consumer has it (C. conso L216-4): never send the consumer to the carrier.
    id: 'carrier-consumer',
    severity: 'error',
    check(ctx) {
      if (ctx.template.audience === 'entreprise') return [];
      const hit = ctx.renditions.map((r) => /(adressez-vous|contactez|voyez|rapprochez-vous|réclamez)[^.]{0,40}transporteur/i.exec(r.text)).find(Boolean);
      return hit ? [{ line: ctx.lineOf('transporteur'), message: 'un vendeur ne renvoie pas le consommateur vers le transporteur : le colis est à ses risques jusqu’à la livraison (article L216-4 du Code de la consommation)' }] : [];
    },
  },
  {
    // A quote or an offer says until when it holds.
    id: 'quote-validity',
    severity: 'error',
    check(ctx) {
      if (ctx.template.kind !== 'devis') return [];
      return ctx.renditions.some((r) => !/valable|validité/i.test(r.text)) ? [{ line: ctx.lineOf(/./), message: 'un devis ou une offre dit jusqu’à quand il est valable' }] : [];
    },
  },
  {
    // An invitation gives the date, the time or the place, and how to answer.
    id: 'invitation-content',
    severity: 'error',
    check(ctx) {
      const t = ctx.template;
      if (t.kind !== 'invitation') return [];
      const out: Finding[] = [];
      const need = (ok: boolean, message: string) => ok || out.push({ line: ctx.lineOf(/./), message });
      need(t.fields.some((f) => f.type === 'date' || /date/i.test(f.name)), 'une invitation donne la date (un champ de date)');
      need(t.fields.some((f) => /lieu|horaire|heure|adresse/i.test(`${f.name} ${f.label}`)), 'une invitation donne l’heure et le lieu (un champ « lieu », « horaires » ou « adresse »)');
      for (const r of ctx.renditions) need(/répon|confirm|inscri|entrée libre|réserv/i.test(r.text), 'une invitation dit comment répondre (confirmer, s’inscrire) ou que l’entrée est libre');
      return dedupe(out);
    },
  },
  {
    // A consumer is never sent an equivalent item instead of the one ordered without saying yes, and can ask for a refund.
    id: 'substitution-consent',
    severity: 'error',
    check(ctx) {
      const t = ctx.template;
      if (t.audience === 'entreprise') return [];
      const out: Finding[] = [];
      for (const r of ctx.renditions) {
        if (!/(produit|article) (de remplacement|équivalent)|à la place/i.test(r.text) || !/(indisponible|rupture|plus disponible|ne pourrons pas vous (livrer|fournir))/i.test(r.text)) continue;
        if (!/accord/i.test(r.text) || !/rembours|annuler/i.test(r.text))
          out.push({ line: ctx.lineOf(/remplacement|équivalent|à la place/), message: 'un article de remplacement n’est envoyé qu’avec l’accord exprès du client, qui peut préférer le remboursement' });
      }
      return dedupe(out);
    },
  },
  {
    id: 'effet-de-commerce',
    severity: 'error',
    check(ctx) {
      const t = ctx.template;
      if (t.kind !== 'traite') return [];
      const out: Finding[] = [];
      for (const r of ctx.renditions) {
        if (!/lettres? de change|billets? à ordre|traites?|LCR/i.test(r.text)) out.push({ line: ctx.lineOf(/./), message: 'le courrier nomme l’effet (lettre de change, billet à ordre, LCR)' });
      }
      if (!t.fields.some((f) => f.type === 'amount')) out.push({ line: ctx.lineOf(/./), message: 'un courrier sur un effet de commerce en indique le montant' });
      if (!t.fields.some((f) => f.type === 'date')) out.push({ line: ctx.lineOf(/./), message: 'un courrier sur un effet de commerce en indique l’échéance' });
      return dedupe(out);
    },
  },
  {
    id: 'declaration-creance',
    severity: 'error',
    check(ctx) {
      const t = ctx.template;
      if (t.kind !== 'declaration_creance') return [];
      const out: Finding[] = [];
      for (const r of ctx.renditions) {
        if (!/mandataire judiciaire|liquidateur|représentant des créanciers/i.test(r.text))
          out.push({ line: ctx.lineOf(/./), message: 'une déclaration de créance s’adresse au mandataire judiciaire ou au liquidateur' });
        if (!/BODACC/.test(r.text)) out.push({ line: ctx.lineOf(/./), message: 'une déclaration de créance rappelle la publication au BODACC, point de départ du délai de deux mois' });
      }
      if (!t.fields.some((f) => f.type === 'amount')) out.push({ line: ctx.lineOf(/./), message: 'une déclaration de créance chiffre la créance' });
      if (t.channel !== 'lettre') out.push({ line: ctx.lineOf(/./), message: 'une déclaration de créance est un courrier formel (channel: lettre)' });
      return dedupe(out);
    },
  },
  {
    id: 'consumer-costs',
    severity: 'error',
    check(ctx) {
      const out: Finding[] = [];
      for (const r of ctx.renditions.filter((x) => x.audience === 'particulier')) {
        const hit =
          /indemnité forfaitaire|\b40[\s\u00A0]?(€|euros)|frais de (relance|recouvrement|dossier)|\bBCE\b|10 points|L\.?\s?441-10|D\.?\s?441-5/i.exec(`${r.subject}\n${r.text}`);
        if (hit) out.push({ line: ctx.lineOf(hit[0]), message: `« ${hit[0]} » ne s’applique pas à un particulier (L441-10 et D441-5 visent les professionnels ; L111-8 CPCE) : placez-le dans {{#pro}}…{{/pro}}` });
      }
      return out;
    },
  },
  {
    id: 'business-penalties',
    severity: 'error',
    check(ctx) {
      const { kind, level } = ctx.template;
      const firm = kind === 'mise_en_demeure' || (kind === 'relance' && (level ?? 1) >= 2);
      if (!firm) return [];
      const out: Finding[] = [];
      for (const r of ctx.renditions.filter((x) => x.audience === 'entreprise')) {
        if (!/pénalités de retard/i.test(r.text)) out.push({ line: ctx.lineOf(/./), message: 'une relance ferme ou une mise en demeure entre professionnels rappelle les pénalités de retard (L441-10)' });
        if (!/indemnité forfaitaire pour frais de recouvrement/i.test(r.text) || !/40[\s\u00A0]?€/.test(r.text))
          out.push({ line: ctx.lineOf(/./), message: 'une relance ferme ou une mise en demeure entre professionnels rappelle l’indemnité forfaitaire pour frais de recouvrement de 40 € ({{indemnite_forfaitaire}})' });
      }
      return out;
    },
  },
  {
    id: 'consumer-interest',
    severity: 'error',
    check(ctx) {
      if (ctx.template.kind !== 'mise_en_demeure') return [];
      return ctx.renditions
        .filter((r) => r.audience === 'particulier' && !/intérêts au taux légal/i.test(r.text))
        .map(() => ({ line: ctx.lineOf(/./), message: 'une mise en demeure adressée à un particulier indique que les intérêts au taux légal courent à compter de sa réception (C. civ. 1231-6, 1344-1)' }));
    },
  },
  {
    id: 'mise-en-demeure',
    severity: 'error',
    check(ctx) {
      const t = ctx.template;
      if (t.kind !== 'mise_en_demeure') return [];
      const out: Finding[] = [];
      const need = (ok: boolean, message: string, at: RegExp | string = /./) => {
        if (!ok) out.push({ line: ctx.lineOf(at), message });
      };
      need(/^mise en demeure/i.test(t.subject), 'l’objet d’une mise en demeure commence par « Mise en demeure »', t.subject);
      for (const r of ctx.renditions) {
        need(/mise en demeure|mettons en demeure|mets en demeure/i.test(r.text), 'le corps doit contenir les mots « mise en demeure » ou « mettons en demeure »');
        need(t.fields.some((f) => f.type === 'amount'), 'une mise en demeure de payer indique le montant exact réclamé');
        need(t.fields.some((f) => /numero|reference/.test(f.name)), 'une mise en demeure rappelle la référence de la facture, de la commande ou du contrat');
        need(/délai de|au plus tard le|avant le/i.test(r.text), 'une mise en demeure fixe un délai (« dans un délai de … jours », « au plus tard le … »)');
        need(/(à défaut|faute de)[^.]{0,300}(procédure|juridiction|tribunal|injonction|action|justice)/is.test(r.text), 'une mise en demeure annonce les suites : « À défaut … nous saisirons la juridiction compétente »');
        need(/intérêts|pénalités/i.test(r.text), 'une mise en demeure indique que des intérêts ou des pénalités courent');
        need(/relance|rappel/i.test(r.text), 'une mise en demeure rappelle les relances restées sans effet', /./);
      }
      return dedupe(out);
    },
  },
  {
    id: 'relance-content',
    severity: 'error',
    check(ctx) {
      const t = ctx.template;
      if (t.kind !== 'relance') return [];
      const out: Finding[] = [];
      const names = new Set(t.fields.map((f) => f.name));
      for (const [name, label] of [
        ['facture_numero', 'le numéro de la facture'],
        ['facture_date', 'la date de la facture'],
        ['date_echeance', 'la date d’échéance'],
        ['montant', 'le montant'],
      ] as const) {
        if (!names.has(name)) out.push({ line: ctx.lineOf(/./), message: `une relance indique ${label} ({{${name}}})` });
      }
      if (!/\{\{facture_numero\}\}/.test(t.subject)) out.push({ line: ctx.lineOf(t.subject), message: 'l’objet d’une relance contient le numéro de facture ({{facture_numero}})' });
      for (const r of ctx.renditions) {
        if (!/virement|IBAN|chèque|règlement par|paiement en ligne|moyens? de paiement/i.test(r.text))
          out.push({ line: ctx.lineOf(/./), message: 'une relance dit comment payer (virement, IBAN, chèque…)' });
        const med = /mise en demeure/i.exec(r.text);
        if (med && (t.level ?? 1) < 3) out.push({ line: ctx.lineOf(med[0]), message: 'une relance amiable ne parle pas encore de mise en demeure (gardez l’escalade lisible)', severity: 'warning' });
        const threat = /poursuites pénales|fichage|fiché|plainte/i.exec(r.text);
        if (threat) out.push({ line: ctx.lineOf(threat[0]), message: `« ${threat[0]} » : menace sans fondement dans une relance` });
      }
      return dedupe(out);
    },
  },
  {
    id: 'payment-plan',
    severity: 'error',
    check(ctx) {
      const t = ctx.template;
      if (t.kind !== 'echeancier' && t.kind !== 'delai_paiement') return [];
      const out: Finding[] = [];
      if (!t.fields.some((f) => f.type === 'date')) out.push({ line: ctx.lineOf(/./), message: 'un délai ou un échéancier indique la ou les nouvelles dates' });
      if (!t.fields.some((f) => f.type === 'amount')) out.push({ line: ctx.lineOf(/./), message: 'un délai ou un échéancier indique les montants' });
      for (const r of ctx.renditions) {
        if (t.kind === 'echeancier' && !/(à défaut|faute|défaut de paiement|non-paiement|non respect|non-respect)[^.]{0,200}(échéance|mensualité|versement)/is.test(r.text))
          out.push({ line: ctx.lineOf(/./), message: 'un échéancier dit ce qui se passe si une échéance n’est pas payée' });
        if (!/pénalité|intérêt/i.test(r.text)) out.push({ line: ctx.lineOf(/./), message: 'un délai ou un échéancier dit si des pénalités ou des intérêts courent pendant le délai' });
      }
      return dedupe(out);
    },
  },
  {
    id: 'formule-appel',
    severity: 'error',
    check(ctx) {
      const first = ctx.template.body.split('\n').find((l) => l.trim())?.trim() ?? '';
      const ok =
        /^\{\{(civilite|bonjour)\}\},$/.test(first) ||
        /^(Madame, Monsieur|Madame|Monsieur|Mesdames, Messieurs|Madame la \p{L}+|Monsieur le \p{L}+|Maître|Cher Monsieur|Chère Madame|Bonjour|Bonjour \{\{[a-z_]+\}\})[^\n]*,$/u.test(first);
      if (!ok) return [{ line: ctx.template.source?.bodyLine ?? 1, message: `la première ligne est la formule d’appel (« {{civilite}}, », « {{bonjour}}, », « Madame, Monsieur, »), pas « ${first} »` }];
      if (/^(Madame|Monsieur) [A-Z][\p{Ll}-]+,$/u.test(first)) return [{ line: ctx.template.source?.bodyLine ?? 1, message: 'pas de nom de famille dans la formule d’appel d’un courrier', severity: 'warning' }];
      return [];
    },
  },
  {
    id: 'closing',
    severity: 'error',
    check(ctx) {
      const t = ctx.template;
      const out: Finding[] = [];
      const formal = t.channel === 'lettre' || t.kind === 'mise_en_demeure';
      for (const r of ctx.renditions) {
        const appel = r.text.split('\n')[0]!.replace(/,$/, '');
        const letterClosing = r.text.split('\n').find((l) => /\b(agréer|recevoir|croire)\b/.test(l) && /salutations|considération|respect|sentiments|expression/.test(l));
        const emailClosing = /^(Cordialement|Bien cordialement|Très cordialement|Bien à vous|Sincères salutations|Avec (?:tous )?(?:mes|nos) (?:vifs |sincères )?remerciements|Meilleures salutations),?$/m.test(r.text);
        if (formal && !letterClosing) out.push({ line: ctx.lineOf(/./), message: 'un courrier formel se termine par une formule de politesse (« Je vous prie d’agréer, {{civilite}}, mes salutations distinguées. »)' });
        if (!letterClosing && !emailClosing) out.push({ line: ctx.lineOf(/./), message: 'il manque une formule de politesse (« Bien cordialement, », « Je vous prie d’agréer… »)' });
        if (letterClosing && !appel.startsWith('Bonjour') && !letterClosing.includes(`${appel},`))
          out.push({ line: ctx.lineOf(/agréer|recevoir|croire/), message: `la formule de politesse reprend la formule d’appel (« ${appel} ») : « Veuillez agréer, ${appel}, … »` });
        const abbreviation = /\b(Cdt|Cdlt|Bien cdt|BAV|Slt|Bisous|Amicalement)\b/i.exec(r.text);
        if (abbreviation) out.push({ line: ctx.lineOf(abbreviation[0]), message: `« ${abbreviation[0]} » n’a pas sa place dans un courrier professionnel` });
        const expression = /l['’]expression de (mes|nos) (meilleures |sincères )?salutations/i.exec(r.text);
        if (expression) out.push({ line: ctx.lineOf(expression[0]), message: '« l’expression de nos salutations » est critiqué par l’Académie : « nos salutations distinguées »', severity: 'warning' });
        if (/\bsentiments\b/.test(letterClosing ?? '')) out.push({ line: ctx.lineOf('sentiments'), message: 'préférez « salutations » à « sentiments » dans un courrier d’affaires', severity: 'warning' });
      }
      return dedupe(out);
    },
  },
  // Word boundaries that know accented letters: « êtes » is not « tes ».
  textRule('vouvoiement', 'error', [[/(?<!\p{L})(tu|toi|ton|ta|tes|t['’]as|t['’]es)(?!\p{L})/iu, '« $& » : les modèles vouvoient toujours le destinataire']]),
  {
    id: 'author-voice',
    severity: 'warning',
    check(ctx) {
      return ctx.renditions.some((r) => /(^|[\s.])je\s/i.test(r.text) && /(^|[\s.])nous (vous|avons|sommes|restons|vous remercions|constatons)/i.test(r.text))
        ? [{ line: ctx.lineOf(/\bje\b/i), message: 'le modèle mélange « je » et « nous » pour l’expéditeur' }]
        : [];
    },
  },
  {
    id: 'attachments',
    severity: 'error',
    check(ctx) {
      const hit = all(ctx).map((t) => /ci-joint|ci-jointe|en pièce jointe|vous trouverez joint/i.exec(t)).find(Boolean);
      return hit && ctx.template.attachments.length === 0
        ? [{ line: ctx.lineOf(hit[0]), message: `« ${hit[0]} » : listez les pièces à joindre dans « attachments » pour que le formulaire les rappelle` }]
        : [];
    },
  },
  textRule('placeholder', 'error', [
    [/\[(insérer|à compléter|indiquer|préciser|nom|date|montant)[^\]]*\]/i, '« $& » : un blanc à remplir doit être un champ {{…}}'],
    [/\bX{3,}\b/, '« $& » : un blanc à remplir doit être un champ {{…}}'],
    [/\.\.\.|…/, '« $& » : points de suspension laissés comme blanc ? Écrivez la phrase ou ajoutez un champ'],
    [/_{3,}/, '« $& » : un blanc à remplir doit être un champ {{…}}'],
    [/<\/?[a-z][^>]*>/i, '« $& » : le corps est du texte, pas du HTML'],
    [/\b(TODO|TBD|N\/A|Lorem ipsum)\b/i, '« $& » : texte provisoire'],
    [/\(\*\)|rayez la mention inutile/i, '« $& » : choisissez la mention (champ de type choice) au lieu de la laisser au lecteur'],
  ]),
  textRule('date-format', 'error', [
    [/(?<!\p{L})(january|february|march|april|june|july|august|september|october|november|december)(?!\p{L})/iu, '« $& » : mois en anglais'],
  ]),
  textRule('date-style', 'warning', [
    [/\b\d{1,2} (Janvier|Février|Mars|Avril|Mai|Juin|Juillet|Août|Septembre|Octobre|Novembre|Décembre)\b/, '« $& » : pas de majuscule aux mois'],
    [/\b\d{2}\/\d{2}\/\d{4}\b/, '« $& » : écrivez la date en toutes lettres dans le texte'],
    [/\b(janv|févr|sept|oct|nov|déc)\.(?=\s)/i, '« $& » : pas d’abréviation de mois dans le texte'],
    [/\b1 (janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre)\b/, '« $& » : le premier du mois s’écrit « 1er »'],
  ]),
  textRule('amount-format', 'error', [
    [/€\s?\d/, '« $& » : le symbole € suit le montant (« 1 250,00 € »)'],
    [/\d+\.\d{2}\s?€/, '« $& » : virgule décimale en français (« 1 250,00 € »)'],
    [/\d{1,3}(,\d{3})+(\.\d{2})?\s?€/, '« $& » : format anglais ; écrivez « 1 250,00 € »'],
  ]),
  textRule('typography', 'error', [
    [/\b\d+(ère|ème|eme|ere)\b/, '« $& » : abréviation fautive ; écrivez « 1re », « 2e »'],
    [/\bMr\b\.?/, '« $& » : l’abréviation de Monsieur est « M. »'],
  ]),
  {
    id: 'spacing',
    severity: 'warning',
    check(ctx) {
      const out: Finding[] = [];
      const src = `${ctx.template.subject}\n${ctx.template.body}`.replace(/\{\{[\s\S]*?\}\}/g, 'x').replace(/https?:\/\/\S+/g, 'url');
      const hit = /[\p{L}\d)»][:;!?](?!\d)|«(?=\p{L})|\p{L}»/u.exec(src);
      if (hit) out.push({ line: ctx.lineOf(hit[0]), message: `« ${hit[0]} » : espace insécable attendue avant « : ; ! ? » et à l’intérieur des guillemets` });
      return out;
    },
  },
  {
    id: 'optional-field',
    severity: 'error',
    check(ctx) {
      const t = ctx.template;
      const optional = new Set(t.fields.filter((f) => !f.required && f.type !== 'boolean').map((f) => f.name));
      const required = new Set(t.fields.filter((f) => f.required).map((f) => f.name));
      const out: Finding[] = [];
      const walk = (tokens: unknown[], sections: string[]) => {
        for (const token of tokens as [string, string, number, number, unknown[]?][]) {
          const [type, name] = token;
          if (type === 'name' && optional.has(name) && !sections.includes(name))
            out.push({ line: ctx.lineOf(`{{${name}}}`), message: `« ${name} » est facultatif : placez-le dans {{#${name}}}…{{/${name}}} pour que la phrase disparaisse quand il est vide` });
          if ((type === '#' || type === '^') && required.has(name))
            out.push({ line: ctx.lineOf(`{{${type}${name}}}`), message: `section sur « ${name} », un champ obligatoire (toujours rempli) : rendez-le facultatif ou retirez la section`, severity: 'warning' });
          if (type === '#' || type === '^') walk(token[4] ?? [], [...sections, name]);
        }
      };
      for (const part of [t.subject, t.body]) walk(Mustache.parse(part), []);
      return dedupe(out);
    },
  },
  {
    id: 'audience-flag',
    severity: 'warning',
    check(ctx) {
      const hit = /\{\{[#^](pro|particulier)\}\}/.exec(ctx.template.body);
      return hit && ctx.template.audience !== 'tous'
        ? [{ line: ctx.lineOf(hit[0]), message: `« ${hit[0]} » ne sert à rien dans un modèle réservé aux destinataires « ${ctx.template.audience} »` }]
        : [];
    },
  },
];

function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => !seen.has(f.message) && seen.add(f.message));
}

function lineFinder(t: Template): Context['lineOf'] {
  const bodyLine = t.source?.bodyLine ?? 1;
  const lines = t.body.split('\n');
  return (pattern) => {
    const re = typeof pattern === 'string' ? new RegExp(pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) : pattern;
    const i = lines.findIndex((l) => re.test(l));
    return i >= 0 ? bodyLine + i : bodyLine;
  };
}

/** Lints one compiled template. */
export function lintTemplate(t: Template): Problem[] {
  const ctx: Context = { template: t, renditions: renditions(t), lineOf: lineFinder(t) };
  const file = t.source?.file ?? t.id;
  return [
    ...rules.flatMap((rule) => rule.check(ctx).map((f) => ({ file, line: f.line, rule: rule.id, severity: f.severity ?? rule.severity, message: f.message }))),
    ...readerRules(t, ctx.lineOf).map((f) => ({ file, ...f })),
  ];
}

/** « templates/x.md:12 [rule] message » lines, errors first. */
export function formatProblems(problems: Problem[]): string {
  return problems
    .toSorted((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1) || a.file.localeCompare(b.file) || a.line - b.line)
    .map((p) => `${p.file}:${p.line}  ${p.severity === 'error' ? 'erreur' : 'avertissement'} [${p.rule}]  ${p.message}`)
    .join('\n');
}
