/**
 * Finds words fixed in one gender where they agree with the signer or the
 * recipient: « je suis disposé » under a woman's signature, « vous m'avez
 * informé », « soyez assuré » to Madame Durand, « si vous ne souhaitez pas être
 * contacté » to « Madame, Monsieur ». Plain text in, findings out; the linter
 * runs it over the rendering matrix (matrix.ts).
 *
 * How a word's referent is found (French agreement, simplified):
 * - after a form of « être » or a state verb (suis, serez, soyez, rester…): the subject (je / vous);
 * - after a form of « avoir »: the object pronoun before it (vous m'avez informé → me; je vous ai informé → vous);
 * - after « tenir » (me tenir informé, vous tiendrons informé): the pronoun before it;
 * - « Cher » / « Chère » in the appel: the recipient.
 */

/** Masculine singular forms of words that agree with a person, and their feminine. */
const WORDS: Record<string, string> = Object.fromEntries(
  [
    'informé', 'prévenu', 'contacté', 'recontacté', 'assuré', 'certain', 'sûr', 'satisfait', 'insatisfait', 'déçu',
    'intéressé', 'convaincu', 'persuadé', 'content', 'mécontent', 'ravi', 'heureux:heureuse', 'désolé', 'navré', 'contraint',
    'obligé', 'disposé', 'prêt', 'tenu', 'invité', 'convié', 'attendu', 'prié', 'averti', 'remercié', 'sollicité', 'consulté',
    'relancé', 'chargé', 'mandaté', 'étonné', 'surpris', 'inquiet:inquiète', 'reconnaissant', 'attaché', 'enchanté', 'honoré',
    'flatté', 'touché', 'ému', 'soulagé', 'rassuré', 'embarrassé', 'gêné', 'engagé', 'habilité', 'autorisé', 'résolu',
    'décidé', 'venu', 'arrivé', 'resté', 'abonné', 'inscrit', 'accompagné', 'reçu', 'accueilli', 'rappelé', 'joint',
    'indemnisé', 'remboursé', 'servi', 'conseillé', 'orienté', 'dédommagé', 'exposé', 'confronté',
    'désigné', 'mis', 'manifesté', 'rencontré', 'interrogé', 'nommé', 'retenu', 'oublié', 'couvert', 'accompagné',
    'victime:victime', 'seul', 'libre:libre', 'fier:fière', 'tranquille:tranquille',
  ]
    .map((w) => w.split(':') as [string, string?])
    .filter(([m, f]) => f === undefined || f !== m)
    .map(([m, f]) => [m, f ?? `${m}e`]),
);
const FEMININE = new Map(Object.entries(WORDS).map(([m, f]) => [f, m]));

const ETRE = new Set(['suis', 'serai', 'serais', 'étais', 'fus', 'sois', 'reste', 'resterai', 'resterais', 'demeure', 'demeurerai', 'sens', 'trouve', 'êtes', 'serez', 'seriez', 'étiez', 'soyez', 'restez', 'resterez', 'demeurez', 'être', 'rester', 'demeurer', 'été', 'sembler', 'semblez', 'paraissez', 'montrer', 'montrez', 'déclarer', 'déclare']);
const AVOIR = new Set(['ai', 'avais', 'aurai', 'aurais', 'eu', 'avez', 'aviez', 'aurez', 'auriez', 'a', 'avait', 'aura', 'aurait', 'avons', 'avions', 'aurons', 'aurions', 'ont', 'avaient', 'auront', 'auraient', 'avoir', 'ayant']);
/** Forms of « être » and state verbs that tell the subject by themselves. */
const ETRE_JE = new Set(['suis', 'serai', 'serais', 'étais', 'fus', 'resterai', 'resterais', 'demeurerai']);
const ETRE_VOUS = new Set(['êtes', 'serez', 'seriez', 'étiez', 'soyez', 'restez', 'resterez', 'demeurez']);
/** Verbs whose person is an indirect object before « de + infinitif » (conseiller à quelqu’un de…). */
const INDIRECT_WITH_DE = new Set(['conseillé', 'recommandé']);
const VOUS_AVOIR = new Set(['avez', 'aviez', 'aurez', 'auriez']);
const TENIR = new Set(['tenir', 'tiendrai', 'tiendrons', 'tiens', 'tenons', 'tiendra', 'tienne', 'tenez', 'tiendrez', 'tiendrais', 'tiendrions', 'garder', 'laisser']);
const SIGNER_PRONOUNS = new Set(['je', 'j', 'me', 'm', 'moi']);
const RECIPIENT_PRONOUNS = new Set(['vous', 'soyez']);
const OTHER_SUBJECTS = new Set(['nous', 'il', 'elle', 'on', 'ils', 'elles', 'ce', 'cela', 'qui', 'celui', 'celle', 'chacun']);

export type Who = 'signer' | 'recipient';

export interface AgreementFinding {
  who: Who;
  word: string;
  /** The form it should take. */
  expected: string;
  /** A few words around the finding, for messages. */
  context: string;
}

