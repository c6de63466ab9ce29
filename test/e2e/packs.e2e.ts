/**
 * Shared packs, end to end: a real HTTP server on 127.0.0.1 publishes a pack;
 * the user subscribes from the settings page, writes with one of its
 * templates in Gmail, gets the next version, is protected from a broken one,
 * imports and exports files, and writes a template of their own.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPack } from '../../lib/packs/build';
import type { PackFile } from '../../lib/packs/schema';
import { packToFile, readPack } from '../../lib/packs/validate';
import { EXTENSION_DIR } from './harness';
import { browserForFile } from './setup';
import { fill, modelesButton, palette, pick, search, text } from './palette';
import { serveGmail } from './pages/gmail';

const EXAMPLE = path.resolve(import.meta.dirname, '../fixtures/packs/comptabilite');
const RIB = 'Vous demandez à un nouveau fournisseur son RIB avant le premier virement.';

/** The example pack folder, built with the pack tool, at a given version. */
function packFile(version: string, patch: (file: PackFile) => PackFile = (f) => f): PackFile {
  const { pack } = buildPack(EXAMPLE, { version });
  return patch(packToFile(pack!));
}

/** A pack server as an intranet would be: a static JSON file with an ETag, readable by extensions (CORS). */
let published = '';
const requests: { ifNoneMatch?: string }[] = [];
const server = http.createServer((req, res) => {
  if (req.url !== '/packs/compta.json') {
    res.writeHead(404).end();
    return;
  }
  requests.push({ ...(req.headers['if-none-match'] && { ifNoneMatch: req.headers['if-none-match'] }) });
  const etag = `"${published.length}-${Buffer.from(published).reduce((a, c) => (a * 31 + c) % 1_000_003, 7)}"`;
  const headers = { 'access-control-allow-origin': '*', 'access-control-expose-headers': 'ETag', 'cache-control': 'no-cache', etag };
  if (req.headers['if-none-match'] === etag) res.writeHead(304, headers).end();
  else res.writeHead(200, { ...headers, 'content-type': 'application/json; charset=utf-8' }).end(published);
});

const b = browserForFile(serveGmail);
let packUrl = '';
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'modeles-packs-'));

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  packUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/packs/compta.json`;
});

afterAll(() => {
  server.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

async function settings(): Promise<Page> {
  const page = await b.context.newPage();
  page.on('dialog', (dialog) => void dialog.accept());
  await page.goto(`chrome-extension://${b.extensionId}/options.html`);
  await page.getByRole('heading', { name: 'Packs installés' }).waitFor();
  return page;
}

const packItem = (page: Page, name: string) => page.getByRole('listitem').filter({ has: page.locator('.pack-name', { hasText: name }) });
const status = (page: Page) => page.getByRole('status');
const alert = (page: Page) => page.getByRole('alert');

/** A new Gmail message with the palette open; `withoutSignature`: the user has no Gmail signature, so the letter signs itself. */
async function composeInGmail({ withoutSignature = false } = {}): Promise<Page> {
  const page = await b.context.newPage();
  await page.goto('https://mail.google.com/mail/u/0/?hl=fr#inbox');
  await page.locator('[data-sim="compose"]').click();
  if (withoutSignature) await page.locator('[data-sim-compose] [id$="-body"]').last().evaluate((body) => body.replaceChildren(body.ownerDocument.createElement('div')));
  await modelesButton(page).last().click();
  await search(page).waitFor();
  return page;
}

