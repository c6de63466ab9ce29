/**
 * `npm run templates` — compiles and lints every template of templates/ and
 * prints « file:line [rule] message ». Exit code 1 when there is an error.
 */
import path from 'node:path';
import { loadLibrary } from '../templates/load';
import { formatProblems } from '../templates/lint';

const dir = path.resolve(process.argv[2] ?? 'templates');
const { library, problems } = loadLibrary(dir);
const errors = problems.filter((p) => p.severity === 'error').length;
if (problems.length) console.log(formatProblems(problems));
console.log(`${library.templates.length} modèles, ${errors} erreur(s), ${problems.length - errors} avertissement(s).`);
process.exit(errors ? 1 : 0);
