/**
 * A personal template while it is being written, before it is compiled: what
 * the editor and the palette's short form hold. Kept apart from the compiler
 * (draft.ts) so that the content script can use it without the compiler.
 */
import { parseGreeting } from '../render/greeting';
import type { FieldSource } from '../templates/schema';
import type { Audience } from '../templates/types';

export interface Draft {
  /** Set when editing an existing template of « Mes modèles ». */
  id?: string;
  title: string;
  keywords: string;
  audience: Audience;
  subject: string;
  body: string;
  /** The fields of this template that are not in the shared catalogue, or that change one. */
  fields: Record<string, FieldSource>;
}

export const MIN_TITLE = 10;

export function emptyDraft(): Draft {
  return {
    title: '',
    keywords: '',
    audience: 'tous',
    subject: '',
    body: '{{civilite}},\n\n\n\nBien cordialement,\n\n{{> expediteur}}',
    fields: {},
  };
}

export function slug(title: string, separator = '-'): string {
  return (
    title
      .toLowerCase()
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/œ/g, 'oe')
      .replace(/æ/g, 'ae')
      .replace(/[^a-z0-9]+/g, separator)
      .replace(new RegExp(`^\\${separator}+|\\${separator}+$`, 'g'), '')
      .split(separator)
      .filter(Boolean)
      .slice(0, 8)
      .join(separator) || 'modele'
  );
}

/** « RE : », « TR : », « Fwd: »… at the start of a subject. */
const REPLY_PREFIX = /^\s*((re|tr|fw|fwd|réf|ref)\s*:\s*)+/i;

/**
 * A draft from an e-mail written in the compose window: its subject and its
 * text (already without signature and quoted message). The name starts as the
 * subject; a greeting that names the recipient (« Bonjour Madame Durand, »)
 * becomes the greeting the form fills for each recipient.
 */
export function draftFromMail(subject: string, text: string, personalGreeting = true): Draft {
  const cleanSubject = subject.replace(REPLY_PREFIX, '').trim();
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const first = lines.findIndex((l) => l.trim());
  let body = lines.slice(Math.max(first, 0)).join('\n').trim();
  const greeting = first >= 0 ? parseGreeting(lines[first]!) : null;
  if (personalGreeting && greeting && /,\s*$/.test(greeting.line)) {
    const appel = /^(bonjour|bonsoir)\b/i.test(greeting.line) ? '{{bonjour}},' : greeting.civilite ? '{{civilite}},' : null;
    if (appel && (greeting.nom || greeting.civilite)) body = [appel, ...lines.slice(first + 1)].join('\n').trim();
  }
  return { title: cleanSubject, keywords: '', audience: 'entreprise', subject: cleanSubject, body, fields: {} };
}
