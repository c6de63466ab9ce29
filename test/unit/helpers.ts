import path from 'node:path';
import type { CompileContext, Problem } from '../../lib/templates/compile';
import { compileTemplate } from '../../lib/templates/parse';
import { loadContext } from '../../lib/templates/load';
import type { Template } from '../../lib/templates/types';

export const TEMPLATES_DIR = path.resolve('templates');

let ctx: CompileContext | null = null;
/** The real field catalogue and partials of templates/. */
export function context(): CompileContext {
  ctx ??= loadContext(TEMPLATES_DIR, [], (f) => f);
  return ctx;
}

/** Builds a template file from front matter lines and a body. */
export function source(frontMatter: Record<string, unknown>, body: string): string {
  const yaml = Object.entries(frontMatter)
    .map(([k, v]) => `${k}: ${JSON.stringify(v)}`)
    .join('\n');
  return `---\n${yaml}\n---\n${body}\n`;
}

export const BASE = {
  id: 'essai',
  title: 'Un client est en retard dans le règlement de sa facture, vous le relancez.',
  keywords: ['relance facture'],
  category: 'paiements',
  audience: 'tous',
  subject: 'Facture n° {{facture_numero}}',
};

export function compile(src: string): { template?: Template; problems: Problem[] } {
  return compileTemplate('essai.md', src, context());
}

export function compileOk(frontMatter: Record<string, unknown>, body: string): Template {
  const { template, problems } = compile(source({ ...BASE, ...frontMatter }, body));
  if (!template) throw new Error(problems.map((p) => `${p.line}: ${p.message}`).join('\n'));
  return template;
}
