/**
 * Messages about « Mes modèles » from the settings page and the palette to
 * the background, which alone writes them (one at a time) and syncs them.
 */
import type { Problem } from '../templates/compile';
import type { FieldDef } from '../templates/types';
import type { Draft } from './draft-model';
import type { ImportChoice } from './import';
import type { SyncStatus } from './local';
import type { Template } from '../templates/types';

export type PersonalMessage =
  | { type: 'personal-catalogue' }
  | { type: 'personal-check'; draft: Draft }
  | { type: 'personal-save'; draft: Draft }
  | { type: 'personal-save-template'; template: Template }
  | { type: 'personal-delete'; id: string }
  | { type: 'personal-import'; templates: Template[]; choices: ImportChoice[] }
  | { type: 'personal-settings'; enabled?: boolean; syncEnabled?: boolean }
  | { type: 'personal-sync' }
  | { type: 'personal-open-editor'; draft: Draft };

export interface CheckReply {
  problems: Problem[];
  remarks: Problem[];
  preview?: { subject: string; body: string };
  /** The compiled template's fields and computed values (for the preview's labels). */
  fields: FieldDef[];
  computed: string[];
  /** The fields this template introduces (not shared ones): the form lets the user name and type them. */
  own: string[];
}

/** `sync`: where the saved template stands right after (the palette says whether the other computers will have it). */
export type SaveReply = { ok: true; id: string; title: string; sync?: 'synced' | 'local-only' | 'off' | 'later' } | { ok: false; problems: Problem[] };

export interface ImportReply {
  added: string[];
  replaced: string[];
  skipped: string[];
  refused: string[];
}

export const PERSONAL_TYPES = new Set<PersonalMessage['type']>([
  'personal-catalogue',
  'personal-check',
  'personal-save',
  'personal-save-template',
  'personal-delete',
  'personal-import',
  'personal-settings',
  'personal-sync',
  'personal-open-editor',
]);

export function isPersonalMessage(value: unknown): value is PersonalMessage {
  return !!value && typeof value === 'object' && PERSONAL_TYPES.has((value as { type?: unknown }).type as PersonalMessage['type']);
}

export type { SyncStatus };