const TOKEN = /[\p{L}’'-]+/gu;

interface Token {
  word: string;
  lower: string;
  index: number;
}

function tokens(text: string): Token[] {
  return [...text.matchAll(TOKEN)].flatMap((m) => {
    // « m’avez » → « m », « avez »; « j’ai » → « j », « ai ».
    const parts = m[0].split(/(?<=^[a-zA-Z])[’']/);
    let offset = m.index!;
    return parts.map((word) => {
      const t = { word, lower: word.toLowerCase(), index: offset };
      offset += word.length + 1;
      return t;
    });
  });
}

function who(pronoun: string): Who | null | undefined {
  if (SIGNER_PRONOUNS.has(pronoun)) return 'signer';
  if (RECIPIENT_PRONOUNS.has(pronoun)) return 'recipient';
  if (OTHER_SUBJECTS.has(pronoun)) return null;
  return undefined;
}

/** Whether the pronoun at k is an object (« vous être livré », « m’a conseillé »), not the subject. */
function isObject(list: Token[], k: number): boolean {
  const next = list[k + 1]?.lower;
  if (!next || next === 'ne' || next === 'n') return false;
  if (list[k]!.lower === 'vous') return !ETRE_VOUS.has(next) && !VOUS_AVOIR.has(next) && !next.endsWith('ez');
  return ['me', 'm'].includes(list[k]!.lower) && !ETRE_JE.has(next);
}

/** The referent of the word at position i, or null when it agrees with no one we know. */
function referentOf(list: Token[], i: number): Who | null {
  const start = Math.max(0, i - 4);
  for (let j = i - 1; j >= start; j--) {
    const w = list[j]!.lower;
    const distance = i - j;
    if (j === i - 1 && w === 'soyez') return 'recipient';
    if (AVOIR.has(w)) {
      if (distance > 2) return null;
      const obj = list[j - 1]?.lower;
      // « vous avez reçu »: « vous » is the subject, and a participle after « avoir » never agrees with it.
      if (obj === 'vous' && VOUS_AVOIR.has(w)) return null;
      const r = obj ? who(obj) : undefined;
      return r && (obj === 'vous' || obj === 'me' || obj === 'm') ? r : null;
    }
    if (TENIR.has(w)) {
      if (distance > 2) return null;
      const obj = list[j - 1]?.lower;
      return obj ? (who(obj) ?? null) : null;
    }
    if (ETRE_JE.has(w)) return 'signer';
    if (ETRE_VOUS.has(w)) return 'recipient';
    if (ETRE.has(w)) {
      for (let k = j - 1; k >= Math.max(0, j - 5); k--) {
        if (isObject(list, k)) continue;
        const r = who(list[k]!.lower);
        if (r !== undefined) return r;
      }
      return null;
    }
  }
  return null;
}

/**
 * Words in `text` whose gender or number is wrong for this signer and recipient.
 * `signer` and `recipient` are the genders of the rendering; a recipient that is
 * « Madame, Monsieur » (or Maître) is `both`: any gendered form is then a finding.
 */
export function agreementFindings(text: string, signer: 'f' | 'm', recipient: 'f' | 'm' | 'both'): AgreementFinding[] {
  const list = tokens(text);
  const out: AgreementFinding[] = [];
  const context = (i: number) => list.slice(Math.max(0, i - 5), i + 1).map((t) => t.word).join(' ');
  list.forEach((tok, i) => {
    const bare = tok.lower.replace(/s$/, '');
    const plural = bare !== tok.lower;
    const isMasc = bare in WORDS;
    const isFem = FEMININE.has(bare);
    if (!isMasc && !isFem) return;
    if (bare === 'sûr' && list[i - 1]?.lower === 'bien') return; // « bien sûr »: of course
    // « m’a conseillé de… », « vous a demandé d’… »: the pronoun is an indirect object, nothing agrees.
    if (INDIRECT_WITH_DE.has(bare) && ['de', 'd'].includes(list[i + 1]?.lower ?? '') && AVOIR.has(list[i - 1]?.lower ?? '')) return;
    // « nous vous avons rappelé que… »: the same, before « que ».
    if (bare === 'rappelé' && ['que', 'qu'].includes(list[i + 1]?.lower ?? '')) return;
    const referent = referentOf(list, i);
    if (!referent) return;
    const gender = referent === 'signer' ? signer : recipient;
    const masc = isMasc ? bare : FEMININE.get(bare)!;
    const fem = WORDS[masc]!;
    const expected = gender === 'f' ? fem : gender === 'm' ? masc : `${masc}/${fem}`;
    if (gender === 'both' || (gender === 'f' && isMasc) || (gender === 'm' && isFem) || plural)
      out.push({ who: referent, word: tok.word, expected: gender === 'both' ? 'une tournure qui convient à Madame comme à Monsieur' : expected, context: context(i) });
  });
  for (const m of text.matchAll(/^(Cher|Chère)\s+(client|cliente|ami|amie|partenaire|Monsieur|Madame)\b.*,$/gmu)) {
    const fem = m[1] === 'Chère';
    if ((recipient === 'f' && !fem) || (recipient === 'm' && fem) || recipient === 'both')
      out.push({ who: 'recipient', word: m[0], expected: recipient === 'both' ? 'un appel sans genre (« Madame, Monsieur, »)' : fem ? 'Cher' : 'Chère', context: m[0] });
  }
  return out;
}
