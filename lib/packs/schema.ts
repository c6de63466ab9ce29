/**
 * A template pack: one versioned JSON file holding templates in the model of
 * lib/templates/types.ts, plus optional field defaults for the team (company
 * name, IBAN…). The JSON Schema published in lib/packs/pack.schema.json is
 * generated from this file (test/unit/packs/schema.test.ts keeps it in step).
 *
 * Packs come from anywhere: everything here is checked, sizes are bounded,
 * unknown keys are refused.
 */
import valid from 'semver/functions/valid';
import { z } from 'zod';
import { FIELD_NAME, TEMPLATE_ID } from '../templates/schema';
import { AUDIENCES, CHANNELS, DATE_WHEN, FIELD_GROUPS, FIELD_SOURCES, FIELD_TYPES, ONLY_FOR, SENDERS } from '../templates/types';

/** The only format this version reads; a higher one is refused with a message, never half-read. */
export const PACK_FORMAT = 'modeles-pack';
export const PACK_FORMAT_VERSION = 1;

export const LIMITS = {
  /** Characters of a pack file. */
  fileChars: 5_000_000,
  templates: 5_000,
  /** Characters of one template's subject or body. */
  text: 20_000,
  fields: 60,
  shortText: 500,
} as const;

const short = z.string().trim().min(1).max(LIMITS.shortText);
const long = z.string().max(LIMITS.text);

export const packFieldSchema = z
  .object({
    name: z.string().regex(FIELD_NAME),
    label: short,
    type: z.enum(FIELD_TYPES),
    group: z.enum(FIELD_GROUPS),
    required: z.boolean(),
    hint: short.optional(),
    placeholder: short.optional(),
    default: z.string().max(LIMITS.shortText).optional(),
    options: z
      .array(z.object({ value: z.string().regex(FIELD_NAME), label: short }).strict())
      .min(2)
      .max(50)
      .optional(),
    remember: z.boolean().optional(),
    source: z.enum(FIELD_SOURCES).optional(),
    when: z.enum(DATE_WHEN).optional(),
    /** Derived from the body when a template is compiled (stored packs keep it); recomputed when a file is read. */
    onlyFor: z.enum(ONLY_FOR).optional(),
  })
  .strict();

export const packTemplateSchema = z
  .object({
    id: z.string().regex(TEMPLATE_ID).max(120),
    title: z.string().trim().min(10).max(LIMITS.shortText),
    /** Optional: a pack without names still works, the palette shows the title. */
    name: z.string().trim().min(3).max(60).optional(),
    aliases: z.array(short).max(20).default([]),
    keywords: z.array(short).max(30).default([]),
    tags: z.array(short).max(30).default([]),
    category: short,
    kind: short.optional(),
    level: z.number().int().min(0).max(3).optional(),
    audience: z.enum(AUDIENCES),
    /** Added in 0.2 with a default, so packs written before still read. */
    sender: z.enum(SENDERS).default('entreprise'),
    sameForBoth: short.optional(),
    channel: z.enum(CHANNELS).default('email'),
    attachments: z.array(short).max(20).default([]),
    subject: long.min(1),
    body: long.min(1),
    fields: z.array(packFieldSchema).max(LIMITS.fields),
    computed: z.array(z.string()).max(LIMITS.fields).default([]),
  })
  .strict();

export const packSchema = z
  .object({
    format: z.literal(PACK_FORMAT),
    formatVersion: z.literal(PACK_FORMAT_VERSION),
    id: z.string().regex(TEMPLATE_ID, 'identifiant en kebab-case').max(80),
    name: short,
    version: z.string().refine((v) => valid(v) !== null, 'version au format semver, par exemple 1.2.0'),
    author: short.optional(),
    description: z.string().max(2000).optional(),
    license: short.optional(),
    homepage: z.url().optional(),
    /** Default values of fields for every template of the pack, by field name. */
    defaults: z.record(z.string().regex(FIELD_NAME), z.string().max(LIMITS.shortText)).default({}),
    templates: z.array(packTemplateSchema).max(LIMITS.templates),
  })
  .strict();

export type PackFile = z.infer<typeof packSchema>;

/** The published JSON Schema of a pack file (lib/packs/pack.schema.json), for editors and other tools. */
export function packJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(packSchema, { io: 'input', unrepresentable: 'any' }),
    title: 'Pack de modèles Modèles',
    description: 'Un fichier de pack : ses métadonnées et ses modèles de courriers (format modeles-pack).',
  };
}
export type PackTemplate = z.infer<typeof packTemplateSchema>;
