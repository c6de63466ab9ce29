/**
 * Template compiler: validated metadata + Mustache body → a Template object,
 * or problems with file and line. Used by template files (parse.ts), pack
 * files and the personal-template editor; runs in the browser too, so it
 * imports no YAML or front-matter parser (those stay at build time).
 */
import Mustache from 'mustache';
import { z } from 'zod';
import { AUDIENCE_FLAGS, CLIENT_TYPE_FIELD, COMPUTED, SENDER_BLOCK_FLAG, SENDER_FLAGS, SENDER_TYPE_FIELD } from '../render/computed';
import { fold } from '../search/normalize';
import type { FieldSource, FrontMatter } from './schema';
import type { FieldDef, FieldGroup, FieldOption, OnlyFor, Sender, Template } from './types';
import { FIELD_GROUPS } from './types';
import { frenchSpacing } from './typography';
import { formCount, GENDER_OPTIONS, parseAgreement, RECIPIENT, RECIPIENT_FIELD, SIGNER, SIGNER_GENDER_FIELD } from './agreement';

z.config(z.locales.fr());

export type Severity = 'error' | 'warning';

export interface Problem {
  file: string;
  line: number;
  rule: string;
  severity: Severity;
  message: string;
}

export interface CompileContext {
  /** Shared fields every template may use by name (templates/fields.yaml). */
  catalogue: Record<string, FieldSource>;
  /** Reusable blocks, `{{> expediteur}}` (templates/_partials/*.mustache). */
  partials: Record<string, string>;
}

export interface CompileResult {
  template?: Template;
  problems: Problem[];
}

/** A reference to a name in the Mustache source, with the sections around it. */
interface Ref {
  name: string;
  kind: 'value' | 'section' | 'inverted' | 'agree';
  /** For agreement tags: the forms written (see agreement.ts). */
  forms?: string[];
  /** Names of the enclosing sections, outermost first. */
  sections: string[];
  offset: number;
  part: 'subject' | 'body';
}

const CLIENT_TYPE: FieldSource = {
  label: 'Votre destinataire est',
  type: 'choice',
  group: 'destinataire',
  hint: 'Les mentions légales diffèrent entre professionnels et particuliers.',
  options: [
    { value: 'pro', label: 'un professionnel (entreprise, association…)' },
    { value: 'particulier', label: 'un particulier (consommateur)' },
  ],
};

const SENDER_TYPE: FieldSource = {
  label: 'Vous écrivez',
  type: 'choice',
  group: 'expediteur',
  remember: true,
  hint: 'Une entreprise signe « nous » avec sa raison sociale ; un particulier signe de son nom.',
  options: [
    { value: 'entreprise', label: 'au nom d’une entreprise' },
    { value: 'particulier', label: 'en votre nom personnel' },
  ],
};

/** « Vous signez »: asked once (remembered), for every template with a `{{je:…|…}}` agreement, in packs too. */
const SIGNER_GENDER: FieldSource = {
  label: 'Vous signez',
  type: 'choice',
  group: 'expediteur',
  remember: true,
  default: '',
  hint: 'Pour accorder la lettre avec vous (« je suis disposée », « disposé ») ; demandé une fois, retenu ensuite.',
  options: [
    { value: 'madame', label: 'Madame' },
    { value: 'monsieur', label: 'Monsieur' },
  ],
};

const groupRank = (g: FieldGroup) => FIELD_GROUPS.indexOf(g);

export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text[i] === '\n') line++;
  return line;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length]!;
}

/** « Voulez-vous dire … ? » for an unknown name. */
export function closest(name: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(name.length / 3)) + 1;
  for (const c of candidates) {
    const d = editDistance(name, c);
    if (d < bestDistance) [best, bestDistance] = [c, d];
  }
  return best;
}

function optionsOf(options: FieldSource['options']): FieldOption[] | undefined {
  return options?.map((o) => (typeof o === 'string' ? { value: fold(o).replace(/ /g, '_') || 'x', label: o } : o));
}

/** The partial that holds the sender block; its variant for a private person is `expediteur-particulier`. */
export const SENDER_PARTIAL = 'expediteur';