describe('a pack subscribed by URL', () => {
  it('lists the built-in library with its version and count; the page shows the same version, package.json’s', async () => {
    const page = await settings();
    const builtin = packItem(page, 'Modèles — bibliothèque intégrée');
    await expect.poll(() => builtin.count()).toBe(1);
    const version = JSON.parse(fs.readFileSync(path.join(EXTENSION_DIR, 'manifest.json'), 'utf8')).version as string;
    expect(version).toBe((JSON.parse(fs.readFileSync('package.json', 'utf8')) as { version: string }).version);
    expect(await builtin.innerText()).toMatch(new RegExp(`version ${version.replaceAll('.', '\\.')} · \\d+ modèles`));
    expect(await page.getByText(`Modèles version ${version}`, { exact: true }).count()).toBe(1);
    await page.close();
  });

  it('subscribes, and its templates reach the Gmail palette with the team’s defaults', async () => {
    published = JSON.stringify(packFile('1.0.0'));
    const page = await settings();
    await page.getByLabel('Adresse du pack').fill(packUrl);
    await page.getByRole('button', { name: "S'abonner" }).click();
    await expect.poll(() => status(page).innerText()).toBe('Pack « Comptabilité ACME » 1.0.0 installé : 2 modèles.');
    expect(await packItem(page, 'Comptabilité ACME').innerText()).toMatch(/version 1\.0\.0 · 2 modèles[\s\S]*Abonnement : http:\/\/127\.0\.0\.1/);
    await page.close();

    const gmail = await composeInGmail({ withoutSignature: true });
    await search(gmail).fill('rib fournisseur');
    // The result says which pack it comes from.
    await expect.poll(() => palette(gmail).getByRole('option').filter({ hasText: RIB }).innerText()).toContain('Comptabilité ACME');
    await pick(gmail, 'rib fournisseur', RIB);
    expect(await palette(gmail).getByLabel('Votre société', { exact: true }).inputValue()).toBe('ACME Distribution');
    await fill(gmail, { "Formule d'appel": 'Monsieur', 'Nom du destinataire': 'Leroy', 'N° de la facture du fournisseur': 'F-889', 'Date de la facture': '02/11/2026', 'Montant de la facture (TTC)': '480', 'Votre nom': 'Claire Martin' });
    await gmail.getByRole('button', { name: 'Insérer', exact: true }).click();
    await expect.poll(() => palette(gmail).count()).toBe(0);
    const body = text(await gmail.locator('[data-sim-compose] [id$="-body"]').last().innerText());
    expect(body).toContain('Nous avons bien reçu votre facture n° F-889 du 2 novembre 2026, d’un montant de 480,00 €');
    // No Gmail signature: the letter brings its sender block, with the team's company name.
    expect(body).toMatch(/Cordialement,\n\nClaire Martin\n[\s\S]*ACME Distribution/);
    await gmail.close();
  });

  it('takes a newer version on « Mettre à jour » and shows what changed', async () => {
    published = JSON.stringify(
      packFile('1.1.0', (f) => ({
        ...f,
        templates: [...f.templates, { ...f.templates[0]!, id: 'relance-rib-fournisseur', title: 'Vous relancez un fournisseur qui n’a pas envoyé son RIB.' }],
      })),
    );
    const page = await settings();
    await page.getByRole('button', { name: 'Mettre à jour' }).click();
    await expect.poll(() => status(page).innerText()).toBe('Mis à jour : « Comptabilité ACME » 1.0.0 → 1.1.0.');
    const item = packItem(page, 'Comptabilité ACME');
    await expect.poll(() => item.innerText()).toMatch(/version 1\.1\.0 · 3 modèles/);
    expect(await item.innerText()).toContain('Mise à jour 1.0.0 → 1.1.0 : 1 modèle ajouté, 0 modifié, 0 retiré');

    // Nothing new: the server answers 304 to the ETag it gave.
    const before = requests.length;
    await page.getByRole('button', { name: 'Mettre à jour' }).click();
    await expect.poll(() => status(page).innerText()).toBe('Tous les packs abonnés sont à jour.');
    expect(requests.length).toBe(before + 1);
    expect(requests.at(-1)?.ifNoneMatch).toMatch(/^"\d+-\d+"$/);
    await page.close();
  });

  it('keeps the installed version when the published one is broken, and says so in French', async () => {
    published = JSON.stringify(packFile('1.2.0', (f) => ({ ...f, templates: [{ ...f.templates[0]!, body: 'Bonjour {{#montant}} jamais fermé' }] })));
    const page = await settings();
    await page.getByRole('button', { name: 'Mettre à jour' }).click();
    await expect.poll(() => alert(page).innerText()).toMatch(/« Comptabilité ACME » : La version publiée est invalide : .*jamais fermée.* La version installée reste utilisée\./);
    expect(await packItem(page, 'Comptabilité ACME').innerText()).toMatch(/version 1\.1\.0 · 3 modèles/);
    await page.close();

    const gmail = await composeInGmail();
    await search(gmail).fill('relance rib fournisseur');
    await expect.poll(() => palette(gmail).getByRole('option').filter({ hasText: 'n’a pas envoyé son RIB' }).count()).toBe(1);
    await gmail.close();
  });

  it('is left out of the palette when disabled', async () => {
    const page = await settings();
    await packItem(page, 'Comptabilité ACME').getByLabel('Activé').click();
    await expect.poll(() => status(page).innerText()).toBe('Pack « Comptabilité ACME » désactivé.');
    await expect.poll(() => packItem(page, 'Comptabilité ACME').getByLabel('Activé').isChecked()).toBe(false);
    const gmail = await composeInGmail();
    await search(gmail).fill('rib fournisseur premier virement');
    await gmail.waitForTimeout(300);
    expect(await palette(gmail).getByRole('option').filter({ hasText: RIB }).count()).toBe(0);
    await gmail.close();
    await packItem(page, 'Comptabilité ACME').getByLabel('Activé').click();
    await expect.poll(() => status(page).innerText()).toBe('Pack « Comptabilité ACME » activé.');
    await page.close();
  });
});

