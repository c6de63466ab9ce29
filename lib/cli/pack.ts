/**
 * The pack tool for pack authors:
 *
 *   npx modeles-pack lint  <dossier>                  compile and lint, print « fichier:ligne [règle] message »
 *   npx modeles-pack build <dossier> [-o pack.json]   the same, then write the pack file
 *   npx modeles-pack check <pack.json>                read a pack file exactly as the extension will
 *   npx modeles-pack schema [-o fichier.json]         write the JSON Schema of pack files
 *
 * Exit code 1 when there is an error. A folder holds pack.yaml and template
 * files in the format of templates/ (templates/README.md).
 */
import fs from 'node:fs';
import path from 'node:path';
import { buildPack } from '../packs/build';
import { packJsonSchema } from '../packs/schema';
import { packToFile, readPack } from '../packs/validate';
import { formatProblems } from '../templates/lint';

/** Where the published schema lives in this repository. */
export const SCHEMA_FILE = 'lib/packs/pack.schema.json';

const USAGE = `Utilisation :
  modeles-pack lint  <dossier>
  modeles-pack build <dossier> [-o fichier.json]
  modeles-pack check <fichier.json>
  modeles-pack schema [-o fichier.json]`;

export function run(argv: string[], out: (line: string) => void = console.log): number {
  const [command, target, ...rest] = argv;
  if (command === 'schema') {
    const file = argv[1] === '-o' && argv[2] ? argv[2] : SCHEMA_FILE;
    fs.writeFileSync(file, `${JSON.stringify(packJsonSchema(), null, 2)}\n`);
    out(`Schéma JSON des packs écrit dans ${file}`);
    return 0;
  }
  if (!command || !target || !['lint', 'build', 'check'].includes(command)) {
    out(USAGE);
    return 2;
  }
  if (command === 'check') {
    if (!fs.existsSync(target)) {
      out(`${target} : fichier introuvable`);
      return 1;
    }
    const { pack, errors, remarks } = readPack(fs.readFileSync(target, 'utf8'));
    for (const e of errors) out(`${target}  erreur  ${e}`);
    if (remarks.length) out(formatProblems(remarks));
    if (pack) out(`Pack « ${pack.name} » ${pack.version} : ${pack.templates.length} modèles, lisible par l’extension.`);
    return errors.length ? 1 : 0;
  }
  const dir = path.resolve(target);
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
    out(`${target} : dossier introuvable`);
    return 1;
  }
  const { pack, problems } = buildPack(dir);
  const errors = problems.filter((p) => p.severity === 'error').length;
  if (problems.length) out(formatProblems(problems));
  out(`${pack?.templates.length ?? 0} modèles, ${errors} erreur(s), ${problems.length - errors} avertissement(s).`);
  if (!pack || errors) return 1;
  if (command === 'build') {
    const o = rest.indexOf('-o');
    const file = o >= 0 && rest[o + 1] ? rest[o + 1]! : `${pack.id}-${pack.version}.json`;
    fs.writeFileSync(file, `${JSON.stringify(packToFile(pack), null, 2)}\n`);
    out(`Pack « ${pack.name} » ${pack.version} écrit dans ${file}`);
  }
  return 0;
}

if (process.argv[1] && /pack\.ts$|modeles-pack/.test(process.argv[1])) process.exitCode = run(process.argv.slice(2));