/**
 * Expands `{{> name}}` partials (one level; partials may not include partials).
 * A partial `name` with a variant `name-particulier` is chosen by who signs
 * (both, in their sections, when the sender is « tous »); the sender block is
 * wrapped in `{{#bloc_expediteur}}` so that it can be left out when the draft
 * already has a signature.
 */
function expandPartials(source: string, partials: Record<string, string>, sender: Sender, report: (offset: number, msg: string) => void): string {
  const get = (name: string) => partials[name]?.replace(/\n+$/, '');
  return source.replace(/\{\{>\s*([\w-]+)\s*\}\}/g, (whole, name: string, offset: number) => {
    const partial = get(name);
    if (partial === undefined) {
      report(offset, `bloc « ${name} » inconnu ; blocs disponibles : ${Object.keys(partials).join(', ') || 'aucun'}`);
      return whole;
    }
    const personal = get(`${name}-particulier`);
    let text = partial;
    if (personal !== undefined && sender === 'particulier') text = personal;
    if (personal !== undefined && sender === 'tous') {
      const [company, person] = SENDER_FLAGS;
      text = `{{#${company}}}\n${partial}\n{{/${company}}}\n{{#${person}}}\n${personal}\n{{/${person}}}`;
    }
    return name === SENDER_PARTIAL ? `{{#${SENDER_BLOCK_FLAG}}}\n${text}\n{{/${SENDER_BLOCK_FLAG}}}` : text;
  });
}

type Token = [string, string, number, number, Token[]?, number?];

function collectRefs(tokens: Token[], part: Ref['part'], sections: string[], refs: Ref[], report: (offset: number, msg: string) => void) {
  for (const token of tokens) {
    const [type, value, start] = token;
    switch (type) {
      case 'name': {
        const agreement = parseAgreement(value);
        if (agreement) refs.push({ name: agreement.referent, kind: 'agree', forms: agreement.forms, sections, offset: start, part });
        else refs.push({ name: value, kind: 'value', sections, offset: start, part });
        break;
      }
      case '#':
      case '^':
        refs.push({ name: value, kind: type === '#' ? 'section' : 'inverted', sections, offset: start, part });
        collectRefs(token[4] ?? [], part, [...sections, value], refs, report);
        break;
      case '&':
        report(start, `« {{{${value}}}} » ou « {{&${value}}} » insère du HTML brut : écrivez « {{${value}}} »`);
        break;
      case '>':
        report(start, `bloc « ${value} » non résolu`);
        break;
      case '=':
        report(start, 'changer les délimiteurs Mustache n’est pas permis');
        break;
    }
  }
}

/** Where things are in the source, for messages; a template that is not a file has everything on line 1. */
export interface SourceLines {
  subject: number;
  body: number;
  field(name: string): number;
}

const NO_LINES: SourceLines = { subject: 1, body: 1, field: () => 1 };

/**
 * From validated metadata and a Mustache body to a Template: partials,
 * French spacing, Mustache checks, every name resolved to a field (of the
 * template, else of the catalogue), a computed value or a flag. Shared by
 * template files, pack files and the personal-template editor.
 */
