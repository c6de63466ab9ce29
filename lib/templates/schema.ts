/**
 * Schemas of what template authors write: the front matter of a template file
 * and the shared field catalogue (templates/fields.yaml). Unknown keys are
 * refused so that a typo (« titre: ») is an error, not a silently ignored line.
 */
import { z } from 'zod';
import { AUDIENCES, CHANNELS, DATE_WHEN, FIELD_GROUPS, FIELD_SOURCES, FIELD_TYPES, SENDERS } from './types';

export const FIELD_NAME = /^[a-z][a-z0-9_]*$/;
export const TEMPLATE_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const optionSchema = z.union([
  z.string().min(1),
  z.object({ value: z.string().regex(FIELD_NAME, 'valeur d’option : minuscules, chiffres et _'), label: z.string().min(1) }).strict(),
]);

/** A field as written: every key optional so that a template can override part of a catalogue field. */
export const fieldSourceSchema = z
  .object({
    label: z.string().min(1).optional(),
    type: z.enum(FIELD_TYPES).optional(),
    group: z.enum(FIELD_GROUPS).optional(),
    required: z.boolean().optional(),
    hint: z.string().min(1).optional(),
    placeholder: z.string().min(1).optional(),
    default: z.union([z.string(), z.number(), z.boolean()]).transform(String).optional(),
    options: z.array(optionSchema).min(2).optional(),
    remember: z.boolean().optional(),
    source: z.enum(FIELD_SOURCES).optional(),
    when: z.enum(DATE_WHEN).optional(),
  })
  .strict();
export type FieldSource = z.infer<typeof fieldSourceSchema>;

export const catalogueSchema = z.record(z.string().regex(FIELD_NAME), fieldSourceSchema);

const text = z.string().trim().min(1);

export const frontMatterSchema = z
  .object({
    id: z.string().regex(TEMPLATE_ID, 'identifiant en kebab-case : minuscules, chiffres et tirets'),
    title: z.string().trim().min(10, 'le titre du scénario est obligatoire'),
    name: z.string().trim().min(3).max(60, 'un nom court : 60 caractères au plus').optional(),
    aliases: z.array(text).default([]),
    keywords: z.array(text).min(1, 'au moins un mot-clé de recherche'),
    tags: z.array(text).default([]),
    category: text,
    kind: text.optional(),
    level: z.number().int().min(0).max(3).optional(),
    audience: z.enum(AUDIENCES),
    sender: z.enum(SENDERS).default('entreprise'),
    same_for_both: text.optional(),
    channel: z.enum(CHANNELS).default('email'),
    subject: text,
    attachments: z.array(text).default([]),
    fields: z.record(z.string().regex(FIELD_NAME, 'nom de champ : minuscules, chiffres et _'), fieldSourceSchema).default({}),
  })
  .strict();
export type FrontMatter = z.infer<typeof frontMatterSchema>;
