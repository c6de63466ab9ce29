/**
 * Building a pack from a folder of template files (the layout of templates/,
 * with a pack.yaml manifest): the same compiler and linter as the built-in
 * library. The folder may bring its own fields.yaml and _partials/, which
 * complete (and may override) the built-in ones. Node only.
 */
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import type { Problem } from '../templates/compile';
import { loadContext, loadLibrary } from '../templates/load';
import { PACK_FORMAT, PACK_FORMAT_VERSION, packSchema } from './schema';
import { withoutSource, type Pack } from './validate';

export const BUILTIN_TEMPLATES = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../templates');

const manifestSchema = packSchema.omit({ format: true, formatVersion: true, templates: true }).partial({ version: true });

export interface PackBuild {
  pack?: Pack;
  problems: Problem[];
}

export function buildPack(dir: string, options: { root?: string; version?: string } = {}): PackBuild {
  const root = options.root ?? process.cwd();
  const relative = (f: string) => path.relative(root, f);
  const manifestPath = path.join(dir, 'pack.yaml');
  const problems: Problem[] = [];
  if (!fs.existsSync(manifestPath)) {
    return { problems: [{ file: relative(manifestPath), line: 1, rule: 'manifest', severity: 'error', message: 'il manque pack.yaml (id, name, version…)' }] };
  }
  let manifest: unknown;
  try {
    manifest = YAML.parse(fs.readFileSync(manifestPath, 'utf8'));
  } catch (e) {
    return { problems: [{ file: relative(manifestPath), line: 1, rule: 'yaml', severity: 'error', message: `pack.yaml illisible : ${(e as Error).message.split('\n')[0]}` }] };
  }
  const parsed = manifestSchema.safeParse(manifest);
  if (!parsed.success) {
    return {
      problems: parsed.error.issues.map((i) => ({ file: relative(manifestPath), line: 1, rule: 'manifest', severity: 'error' as const, message: `${i.path.join('.')} : ${i.message}` })),
    };
  }
  const version = options.version ?? parsed.data.version;
  if (!version) return { problems: [{ file: relative(manifestPath), line: 1, rule: 'manifest', severity: 'error', message: 'version : obligatoire, au format semver (1.0.0)' }] };

  // The pack's catalogue and blocks complete the built-in ones.
  const builtin = path.resolve(dir) === BUILTIN_TEMPLATES ? { catalogue: {}, partials: {} } : loadContext(BUILTIN_TEMPLATES, problems, relative);
  const { library, problems: found } = loadLibrary(dir, root, builtin);
  problems.push(...found);
  if (problems.some((p) => p.severity === 'error')) return { problems };
  const pack: Pack = {
    format: PACK_FORMAT,
    formatVersion: PACK_FORMAT_VERSION,
    ...parsed.data,
    version,
    templates: library.templates.map(withoutSource),
  };
  return { pack, problems };
}