export function buildTemplate(file: string, meta: FrontMatter, rawBody: string, ctx: CompileContext, lines: SourceLines = NO_LINES): CompileResult {
  const problems: Problem[] = [];
  const problem = (line: number, rule: string, message: string) => problems.push({ file, line, rule, severity: 'error', message });
  const bodyLine = lines.body;
  const lineOfPath = (path: PropertyKey[]): number => (path[0] === 'fields' && typeof path[1] === 'string' ? lines.field(path[1]) : lines.subject);
  const body = rawBody;
  if (!body) problem(bodyLine, 'body', 'le corps du modèle est vide');

  const subjectLine = lines.subject;
  const lineOf = (part: Ref['part'], offset: number) => (part === 'subject' ? subjectLine : bodyLine + lineAt(body, offset) - 1);
  const texts = {
    subject: expandPartials(meta.subject, ctx.partials, meta.sender, (o) => problem(subjectLine, 'partial', `bloc inconnu à la position ${o}`)),
    body: expandPartials(body, ctx.partials, meta.sender, (o, msg) => problem(lineOf('body', o), 'partial', msg)),
  };
  texts.subject = frenchSpacing(texts.subject);
  texts.body = frenchSpacing(texts.body);

  const refs: Ref[] = [];
  // Body first: the form follows the order of the letter; fields only in the subject come last.
  for (const part of ['body', 'subject'] as const) {
    try {
      const tokens = Mustache.parse(texts[part]) as unknown as Token[];
      collectRefs(tokens, part, [], refs, (offset, msg) => problem(lineOf(part, offset), 'mustache', msg));
    } catch (e) {
      const message = (e as Error).message;
      const unclosed = /^Unclosed section "(.*)"/.exec(message);
      // Mustache reports an unclosed section at the end of the text: point at its opening tag instead.
      const opening = unclosed ? Math.max(texts[part].lastIndexOf(`{{#${unclosed[1]}}}`), texts[part].lastIndexOf(`{{^${unclosed[1]}}}`)) : -1;
      const at = opening >= 0 ? ['', String(opening)] : /at (\d+)/.exec(message);
      const reason = message
        .replace(/^Unclosed section "(.*)" at \d+$/, 'section « $1 » ouverte mais jamais fermée ({{/$1}} manquant)')
        .replace(/^Unopened section "(.*)" at \d+$/, 'section « $1 » fermée sans avoir été ouverte')
        .replace(/^Unclosed section "(.*)" at (\d+)$/, 'section « $1 » mal fermée')
        .replace(/^Unclosed tag at \d+$/, 'balise « {{ » jamais fermée par « }} »');
      problem(lineOf(part, at ? Number(at[1]) : 0), 'mustache', `erreur Mustache : ${reason}`);
    }
  }

  // Resolve every referenced name to a field, a computed value or a flag.
  const fieldSources = new Map<string, FieldSource>();
  const firstUse = new Map<string, number>();
  const computed: string[] = [];
  const localNames = Object.keys(meta.fields);
  const allFieldNames = new Set([...Object.keys(ctx.catalogue), ...localNames]);
  const sourceOf = (name: string): FieldSource | undefined => {
    if (name === CLIENT_TYPE_FIELD && meta.audience === 'tous') return CLIENT_TYPE;
    if (name === SENDER_TYPE_FIELD && meta.sender === 'tous') return SENDER_TYPE;
    if (name === SIGNER_GENDER_FIELD) return { ...SIGNER_GENDER, ...meta.fields[name] };
    const base = ctx.catalogue[name];
    const local = meta.fields[name];
    if (!base && !local) return undefined;
    return { ...base, ...local };
  };
  let order = 0;
  /** For each field, the sections around each of its uses: a field used only for one reader is asked only for that reader. */
  const usedIn = new Map<string, string[][]>();
  const addField = (name: string, sections: string[] = []) => {
    if (!firstUse.has(name)) firstUse.set(name, order++);
    usedIn.set(name, [...(usedIn.get(name) ?? []), sections]);
    const src = sourceOf(name);
    if (src) fieldSources.set(name, src);
  };
  const choiceFlag = (name: string): string | undefined => {
    for (const field of allFieldNames) {
      if (!name.startsWith(`${field}_`)) continue;
      const options = optionsOf(sourceOf(field)?.options);
      if (sourceOf(field)?.type === 'choice' && options?.some((o) => `${field}_${o.value}` === name)) return field;
    }
    return undefined;
  };
  if (meta.audience === 'tous') addField(CLIENT_TYPE_FIELD);
  if (meta.sender === 'tous') addField(SENDER_TYPE_FIELD);
  const flags: readonly string[] = [...AUDIENCE_FLAGS, ...(meta.sender === 'tous' ? SENDER_FLAGS : []), SENDER_BLOCK_FLAG];
  for (const ref of refs) {
    const { name } = ref;
    if (ref.kind === 'agree') {
      const error = checkAgreement(ref, sourceOf);
      if (error) problem(lineOf(ref.part, ref.offset), 'agreement', error);
      addField(name === SIGNER ? SIGNER_GENDER_FIELD : name === RECIPIENT ? RECIPIENT_FIELD : name, ref.sections);
      continue;
    }
    if (flags.includes(name)) {
      if (ref.kind === 'value') problem(lineOf(ref.part, ref.offset), 'flag', `« ${name} » s’utilise en section : {{#${name}}}…{{/${name}}}`);
      continue;
    }
    if (COMPUTED[name]) {
      if (ref.kind !== 'value') problem(lineOf(ref.part, ref.offset), 'computed', `« ${name} » est une valeur calculée : écrivez {{${name}}}`);
      for (const dep of COMPUTED[name].deps) addField(dep, ref.sections);
      if (!computed.includes(name)) computed.push(name);
      continue;
    }
    if (sourceOf(name)) {
      addField(name, ref.sections);
      continue;
    }
    const flagOf = choiceFlag(name);
    if (flagOf) {
      if (ref.kind === 'value') problem(lineOf(ref.part, ref.offset), 'flag', `« ${name} » s’utilise en section : {{#${name}}}…{{/${name}}}`);
      addField(flagOf, ref.sections);
      continue;
    }
    const suggestion = closest(name, [...allFieldNames, ...Object.keys(COMPUTED)]);
    problem(
      lineOf(ref.part, ref.offset),
      'unknown-field',
      `champ inconnu « ${name} »${suggestion ? ` ; voulez-vous dire « ${suggestion} » ?` : ''} (déclarez-le sous « fields » ou utilisez un champ de templates/fields.yaml)`,
    );
  }
  for (const name of localNames) {
    if (!firstUse.has(name)) problem(lineOfPath(['fields', name]), 'unused-field', `le champ « ${name} » est déclaré mais jamais utilisé`);
  }

  const fields: FieldDef[] = [];
  for (const [name, src] of fieldSources) {
    const missing = (['label', 'type'] as const).filter((k) => !src[k]);
    if (missing.length) {
      problem(lineOfPath(['fields', name]), 'field', `le champ « ${name} » n’a pas de ${missing.join(' ni de ')}`);
      continue;
    }
    if (src.type === 'choice' && !src.options) problem(lineOfPath(['fields', name]), 'field', `le champ « ${name} » est une liste sans « options »`);
    if (src.type !== 'choice' && src.options) problem(lineOfPath(['fields', name]), 'field', `« options » n’a de sens que pour un champ de type choice (« ${name} »)`);
    const def: FieldDef = {
      name,
      label: src.label!,
      type: src.type!,
      group: src.group ?? 'courrier',
      required: src.required ?? (src.type !== 'boolean'),
    };
    if (src.hint) def.hint = src.hint;
    if (src.placeholder) def.placeholder = src.placeholder;
    if (src.default !== undefined) def.default = src.default;
    const options = optionsOf(src.options);
    if (options) def.options = options;
    if (src.remember) def.remember = true;
    if (src.source) def.source = src.source;
    const readerFlags: OnlyFor[] = [...AUDIENCE_FLAGS, ...(meta.sender === 'tous' ? SENDER_FLAGS : []), SENDER_BLOCK_FLAG];
    const onlyFor = readerFlags.find((flag) => (usedIn.get(name) ?? [[]]).every((sections) => sections.includes(flag)));
    if (onlyFor && (meta.audience === 'tous' || !(AUDIENCE_FLAGS as readonly string[]).includes(onlyFor))) def.onlyFor = onlyFor;
    if (src.when) {
      if (src.type === 'date') def.when = src.when;
      else problem(lineOfPath(['fields', name]), 'field', `« when » n’a de sens que pour une date (« ${name} »)`);
    }
    fields.push(def);
  }
  const ordered = fields.toSorted((a, b) => groupRank(a.group) - groupRank(b.group) || firstUse.get(a.name)! - firstUse.get(b.name)!);

  if (problems.length) return { problems };
  return {
    template: {
      id: meta.id,
      title: meta.title,
      ...(meta.name !== undefined && { name: meta.name }),
      aliases: meta.aliases,
      keywords: meta.keywords,
      tags: meta.tags,
      category: meta.category,
      ...(meta.kind !== undefined && { kind: meta.kind }),
      ...(meta.level !== undefined && { level: meta.level }),
      audience: meta.audience,
      sender: meta.sender,
      ...(meta.same_for_both !== undefined && { sameForBoth: meta.same_for_both }),
      channel: meta.channel,
      attachments: meta.attachments,
      subject: texts.subject,
      body: texts.body,
      fields: ordered,
      computed,
      source: { file, bodyLine },
    },
    problems,
  };
}

