/**
 * An XSS corpus, end to end: hostile strings typed in the form and carried by
 * an imported pack (title, keywords, subject, body, field label and hint, pack
 * default) go through the settings page, the palette and the insertion into a
 * real roosterjs editor. Nothing runs; only text reaches the draft.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { browserForFile } from './setup';
import type { PackFile } from '../../lib/packs/schema';
import { buildPack } from '../../lib/packs/build';
import { packToFile } from '../../lib/packs/validate';
import { typesetText } from '../../lib/templates/typography';
import { modelesButton, palette, search } from './palette';
import { serveOutlook } from './pages/outlook';

/** Each payload, if it ever ran, would set window.xssRan in the page it landed in. */
const PAYLOADS = [
  '<img src=x onerror="window.xssRan=1">',
  '<script>window.xssRan=1</script>',
  '"><svg onload="window.xssRan=1">',
  "'-alert(1)-'<iframe srcdoc=\"<script>parent.xssRan=1</script>\"></iframe>",
  '<a href="javascript:window.xssRan=1">clic</a>',
  '<style>@import "x"</style><b onmouseover="window.xssRan=1">gras</b>',
];
const ALL = PAYLOADS.join(' ');
/** What a typed value becomes in the draft: the letter's typography, no-break spaces read as spaces. */
const typeset = (s: string) => typesetText(s).replace(/[\u00A0\u202F]/g, ' ');

const b = browserForFile(serveOutlook);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'modeles-xss-'));

afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** The example pack with the payloads everywhere a pack may hold text. */
function hostilePack(): PackFile {
  const { pack } = buildPack(path.resolve(import.meta.dirname, '../fixtures/packs/comptabilite'));
  const file = packToFile(pack!);
  const [t] = file.templates;
  const template = {
    ...t!,
    id: 'piege',
    title: `Modèle piégé ${PAYLOADS[0]} pour le test`,
    keywords: ['piege xss', PAYLOADS[1]!],
    subject: `Objet ${PAYLOADS[2]} {{facture_numero}}`,
    body: `{{bonjour}},\n\n${PAYLOADS[3]}\n\nRéférence : {{facture_numero}}\n\n${PAYLOADS[4]}\n\nCordialement,\n\n{{expediteur_nom}}\n{{expediteur_societe}}`,
    fields: t!.fields
      .filter((f) => ['civilite', 'destinataire_nom', 'facture_numero', 'expediteur_nom', 'expediteur_societe'].includes(f.name))
      .map((f) => (f.name === 'facture_numero' ? { ...f, label: `N° ${PAYLOADS[5]}`, hint: PAYLOADS[0] } : f)),
  };
  return { ...file, id: 'piege', name: `Pack ${PAYLOADS[1]}`, description: PAYLOADS[2], defaults: { expediteur_societe: PAYLOADS[3]! }, templates: [template] };
}

const ran = (page: Page) => page.evaluate(() => (window as never as { xssRan?: number }).xssRan ?? 0);

describe('XSS corpus', () => {
  it('a hostile pack imports as text on the settings page', async () => {
    const page = await b.context.newPage();
    await page.goto(`chrome-extension://${b.extensionId}/options.html`);
    const file = path.join(tmp, 'piege.json');
    fs.writeFileSync(file, JSON.stringify(hostilePack()));
    await page.getByLabel('Importer un pack').setInputFiles(file);
    await expect.poll(() => page.getByRole('status').innerText()).toContain('installé : 1 modèle');
    const item = page.getByRole('listitem').filter({ hasText: PAYLOADS[1]! });
    expect(await item.locator('.pack-name').innerText()).toBe(`Pack ${PAYLOADS[1]}`);
    expect(await page.locator('.packs script, .packs img, .packs svg, .packs iframe').count()).toBe(0);
    await page.waitForTimeout(300);
    expect(await ran(page)).toBe(0);
    await page.close();
  });

  it('its template and hostile typed values reach the Outlook draft as text, and nothing runs', async () => {
    const page = await b.context.newPage();
    await page.goto('https://outlook.office.com/mail/inbox?hl=fr');
    await page.getByRole('button', { name: 'Nouveau message' }).click();
    const id = (await page.locator('[data-sim-compose]').last().getAttribute('data-sim-compose'))!;
    await modelesButton(page).last().click();
    await search(page).fill('piege xss');
    const option = palette(page).getByRole('option').filter({ hasText: 'Modèle piégé' });
    await expect.poll(() => option.count()).toBe(1);
    expect(await option.innerText()).toContain(PAYLOADS[0]);
    await option.click();
    await palette(page).getByLabel(`N° ${PAYLOADS[5]}`, { exact: true }).fill(ALL);
    await palette(page).getByLabel('Nom du destinataire', { exact: true }).fill(PAYLOADS[1]!);
    await palette(page).getByLabel('Votre nom', { exact: true }).fill(PAYLOADS[2]!);
    await page.waitForTimeout(200);
    // The preview shows the text; no element was made from it.
    expect(await palette(page).locator('img, script, svg, iframe, a[href^="javascript"], b').count()).toBe(0);
    await page.getByRole('button', { name: 'Insérer', exact: true }).click();
    await expect.poll(() => palette(page).count()).toBe(0);

    const draft = page.locator(`#${id}-body`);
    const text = (await draft.innerText()).replace(/[\u00A0\u202F]/g, ' ');
    // Typed values get the letter's French typography (« » for "…", ’ for '): as text, never as markup.
    expect(text).toContain(typeset(ALL));
    expect(text).toContain(typeset(PAYLOADS[1]!));
    expect(await draft.locator('img, script, svg, iframe, style, a, b').count()).toBe(0);
    const subject = await page.locator('#MSG_' + id + '_SUBJECT input').inputValue();
    expect(subject).toContain('><svg onload=');
    expect(subject).toContain('window.xssRan=1');
    await page.waitForTimeout(500);
    expect(await ran(page)).toBe(0);
    await page.close();
  });
});
