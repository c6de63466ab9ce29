/**
 * Bringing templates into « Mes modèles » from a backup (a pack file) or a
 * team's spreadsheet (CSV), without ever overwriting silently: each incoming
 * template is new, already there (same content), or in conflict with one of
 * the user's (same name or id, different content). A conflict is kept as
 * both by default; the user may choose to replace or to leave it out.
 */
import { fold } from '../search/normalize';
import type { Template } from '../templates/types';
import { canonical } from './codec';
import { putTemplate, type PersonalData } from './data';

export type ImportStatus = 'new' | 'same' | 'conflict';
export type ImportChoice = 'both' | 'replace' | 'skip';

export interface ImportItem {
  template: Template;
  status: ImportStatus;
  /** The user's template it matches (same id or same name). */
  existing?: Template;
}

const contentOf = (t: Template) => canonical({ ...t, id: '' });
const sameTitle = (a: string, b: string) => fold(a).trim() === fold(b).trim();

export function planImport(mine: Template[], incoming: Template[]): ImportItem[] {
  return incoming.map((template) => {
    const existing = mine.find((t) => sameTitle(t.title, template.title)) ?? mine.find((t) => t.id === template.id);
    if (!existing) return { template, status: 'new' };
    return { template, status: contentOf(existing) === contentOf(template) ? 'same' : 'conflict', existing };
  });
}

/** What happens to an item unless the user says otherwise. */
export const defaultChoice = (item: ImportItem): ImportChoice => (item.status === 'same' ? 'skip' : 'both');

export interface ImportResult {
  data: PersonalData;
  added: string[];
  replaced: string[];
  skipped: string[];
}

function freeId(id: string, taken: Set<string>): string {
  if (!taken.has(id)) return id;
  const base = id.slice(0, 100);
  let n = 2;
  while (taken.has(`${base}-${n}`)) n++;
  return `${base}-${n}`;
}

function freeTitle(title: string, taken: Template[]): string {
  if (!taken.some((t) => sameTitle(t.title, title))) return title;
  for (let n = 1; ; n++) {
    const candidate = `${title.slice(0, 470)} (importé${n > 1 ? ` ${n}` : ''})`;
    if (!taken.some((t) => sameTitle(t.title, candidate))) return candidate;
  }
}

export function applyImport(data: PersonalData, items: ImportItem[], choices: ImportChoice[], now: Date): ImportResult {
  let next = data;
  const result: Omit<ImportResult, 'data'> = { added: [], replaced: [], skipped: [] };
  items.forEach((item, i) => {
    const choice = choices[i] ?? defaultChoice(item);
    if (choice === 'skip' || (item.status === 'same' && choice !== 'replace')) {
      result.skipped.push(item.template.title);
      return;
    }
    const existing = item.existing && next.templates.find((t) => t.id === item.existing!.id);
    if (choice === 'replace' && existing) {
      next = putTemplate(next, { ...item.template, id: existing.id, title: existing.title === item.template.title ? item.template.title : freeTitle(item.template.title, next.templates.filter((t) => t.id !== existing.id)) }, now);
      result.replaced.push(existing.title);
      return;
    }
    const taken = new Set(next.templates.map((t) => t.id));
    const template = { ...item.template, id: freeId(item.template.id, taken), title: freeTitle(item.template.title, next.templates) };
    next = putTemplate(next, template, now);
    result.added.push(template.title);
  });
  return { data: next, ...result };
}