/** Why an agreement tag cannot be used as written, or null (see agreement.ts). */
function checkAgreement(ref: Ref, sourceOf: (name: string) => FieldSource | undefined): string | null {
  const forms = ref.forms ?? [];
  const tag = `{{${ref.name}:${forms.join('|')}}}`;
  if (forms.some((f) => !f.trim())) return `accord « ${tag} » : une forme est vide`;
  const expected = formCount(ref.name);
  if (ref.name === RECIPIENT && !sourceOf(RECIPIENT_FIELD)) return `accord « ${tag} » : déclarez le champ « ${RECIPIENT_FIELD} » (la formule d’appel), dont l’accord dépend`;
  if (ref.name === RECIPIENT && forms.length !== expected)
    return `accord « ${tag} » : donnez trois formes, Monsieur|Madame|pour « Madame, Monsieur » (une tournure qui convient aux deux)`;
  if (ref.name === SIGNER || ref.name === RECIPIENT) return forms.length === expected ? null : `accord « ${tag} » : donnez deux formes, Monsieur|Madame`;
  const src = sourceOf(ref.name);
  if (!src) return `accord « ${tag} » : « ${ref.name} » n’est ni « je », ni « vous », ni un champ du modèle`;
  const options = optionsOf(src.options)?.map((o) => o.value);
  const isGender = src.type === 'choice' && options?.length === 2 && GENDER_OPTIONS.every((g) => options.includes(g));
  if (src.type !== 'number' && src.type !== 'amount' && src.type !== 'text' && !isGender)
    return `accord « ${tag} » : « ${ref.name} » doit être un nombre ou une liste saisie (singulier|pluriel), ou un choix masculin / feminin (masculin|féminin)`;
  return forms.length === 2 ? null : `accord « ${tag} » : donnez deux formes, ${isGender ? 'masculin|féminin' : 'singulier|pluriel'}`;
}

