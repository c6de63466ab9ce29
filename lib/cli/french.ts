/**
 * The French checker over the whole library: every template rendered across
 * the matrix (lib/templates/matrix.ts), every distinct line sent once through
 * Grammalecte (Debian package grammalecte-cli), findings mapped back to the
 * template and the rendering they came from.
 *
 *   npx tsx lib/cli/french.ts [dossier] [--only texte-du-chemin] [--stats]
 *
 * Rules turned off are listed, each with its reason, in templates/grammalecte.yaml.
 * Spelling is checked on the template's own words, not on the sample values
 * (names of people and companies). Exit code 1 on any finding.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import YAML from 'yaml';
import { loadLibrary } from '../templates/load';
import { describeVariant, renderMatrix, sampleValues, variants } from '../templates/matrix';
import type { Template } from '../templates/types';

interface Config {
  /** Grammalecte rule names (sRuleId, or the name inside it) turned off, with the reason. */
  rules_off: Record<string, string>;
  /** Words Grammalecte's dictionary does not know but French business letters use. */
  words: string[];
  /** Findings read and judged wrong, one by one: template id, rule name (or part of it), the words underlined, and why. */
  accepted: { template: string; rule: string; text: string; reason: string }[];
}

interface GrammarError {
  nStart: number;
  nEnd: number;
  sRuleId: string;
  sMessage: string;
  sUnderlined?: string;
  aSuggestions?: string[];
}

interface SpellingError {
  nStart: number;
  nEnd: number;
  sValue: string;
}

export interface FrenchFinding {
  file: string;
  line: number;
  rule: string;
  message: string;
  context: string;
  variant: string;
}

const BIN = process.env.GRAMMALECTE_BIN ?? 'grammalecte-cli';

/** templates/grammalecte.yaml, merged with the grammalecte.yaml of each theme folder (their `accepted` and `words`). */
function readConfig(dir: string): Config {
  const files = [path.join(dir, 'grammalecte.yaml'), ...fs.readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => path.join(dir, e.name, 'grammalecte.yaml'))];
  const config: Config = { rules_off: {}, words: [], accepted: [] };
  for (const file of files.filter((f) => fs.existsSync(f))) {
    const raw = (YAML.parse(fs.readFileSync(file, 'utf8')) ?? {}) as Partial<Config>;
    if (file === files[0]) Object.assign(config.rules_off, raw.rules_off);
    config.words.push(...(raw.words ?? []));
    config.accepted.push(...(raw.accepted ?? []));
  }
  return config;
}

