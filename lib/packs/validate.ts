/**
 * Reading a pack file someone gave us: size, JSON, format version, schema,
 * then every template compiled again from its own declared fields (so a pack
 * can never hold raw HTML tags, partials or a name the form does not know).
 * Every problem is a French sentence for the person importing the pack.
 */
import { buildTemplate, checkLibrary, type Problem } from '../templates/compile';
import { lintTemplate } from '../templates/lint';
import type { FieldSource, FrontMatter } from '../templates/schema';
import type { Template } from '../templates/types';
import { LIMITS, PACK_FORMAT, PACK_FORMAT_VERSION, packSchema, type PackFile, type PackTemplate } from './schema';

export interface Pack extends Omit<PackFile, 'templates'> {
  templates: Template[];
}

export interface PackReading {
  pack?: Pack;
  /** Why the pack cannot be used: nothing is installed when there is one. */
  errors: string[];
  /** What the template linter says of the pack's letters: shown, not blocking. */
  remarks: Problem[];
}

function frontMatterOf(t: PackTemplate): FrontMatter {
  const fields: Record<string, FieldSource> = {};
  for (const { name, ...field } of t.fields) fields[name] = field;
  return {
    id: t.id,
    title: t.title,
    ...(t.name !== undefined && { name: t.name }),
    aliases: t.aliases,
    keywords: t.keywords,
    tags: t.tags,
    category: t.category,
    ...(t.kind !== undefined && { kind: t.kind }),
    ...(t.level !== undefined && { level: t.level }),
    audience: t.audience,
    sender: t.sender,
    ...(t.sameForBoth !== undefined && { same_for_both: t.sameForBoth }),
    channel: t.channel,
    subject: t.subject,
    attachments: t.attachments,
    fields,
  };
}

/** A template without where it came from on disk: what a pack stores. */
export function withoutSource<T extends { source?: unknown }>(template: T): Omit<T, 'source'> {
  const { source: _, ...rest } = template;
  return rest;
}

/** Compiles one pack template from its own fields (no catalogue, no partials): the same checks as a template file. */
export function compilePackTemplate(packId: string, t: PackTemplate): { template?: Template; problems: Problem[] } {
  const { template, problems } = buildTemplate(`${packId}/${t.id}`, frontMatterOf(t), t.body.trim(), { catalogue: {}, partials: {} });
  if (!template) return { problems };
  return { template: withoutSource(template), problems };
}

function where(path: PropertyKey[], data: unknown): string {
  if (path[0] === 'templates' && typeof path[1] === 'number') {
    const id = (data as { templates?: { id?: unknown }[] }).templates?.[path[1]]?.id;
    const rest = path.slice(2).join('.');
    return `modèle ${typeof id === 'string' ? `« ${id} »` : `n° ${path[1] + 1}`}${rest ? `, ${rest}` : ''} : `;
  }
  return path.length ? `${path.join('.')} : ` : '';
}

const fail = (error: string): PackReading => ({ errors: [error], remarks: [] });

/** Reads the text of a pack file. */
export function readPack(text: string): PackReading {
  if (text.length > LIMITS.fileChars) return fail(`Le fichier est trop gros (plus de ${LIMITS.fileChars / 1_000_000} millions de caractères) pour être un pack de modèles.`);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return fail(`Ce fichier n’est pas un pack Modèles lisible : le JSON est invalide (${(e as Error).message}).`);
  }
  const head = (data ?? {}) as { format?: unknown; formatVersion?: unknown };
  if (typeof data !== 'object' || data === null || head.format !== PACK_FORMAT) return fail('Ce fichier n’est pas un pack Modèles (il n’indique pas « format »: « modeles-pack »).');
  if (typeof head.formatVersion === 'number' && head.formatVersion > PACK_FORMAT_VERSION)
    return fail(`Ce pack utilise le format ${head.formatVersion}, plus récent que celui que cette version de Modèles sait lire (${PACK_FORMAT_VERSION}) : mettez l’extension à jour pour l’installer.`);

  const parsed = packSchema.safeParse(data);
  if (!parsed.success) return { errors: parsed.error.issues.slice(0, 20).map((i) => `${where(i.path, data)}${i.message}`), remarks: [] };

  const errors: string[] = [];
  const remarks: Problem[] = [];
  const templates: Template[] = [];
  for (const t of parsed.data.templates) {
    const { template, problems } = compilePackTemplate(parsed.data.id, t);
    errors.push(...problems.map((p) => `modèle « ${t.id} » : ${p.message}`));
    if (template) {
      templates.push(template);
      remarks.push(...lintTemplate(template));
    }
  }
  errors.push(...checkLibrary(templates).map((p) => `modèle « ${p.file} » : ${p.message}`));
  if (errors.length) return { errors: errors.slice(0, 20), remarks: [] };
  return { pack: { ...parsed.data, templates }, errors: [], remarks };
}

/** A pack as a file: the same model, without anything derived. */
export function packToFile(pack: Pack): PackFile {
  return {
    ...pack,
    templates: pack.templates.map((t) => ({
      ...withoutSource(t),
      fields: t.fields.map((f) => ({ ...f })),
    })),
  };
}

/** Which templates a new version adds, changes and removes, by id. */
export function diffPacks(before: Pack, after: Pack): { added: string[]; changed: string[]; removed: string[] } {
  const old = new Map(before.templates.map((t) => [t.id, JSON.stringify(t)]));
  const now = new Map(after.templates.map((t) => [t.id, JSON.stringify(t)]));
  return {
    added: [...now.keys()].filter((id) => !old.has(id)),
    changed: [...now.keys()].filter((id) => old.has(id) && old.get(id) !== now.get(id)),
    removed: [...old.keys()].filter((id) => !now.has(id)),
  };
}