/**
 * The names a Mustache text refers to (values, sections, the field an agreement
 * tag follows; not « je » and « vous », which are people), in order; [] when it does not parse.
 */
export function namesIn(text: string): string[] {
  const refs: Ref[] = [];
  try {
    collectRefs(Mustache.parse(text) as unknown as Token[], 'body', [], refs, () => undefined);
  } catch {
    return [];
  }
  return [...new Set(refs.filter((r) => r.kind !== 'agree' || (r.name !== SIGNER && r.name !== RECIPIENT)).map((r) => r.name))];
}

/** Checks across a set of templates: unique ids, unique titles and aliases. */
export function checkLibrary(templates: Template[]): Problem[] {
  const problems: Problem[] = [];
  const ids = new Map<string, string>();
  const titles = new Map<string, string>();
  const names = new Map<string, string>();
  for (const t of templates) {
    const file = t.source?.file ?? t.id;
    if (ids.has(t.id)) problems.push({ file, line: 2, rule: 'duplicate-id', severity: 'error', message: `identifiant « ${t.id} » déjà utilisé par ${ids.get(t.id)}` });
    ids.set(t.id, file);
    if (t.name && names.has(t.name)) problems.push({ file, line: 3, rule: 'duplicate-name', severity: 'error', message: `le nom « ${t.name} » est déjà celui du modèle « ${names.get(t.name)} » : la palette doit les distinguer` });
    if (t.name) names.set(t.name, t.id);
    for (const title of [t.title, ...t.aliases]) {
      const other = titles.get(title);
      if (other && other !== t.id) problems.push({ file, line: 3, rule: 'duplicate-title', severity: 'error', message: `le titre « ${title.slice(0, 60)}… » mène déjà au modèle « ${other} »` });
      titles.set(title, t.id);
    }
  }
  return problems;
}

