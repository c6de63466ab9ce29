/**
 * A personal template while it is being written: in the settings page's
 * editor, or in the palette's short form when a draft e-mail is saved as a
 * template. Compiled exactly as a template file (same compiler, same linter);
 * only what would break the letter blocks saving, the linter's remarks are advice.
 */
import { AUDIENCE_FLAGS, COMPUTED, SENDER_BLOCK_FLAG } from '../render/computed';
import { buildView, oneLine, renderText } from '../render/render';
import { buildTemplate, namesIn, type CompileContext, type Problem } from '../templates/compile';
import { lintTemplate } from '../templates/lint';
import type { FieldSource, FrontMatter } from '../templates/schema';
import type { Template } from '../templates/types';
import { MIN_TITLE, slug, type Draft } from './draft-model';

export type { Draft } from './draft-model';

/** A draft from any template (to adapt a built-in one, or edit one of ours). */
export function draftFrom(t: Template, catalogue: Record<string, FieldSource>, keepId: boolean): Draft {
  const fields: Record<string, FieldSource> = {};
  for (const { name, ...f } of t.fields) {
    const base = catalogue[name];
    if (!base) fields[name] = f;
    else if (base.label !== f.label) fields[name] = { label: f.label };
  }
  return { ...(keepId && { id: t.id }), title: t.title, keywords: t.keywords.join(', '), audience: t.audience, subject: t.subject, body: t.body, fields };
}

/** A catalogue field, a computed value, an audience flag, or an option of a catalogue choice (« mode_paiement_virement »). */
export function isKnown(name: string, ctx: CompileContext): boolean {
  if (ctx.catalogue[name] || COMPUTED[name] || ([...AUDIENCE_FLAGS, SENDER_BLOCK_FLAG] as readonly string[]).includes(name)) return true;
  return Object.entries(ctx.catalogue).some(
    ([field, f]) => f.type === 'choice' && name.startsWith(`${field}_`) && (f.options ?? []).some((o) => typeof o !== 'string' && `${field}_${o.value}` === name),
  );
}

/** The names the draft uses that are neither shared fields nor computed values: its own fields. */
export function customNames(draft: Draft, ctx: CompileContext): string[] {
  return namesIn(`${draft.subject}\n${draft.body}`).filter((n) => !isKnown(n, ctx));
}

/** The draft's fields, with a text field for every name it introduces and does not describe yet. */
export function fieldsOf(draft: Draft, ctx: CompileContext): Record<string, FieldSource> {
  const used = customNames(draft, ctx);
  const all: Record<string, FieldSource> = {};
  for (const [name, f] of Object.entries(draft.fields)) if (used.includes(name) || ctx.catalogue[name]) all[name] = f;
  for (const name of used) all[name] ??= { label: name.replace(/_/g, ' '), type: 'text' };
  return all;
}

export function compileDraft(draft: Draft, ctx: CompileContext, takenIds: string[]): { template?: Template; problems: Problem[] } {
  let id = draft.id ?? slug(draft.title);
  for (let n = 2; !draft.id && takenIds.includes(id); n++) id = `${slug(draft.title)}-${n}`;
  const meta: FrontMatter = {
    id,
    title: draft.title.trim(),
    aliases: [],
    keywords: draft.keywords.split(/[,;\n]/).map((k) => k.trim()).filter(Boolean),
    tags: [],
    category: 'personnel',
    audience: draft.audience,
    sender: 'entreprise',
    channel: 'email',
    subject: oneLine(draft.subject.trim()),
    attachments: [],
    fields: fieldsOf(draft, ctx),
  };
  if (meta.title.length < MIN_TITLE) return { problems: [{ file: id, line: 1, rule: 'title', severity: 'error', message: `donnez un nom d’au moins ${MIN_TITLE} caractères qui décrit la situation` }] };
  if (!meta.subject) return { problems: [{ file: id, line: 1, rule: 'subject', severity: 'error', message: 'l’objet est vide' }] };
  return buildTemplate(`mes-modeles/${id}`, meta, draft.body.trim(), ctx);
}

export interface DraftCheck {
  template?: Template;
  /** What prevents saving (the letter would break). */
  problems: Problem[];
  /** The linter's advice: shown, never blocking. */
  remarks: Problem[];
  preview?: { subject: string; body: string };
}

/** Compiles, lints and renders a preview (with field values marked, see render.ts MARK). */
export function checkDraft(draft: Draft, ctx: CompileContext, takenIds: string[], now = new Date()): DraftCheck {
  const { template, problems } = compileDraft(draft, ctx, takenIds);
  if (!template) return { problems, remarks: [] };
  const remarks = lintTemplate(template).map((p) => ({ ...p, severity: 'warning' as const }));
  const view = buildView(template, {}, now, true);
  return { template, problems, remarks, preview: { subject: oneLine(renderText(template.subject, view)), body: renderText(template.body, view) } };
}
