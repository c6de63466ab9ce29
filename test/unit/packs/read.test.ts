import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtInLibrary, builtInPack, extensionVersion } from '../../../lib/packs/builtin';
import { LIMITS, packJsonSchema } from '../../../lib/packs/schema';
import { diffPacks, packToFile, readPack } from '../../../lib/packs/validate';
import { renderText, buildView } from '../../../lib/render/render';
import { asText, examplePack } from './fixtures';

describe('reading a pack file', () => {
  it('reads the example pack, templates compiled and sender block expanded', () => {
    const { pack, errors } = readPack(asText(examplePack()));
    expect(errors).toEqual([]);
    expect(pack?.id).toBe('comptabilite-acme');
    expect(pack?.defaults.iban).toMatch(/^FR76/);
    const rib = pack!.templates.find((t) => t.id === 'demande-rib-fournisseur')!;
    expect(rib.body).not.toContain('{{>');
    expect(rib.fields.map((f) => f.name)).toEqual(expect.arrayContaining(['facture_numero', 'montant', 'expediteur_nom']));
  });

  it('still reads a pack written before « sender » existed: its letters are a company’s', () => {
    const file = examplePack();
    const old = { ...file, templates: file.templates.map((t) => Object.fromEntries(Object.entries(t).filter(([k]) => k !== 'sender' && k !== 'sameForBoth'))) };
    const { pack, errors } = readPack(asText(old));
    expect(errors).toEqual([]);
    expect(pack!.templates.every((t) => t.sender === 'entreprise')).toBe(true);
  });

  it('reads agreement tags and a private sender in a pack, and refuses a tag it cannot follow', () => {
    const file = examplePack();
    const first = file.templates[0]!;
    const person = { ...first, sender: 'particulier' as const, body: `${first.body}\nJe reste {{je:joignable|joignable}} et {{vous:ravi|ravie|heureux de vous lire}}.` };
    const read = readPack(asText({ ...file, templates: [person] }));
    expect(read.errors).toEqual([]);
    expect(read.pack!.templates[0]!.fields.map((f) => f.name)).toEqual(expect.arrayContaining(['expediteur_genre', 'civilite']));
    const bad = readPack(asText({ ...file, templates: [{ ...first, body: `${first.body}\n{{vous:ravi|ravie}}` }] }));
    expect(bad.pack).toBeUndefined();
    expect(bad.errors.join(' ')).toMatch(/trois formes/);
  });

  it('round-trips: a pack written back to a file reads the same', () => {
    const first = readPack(asText(examplePack())).pack!;
    const again = readPack(asText(packToFile(first))).pack!;
    expect(again).toEqual(first);
  });

  it.each([
    ['not JSON', '{ "format": "modeles-pack", ', /JSON/],
    ['another kind of file', asText({ hello: 'world' }), /pas un pack Modèles/],
    ['a newer format', asText(examplePack({ formatVersion: 2 } as never)), /format 2.*mettez l’extension à jour/],
    ['a bad version', asText(examplePack({ version: 'v1' })), /semver/],
  ])('refuses %s with a French message', (_, text, message) => {
    const { pack, errors } = readPack(text);
    expect(pack).toBeUndefined();
    expect(errors.join(' ')).toMatch(message);
  });

  it('refuses a file too big before parsing it', () => {
    const { pack, errors } = readPack(' '.repeat(LIMITS.fileChars + 1));
    expect(pack).toBeUndefined();
    expect(errors[0]).toMatch(/trop gros/);
  });

  it('names the template and the problem: Mustache error, unknown field, HTML, partial', () => {
    const file = examplePack();
    const first = file.templates.find((t) => t.id === 'demande-rib-fournisseur');
    const second = file.templates.find((t) => t.id === 'confirmation-virement-emis');
    const broken = {
      ...file,
      templates: [
        { ...first!, body: `${first!.body}\n{{#facture_numero}}jamais fermé` },
        { ...second!, body: `${second!.body}\n{{champ_inconnu}}` },
        { ...second!, id: 'html', title: 'Un modèle avec du HTML dedans', body: '{{{montant}}} <b>gras</b>' },
        { ...second!, id: 'partiel', title: 'Un modèle qui appelle un bloc', body: '{{> expediteur}}' },
      ],
    };
    const { pack, errors } = readPack(asText(broken));
    expect(pack).toBeUndefined();
    const text = errors.join('\n');
    expect(text).toMatch(/« demande-rib-fournisseur » : erreur Mustache : section « facture_numero » ouverte mais jamais fermée/);
    expect(text).toMatch(/« confirmation-virement-emis » : champ inconnu « champ_inconnu »/);
    expect(text).toMatch(/« html » : .*HTML brut/);
    expect(text).toMatch(/« partiel » : bloc « expediteur » inconnu/);
  });

  it('refuses unknown keys and duplicate template ids', () => {
    const file = examplePack();
    expect(readPack(asText({ ...file, script: 'alert(1)' })).errors.join()).toMatch(/script/);
    expect(readPack(asText({ ...file, templates: [file.templates[0], file.templates[0]] })).errors.join()).toMatch(/identifiant « confirmation-virement-emis » déjà utilisé/);
  });

  it('renders field values as text, never HTML', () => {
    const { pack } = readPack(asText(examplePack()));
    const t = pack!.templates[0]!;
    const view = buildView(t, { facture_numero: '<img src=x onerror=alert(1)>' }, new Date(2026, 10, 23), true);
    expect(renderText(t.subject, view)).toContain('<img src=x onerror=alert(1)>');
  });

  it('says which templates a new version adds, changes and removes', () => {
    const before = readPack(asText(examplePack())).pack!;
    const [virement, rib] = before.templates;
    const after = { ...before, templates: [{ ...virement!, subject: `${virement!.subject} (modifié)` }, { ...rib!, id: 'nouveau' }] };
    expect(diffPacks(before, after)).toEqual({ added: ['nouveau'], changed: ['confirmation-virement-emis'], removed: ['demande-rib-fournisseur'] });
  });
});

describe('the built-in library as a pack', () => {
  it('builds, reads back as a pack file, and carries the extension’s version (package.json, the one place it is written)', () => {
    const root = path.resolve(import.meta.dirname, '../../..');
    const pack = builtInPack(root);
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };
    expect(pack.version).toBe(pkg.version);
    expect(extensionVersion(root)).toBe(pkg.version);
    const read = readPack(builtInLibrary(root));
    expect(read.errors).toEqual([]);
    expect(read.pack?.version).toBe(pkg.version);
    expect(read.pack?.templates).toHaveLength(pack.templates.length);
  }, 60_000); // compiles and lints the whole library across the rendering matrix
});

describe('the published JSON Schema', () => {
  it('is lib/packs/pack.schema.json, generated from the schema the extension uses', () => {
    const published = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../../../lib/packs/pack.schema.json'), 'utf8')) as unknown;
    expect(published, 'run « npx modeles-pack schema » to update it').toEqual(packJsonSchema());
  });
});
