/**
 * Reads a folder of template files (the layout of templates/) and compiles it
 * into a library: used by the extension build (wxt.config.ts), the tests and
 * the pack tools. Node only.
 *
 *   <dir>/fields.yaml             shared field catalogue
 *   <dir>/_partials/<name>.mustache   reusable blocks, {{> name}}
 *   <dir>/<theme>/<id>.md         one template per file
 */
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { checkLibrary, type CompileContext, type Problem } from './compile';
import { compileTemplate } from './parse';
import { lintTemplate } from './lint';
import { catalogueSchema } from './schema';
import type { Library, Template } from './types';

export interface LoadResult {
  library: Library;
  problems: Problem[];
}

function listTemplateFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true }).toSorted((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name.startsWith('_') || entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listTemplateFiles(full));
    else if (entry.name.endsWith('.md') && entry.name !== 'README.md') out.push(full);
  }
  return out;
}

export function loadContext(dir: string, problems: Problem[], relative: (f: string) => string, base?: CompileContext): CompileContext {
  const ctx: CompileContext = { catalogue: { ...base?.catalogue }, partials: { ...base?.partials } };
  const cataloguePath = path.join(dir, 'fields.yaml');
  if (fs.existsSync(cataloguePath)) {
    const parsed = catalogueSchema.safeParse(YAML.parse(fs.readFileSync(cataloguePath, 'utf8')));
    if (parsed.success) Object.assign(ctx.catalogue, parsed.data);
    else for (const issue of parsed.error.issues) problems.push({ file: relative(cataloguePath), line: 1, rule: 'schema', severity: 'error', message: `${issue.path.join('.')} : ${issue.message}` });
  }
  const partialsDir = path.join(dir, '_partials');
  if (fs.existsSync(partialsDir)) {
    for (const name of fs.readdirSync(partialsDir)) {
      if (name.endsWith('.mustache')) ctx.partials[name.replace(/\.mustache$/, '')] = fs.readFileSync(path.join(partialsDir, name), 'utf8');
    }
  }
  return ctx;
}

/** Compiles and lints every template of `dir`. Paths in problems are relative to `root`. */
export function loadLibrary(dir: string, root = process.cwd(), base?: CompileContext): LoadResult {
  const problems: Problem[] = [];
  const relative = (f: string) => path.relative(root, f);
  const ctx = loadContext(dir, problems, relative, base);
  const templates: Template[] = [];
  for (const file of listTemplateFiles(dir)) {
    const result = compileTemplate(relative(file), fs.readFileSync(file, 'utf8'), ctx);
    problems.push(...result.problems);
    if (result.template) {
      templates.push(result.template);
      problems.push(...lintTemplate(result.template));
    }
  }
  problems.push(...checkLibrary(templates));
  for (const t of templates) {
    if (t.source && path.basename(t.source.file, '.md') !== t.id)
      problems.push({ file: t.source.file, line: 2, rule: 'file-name', severity: 'error', message: `le fichier doit s’appeler ${t.id}.md` });
  }
  return { library: { formatVersion: 1, templates }, problems };
}