describe('pack files', () => {
  it('refuses a broken file with a French message and leaves the installed packs alone', async () => {
    const page = await settings();
    const broken = path.join(tmp, 'cassé.json');
    fs.writeFileSync(broken, '{ "format": "modeles-pack", "formatVersion": 1, ');
    await page.getByLabel('Importer un pack').setInputFiles(broken);
    await expect.poll(() => alert(page).innerText()).toMatch(/Le fichier « cassé\.json » n’a pas été importé : .*JSON/);
    expect(await packItem(page, 'Comptabilité ACME').innerText()).toMatch(/version 1\.1\.0/);
    await page.close();
  });

  it('imports a file, and exports a pack to a file that imports again', async () => {
    const page = await settings();
    const file = path.join(tmp, 'ventes.json');
    fs.writeFileSync(file, JSON.stringify(packFile('2.0.0', (f) => ({ ...f, id: 'ventes-acme', name: 'Ventes ACME' }))));
    await page.getByLabel('Importer un pack').setInputFiles(file);
    await expect.poll(() => status(page).innerText()).toBe('Pack « Ventes ACME » 2.0.0 installé : 2 modèles.');
    expect(await packItem(page, 'Ventes ACME').innerText()).toContain('Importé depuis un fichier (ventes.json)');

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Exporter le pack « Ventes ACME »' }).click();
    const saved = path.join(tmp, 'export.json');
    await (await download).saveAs(saved);
    expect((await download).suggestedFilename()).toBe('ventes-acme-2.0.0.json');
    const read = readPack(fs.readFileSync(saved, 'utf8'));
    expect(read.errors).toEqual([]);
    expect(read.pack?.templates.map((t) => t.id).toSorted()).toEqual(['confirmation-virement-emis', 'demande-rib-fournisseur']);

    await page.getByRole('button', { name: 'Supprimer le pack « Ventes ACME »' }).click();
    await expect.poll(() => packItem(page, 'Ventes ACME').count()).toBe(0);
    await page.close();
  });
});

describe('personal templates', () => {
  it('are written on the settings page and inserted from the palette', async () => {
    const page = await settings();
    await page.getByRole('button', { name: 'Nouveau modèle' }).click();
    await page.getByLabel('Titre (la situation)').fill('Vous envoyez à un client le numéro de son dossier de garantie.');
    await page.getByLabel('Mots-clés de recherche (séparés par des virgules)').fill('dossier garantie, numéro de dossier');
    await page.getByLabel('Objet').fill('Votre dossier de garantie n° {{numero_dossier}}');
    await page
      .getByLabel('Corps du message')
      .fill('{{bonjour}},\n\nVotre dossier de garantie porte le numéro {{numero_dossier}} : rappelez-le dans vos messages.\n\nBien cordialement,\n\n{{> expediteur}}');
    await page.getByRole('group', { name: 'Champs de ce modèle' }).getByLabel('Libellé').fill('Numéro du dossier');
    await expect.poll(() => page.locator('.preview').first().innerText()).toContain('Votre dossier de garantie porte le numéro');
    await page.getByRole('button', { name: 'Enregistrer le modèle' }).click();
    await expect.poll(() => status(page).innerText()).toBe('Modèle « Vous envoyez à un client le numéro de son dossier de garantie. » enregistré dans Mes modèles.');
    expect(await packItem(page, 'Mes modèles').innerText()).toMatch(/1 modèle/);
    await page.close();

    const gmail = await composeInGmail();
    await pick(gmail, 'numero dossier garantie', 'Vous envoyez à un client le numéro de son dossier');
    // The message has a Gmail signature: the form does not ask for the sender's name.
    expect(await palette(gmail).getByLabel('Votre nom', { exact: true }).count()).toBe(0);
    await fill(gmail, { 'Numéro du dossier': 'G-2026-77', "Formule d'appel": 'Madame', 'Nom du destinataire': 'Petit' });
    await gmail.getByRole('button', { name: 'Insérer', exact: true }).click();
    await expect.poll(() => palette(gmail).count()).toBe(0);
    expect(text(await gmail.locator('[data-sim-compose] [id$="-body"]').last().innerText())).toContain('Votre dossier de garantie porte le numéro G-2026-77 : rappelez-le');
    await gmail.close();
  });
});
