/**
 * Template files: YAML front matter + Mustache body → buildTemplate, with the
 * line of every problem in the file. Build time and tools only: gray-matter
 * must never reach the extension's bundles (it can evaluate JavaScript).
 */
import matter from 'gray-matter';
import YAML from 'yaml';
import { buildTemplate, lineAt, type CompileContext, type CompileResult, type Problem } from './compile';
import { frontMatterSchema } from './schema';

/** Compiles one template source. `file` is only used in messages. */
export function compileTemplate(file: string, source: string, ctx: CompileContext): CompileResult {
  const problems: Problem[] = [];
  const problem = (line: number, rule: string, message: string) => problems.push({ file, line, rule, severity: 'error', message });

  if (!/^---\r?\n/.test(source)) {
    problem(1, 'front-matter', 'le fichier doit commencer par un en-tête YAML entre deux lignes « --- »');
    return { problems };
  }
  let parsed: matter.GrayMatterFile<string>;
  try {
    parsed = matter(source, { engines: { yaml: (s: string) => YAML.parse(s, { logLevel: 'error' }) as object } });
  } catch (e) {
    const pos = (e as { linePos?: { line: number }[] }).linePos?.[0]?.line;
    problem((pos ?? 0) + 1, 'yaml', `en-tête YAML illisible : ${(e as Error).message.split('\n')[0]}`);
    return { problems };
  }
  // parsed.matter is the YAML with its leading newline: its line N is line N of the file.
  const yamlLines = parsed.matter.split('\n').length;
  const leadingBlank = /^(\s*\n)*/.exec(parsed.content)![0].split('\n').length - 1;
  const bodyLine = yamlLines + 2 + leadingBlank;
  const doc = YAML.parseDocument(parsed.matter, { logLevel: 'error' });
  const lineOfPath = (path: PropertyKey[]): number => {
    for (let n = path.length; n > 0; n--) {
      const node = doc.getIn(path.slice(0, n) as unknown[], true) as { range?: [number] } | undefined;
      if (node?.range) return lineAt(parsed.matter, node.range[0]);
    }
    return 1;
  };

  const fm = frontMatterSchema.safeParse(parsed.data);
  if (!fm.success) {
    for (const issue of fm.error.issues) {
      const where = issue.path.length ? `${issue.path.join('.')} : ` : '';
      problem(lineOfPath(issue.path), 'schema', `${where}${issue.message}`);
    }
    return { problems };
  }
  return buildTemplate(file, fm.data, parsed.content.replace(/^(\s*\n)*/, '').replace(/\s+$/, ''), ctx, {
    subject: lineOfPath(['subject']),
    body: bodyLine,
    field: (name) => lineOfPath(['fields', name]),
  });
}
