/**
 * The built-in library, made at build time (wxt.config.ts): templates/
 * compiled into the built-in pack, and the shared field catalogue for
 * « Mes modèles ». The pack's version is the extension's, read from
 * package.json — the one place the version is written: WXT takes the manifest
 * version from there too, and the settings page shows the manifest's.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Problem } from '../templates/compile';
import { formatProblems } from '../templates/lint';
import { loadContext } from '../templates/load';
import { buildPack } from './build';
import { packToFile, type Pack } from './validate';

/** The version in package.json. */
export function extensionVersion(root: string): string {
  return (JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string }).version;
}

/** The built-in pack, with the extension's version. A template with an error fails the build. */
export function builtInPack(root: string): Pack {
  const { pack, problems } = buildPack(path.join(root, 'templates'), { root, version: extensionVersion(root) });
  const errors = problems.filter((p) => p.severity === 'error');
  if (!pack || errors.length) throw new Error(`Modèles invalides :\n${formatProblems(errors)}`);
  return pack;
}

/** library.json: the built-in pack as a pack file. */
export function builtInLibrary(root: string): string {
  return JSON.stringify(packToFile(builtInPack(root)));
}

/** catalogue.json: the shared field catalogue and blocks, for templates written in the settings page. */
export function builtInContext(root: string): string {
  const problems: Problem[] = [];
  const ctx = loadContext(path.join(root, 'templates'), problems, (f) => path.relative(root, f));
  if (problems.length) throw new Error(`Catalogue invalide :\n${formatProblems(problems)}`);
  return JSON.stringify(ctx);
}
