import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { run } from '../../../lib/cli/pack';
import { readPack } from '../../../lib/packs/validate';
import { EXAMPLE_PACK_DIR } from './fixtures';

const tmp: string[] = [];
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'modeles-pack-'));
  tmp.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of tmp.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function runCli(...argv: string[]): { code: number; output: string } {
  const lines: string[] = [];
  const code = run(argv, (line) => lines.push(line));
  return { code, output: lines.join('\n') };
}

describe('npx modeles-pack', () => {
  it('builds the example pack into a file the extension reads', () => {
    const out = path.join(tempDir(), 'compta.json');
    const { code, output } = runCli('build', EXAMPLE_PACK_DIR, '-o', out);
    expect(code).toBe(0);
    expect(output).toMatch(/2 modèles, 0 erreur/);
    expect(readPack(fs.readFileSync(out, 'utf8')).pack?.templates).toHaveLength(2);
    expect(runCli('check', out).code).toBe(0);
  });

  it('reports file, line, rule and message, and fails, for a broken template', () => {
    const dir = tempDir();
    fs.cpSync(EXAMPLE_PACK_DIR, dir, { recursive: true });
    const file = path.join(dir, 'demande-rib-fournisseur.md');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('Cordialement,', 'Cordialement, {{champ_fantome}}'));
    const other = path.join(dir, 'confirmation-virement-emis.md');
    fs.writeFileSync(other, fs.readFileSync(other, 'utf8').replace('Nous restons', 'Un huissier passera. Nous restons'));
    const { code, output } = runCli('lint', dir);
    expect(code).toBe(1);
    const line = fs.readFileSync(file, 'utf8').split('\n').findIndex((l) => l.includes('champ_fantome')) + 1;
    expect(output).toMatch(new RegExp(`demande-rib-fournisseur\\.md:${line} +erreur \\[unknown-field\\] +champ inconnu « champ_fantome »`));
    expect(output).toMatch(/confirmation-virement-emis\.md:\d+ .*commissaire de justice/);
  });

  it('says what is missing in a folder without pack.yaml, and in a broken pack file', () => {
    const dir = tempDir();
    expect(runCli('lint', dir)).toMatchObject({ code: 1, output: expect.stringMatching(/il manque pack\.yaml/) });
    const broken = path.join(dir, 'x.json');
    fs.writeFileSync(broken, '{');
    expect(runCli('check', broken)).toMatchObject({ code: 1, output: expect.stringMatching(/JSON/) });
    expect(runCli('frobnicate', dir).code).toBe(2);
  });
});
