/**
 * The model of a template, once compiled. One description serves the build,
 * the search, the form, the renderer and (later) pack files.
 * The source format is documented in templates/README.md.
 */

export const FIELD_TYPES = ['text', 'longtext', 'date', 'amount', 'number', 'email', 'choice', 'boolean'] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

export const AUDIENCES = ['entreprise', 'particulier', 'tous'] as const;
/** Who receives the letter: a business, a consumer, or either (the form then asks). */
export type Audience = (typeof AUDIENCES)[number];

/** Who writes the letter: a company (« nous »), a private person (« je », signed as a person), or either (the form then asks). */
export const SENDERS = ['entreprise', 'particulier', 'tous'] as const;
export type Sender = (typeof SENDERS)[number];

export const CHANNELS = ['email', 'lettre'] as const;
export type Channel = (typeof CHANNELS)[number];

/** Where a field's value can be prefilled from the compose window. */
export const FIELD_SOURCES = ['recipient-name', 'recipient-surname', 'recipient-email'] as const;
export type FieldSource = (typeof FIELD_SOURCES)[number];

/** Where a field sits in the form: who it is for, what the letter is about, who signs. */
export const FIELD_GROUPS = ['destinataire', 'courrier', 'expediteur'] as const;
export type FieldGroup = (typeof FIELD_GROUPS)[number];

export interface FieldOption {
  value: string;
  label: string;
}

export interface FieldDef {
  name: string;
  label: string;
  type: FieldType;
  group: FieldGroup;
  required: boolean;
  hint?: string;
  placeholder?: string;
  /** Raw default value, as the user would type it; for dates « +8 » means today + 8 days. */
  default?: string;
  options?: FieldOption[];
  /** Remember the last value typed (sender identity), per browser profile. */
  remember?: boolean;
  source?: FieldSource;
  /** For dates: the value must be today or later (« futur ») or today or earlier (« passe »). */
  when?: DateWhen;
  /**
   * Set when every use of the field sits in one reader's or signer's section
   * (`pro`, `particulier`, `par_entreprise`, `par_particulier`), or only in the
   * sender block (`bloc_expediteur`): the form asks for it only then.
   */
  onlyFor?: OnlyFor;
}

/** The sections a field can be confined to (see FieldDef.onlyFor). */
export const ONLY_FOR = ['pro', 'particulier', 'par_entreprise', 'par_particulier', 'bloc_expediteur'] as const;
export type OnlyFor = (typeof ONLY_FOR)[number];

export const DATE_WHEN = ['futur', 'passe'] as const;
export type DateWhen = (typeof DATE_WHEN)[number];

export interface Template {
  /** Stable identifier, kebab-case; also the file name. */
  id: string;
  /** The scenario title, exactly as in the scenario list (or completed when it was cut short). */
  title: string;
  /** A short name people scan in the palette (at most 60 characters); the title is shown under it. */
  name?: string;
  /** Other titles that lead to the same letter, e.g. the original cut-short title. */
  aliases: string[];
  /** Short phrases people type to find this letter (« relance facture impayée »). */
  keywords: string[];
  tags: string[];
  /** Theme, e.g. « paiements ». */
  category: string;
  /** The nature of the letter, used by the linter (relance, mise_en_demeure, …). */
  kind?: string;
  /** Position on an escalation ladder (0 = before the due date … 3 = last reminder). */
  level?: number;
  audience: Audience;
  /** Who signs: drives the sender block and the remembered profile (professional or personal). */
  sender: Sender;
  /** For « tous » templates whose two renderings are the same words on purpose: why. */
  sameForBoth?: string;
  channel: Channel;
  /** Documents the sender should attach (« copie de la facture »): shown as a reminder in the form. */
  attachments: string[];
  /** Mustache source of the subject line. */
  subject: string;
  /** Mustache source of the body: plain text, blank line between paragraphs. */
  body: string;
  /** The form, in order. Includes the fields computed values depend on. */
  fields: FieldDef[];
  /** Computed values the template uses (see lib/render/computed.ts). */
  computed: string[];
  /** Where the template came from, for messages (file path, line of the body's first line). */
  source?: { file: string; bodyLine: number };
}

export interface Library {
  formatVersion: 1;
  templates: Template[];
}