/** Runs Grammalecte once over `lines` (one paragraph each); returns its JSON paragraphs, 1-based. */
export function grammalecte(lines: string[]): Map<number, { grammar: GrammarError[]; spelling: SpellingError[] }> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'modeles-gr-'));
  const file = path.join(tmp, 'lines.txt');
  fs.writeFileSync(file, `${lines.join('\n')}\n`);
  const out = execFileSync(BIN, ['-f', file, '-j', '-owe'], { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
  fs.rmSync(tmp, { recursive: true, force: true });
  const json = JSON.parse(out) as { data: { iParagraph: number; lGrammarErrors: GrammarError[]; lSpellingErrors: SpellingError[] }[] };
  return new Map(json.data.map((p) => [p.iParagraph, { grammar: p.lGrammarErrors, spelling: p.lSpellingErrors }]));
}

/** A rule id such as « g2__typo_ordinaux_chiffres_exposants__b1_a1_1 » is off when it is, or contains, a listed name. */
const isOff = (config: Config, rule: string) => Object.keys(config.rules_off).some((name) => rule === name || rule.includes(name));

/** Words of the sample values: names of people, companies, references — not the template's own words. */
function sampleWords(t: Template): Set<string> {
  const words = new Set<string>();
  for (const v of variants(t).slice(0, 2)) for (const value of Object.values(sampleValues(t, v))) for (const w of value.split(/[^\p{L}\d’'-]+/u)) words.add(w);
  return words;
}

export function checkFrench(templates: Template[], config: Config): { findings: FrenchFinding[]; lines: number; renderings: number; unused: Config['accepted'] } {
  const used = new Set<Config['accepted'][number]>();
  const lines: string[] = [];
  const index = new Map<string, number>();
  const uses: { t: Template; variant: string }[][] = [];
  let renderings = 0;
  for (const t of templates) {
    for (const r of renderMatrix(t)) {
      renderings++;
      for (const line of [r.subject, ...r.text.split('\n')]) {
        const text = line.trim();
        if (!text) continue;
        let i = index.get(text);
        if (i === undefined) {
          i = lines.push(text) - 1;
          index.set(text, i);
          uses[i] = [];
        }
        if (!uses[i]!.some((u) => u.t === t)) uses[i]!.push({ t, variant: describeVariant(r.variant) });
      }
    }
  }
  const results = grammalecte(lines);
  const known = new Set(config.words.map((w) => w.toLowerCase()));
  const samples = new Map<Template, Set<string>>();
  const findings: FrenchFinding[] = [];
  for (const [paragraph, result] of results) {
    const i = paragraph - 1;
    const text = lines[i]!;
    for (const { t, variant } of uses[i] ?? []) {
      const file = t.source?.file ?? t.id;
      const lineOf = (needle: string) => {
        const at = t.body.split('\n').findIndex((l) => l.includes(needle));
        return (t.source?.bodyLine ?? 1) + Math.max(0, at);
      };
      for (const e of result.grammar) {
        const underlined = text.slice(e.nStart, e.nEnd);
        const accepted = config.accepted.find((a) => a.template === t.id && e.sRuleId.includes(a.rule) && a.text === underlined);
        if (accepted) used.add(accepted);
        if (isOff(config, e.sRuleId) || accepted) continue;
        const context = text.slice(Math.max(0, e.nStart - 40), e.nEnd + 30);
        const suggestion = e.aSuggestions?.length ? ` → ${e.aSuggestions.slice(0, 2).join(' / ')}` : '';
        findings.push({ file, line: lineOf(underlined), rule: e.sRuleId, message: `${e.sMessage} « ${underlined} »${suggestion}`, context, variant });
      }
      if (!samples.has(t)) samples.set(t, sampleWords(t));
      for (const e of result.spelling) {
        // Article numbers (L441-10, D441-5, R124-4) and references with digits are not words.
        if (known.has(e.sValue.toLowerCase()) || samples.get(t)!.has(e.sValue) || /\d/.test(e.sValue)) continue;
        findings.push({ file, line: lineOf(e.sValue), rule: 'orthographe', message: `mot inconnu « ${e.sValue} »`, context: text.slice(Math.max(0, e.nStart - 40), e.nEnd + 30), variant });
      }
    }
  }
  // One finding per template, rule and context: the same sentence in many renderings is one fault.
  const seen = new Set<string>();
  return {
    findings: findings.filter((f) => {
      const key = `${f.file}|${f.rule}|${f.context}`;
      return !seen.has(key) && seen.add(key);
    }),
    lines: lines.length,
    renderings,
    unused: config.accepted.filter((a) => !used.has(a) && templates.some((t) => t.id === a.template)),
  };
}

function main(argv: string[]) {
  const dir = argv.find((a) => !a.startsWith('--') && argv[argv.indexOf(a) - 1] !== '--only') ?? 'templates';
  const only = argv.includes('--only') ? argv[argv.indexOf('--only') + 1] : undefined;
  const { library } = loadLibrary(dir);
  const templates = library.templates.filter((t) => !only || (t.source?.file ?? t.id).includes(only));
  const started = Date.now();
  const { findings, lines, renderings, unused } = checkFrench(templates, readConfig(dir));
  for (const f of findings.toSorted((a, b) => a.file.localeCompare(b.file) || a.line - b.line))
    console.log(`${f.file}:${f.line}  [${f.rule}]  ${f.message}\n    « ${f.context} » (${f.variant})`);
  if (argv.includes('--stats')) {
    const byRule = new Map<string, number>();
    for (const f of findings) byRule.set(f.rule, (byRule.get(f.rule) ?? 0) + 1);
    console.log([...byRule].toSorted((a, b) => b[1] - a[1]).map(([r, n]) => `${n}\t${r}`).join('\n'));
  }
  console.log(`Grammalecte : ${templates.length} modèles, ${renderings} rendus, ${lines} lignes distinctes, ${findings.length} remarque(s) en ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  // An accepted finding that no longer occurs is a stale exception: remove it from grammalecte.yaml.
  for (const a of unused) console.log(`grammalecte.yaml  [accepted]  « ${a.text} » (${a.rule}) n’apparaît plus dans « ${a.template} » : retirez cette exception`);
  process.exitCode = findings.length || unused.length ? 1 : 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) main(process.argv.slice(2));
