/**
 * Accessibility audit with axe-core, in the built extension: the palette (search
 * and results), the field form and the settings page. No serious or critical
 * violation; the palette's own elements are audited inside its shadow root.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserForFile } from './setup';
import { buildPack } from '../../lib/packs/build';
import { packToFile } from '../../lib/packs/validate';
import { audit, describeViolations } from './axe';
import { modelesButton, pick, search, THANKS } from './palette';
import { serveOutlook } from './pages/outlook';

const b = browserForFile(serveOutlook);

/** The palette's shadow root, for axe: `{ fromShadowDom: [host, inner] }`. */
const PALETTE = { fromShadowDom: ['modeles-palette', '[role="dialog"]'] };

/** The serious violations of the palette with results for « relance facture », then of the form of the thanks-for-payment letter. */
async function auditSearchAndForm(page: Page, withResults?: () => Promise<void>): Promise<string> {
  await search(page).fill('relance facture');
  await expect.poll(() => page.getByRole('option').count()).toBeGreaterThan(1);
  await withResults?.();
  const onSearch = await audit(page, PALETTE);
  await pick(page, 'merci paiement rapide', THANKS);
  const onForm = await audit(page, PALETTE);
  return describeViolations([...onSearch, ...onForm]);
}

describe('accessibility (axe-core)', () => {
  it('the palette: combobox, results listbox, and the field form', async () => {
    const page = await b.context.newPage();
    await page.goto('https://outlook.office.com/mail/inbox?hl=fr');
    await page.getByRole('button', { name: 'Nouveau message' }).click();
    await modelesButton(page).last().click();
    expect(await auditSearchAndForm(page)).toBe('');
    await page.close();
  });

  it('the palette in the mail client’s dark theme: it follows it, and stays readable', async () => {
    const page = await b.context.newPage();
    await page.goto('https://outlook.office.com/mail/inbox?hl=fr');
    // Outlook's dark theme paints its panes dark (set through the CSSOM: the page's CSP allows no new style sheet).
    await page.evaluate(() => {
      for (const el of [document.documentElement, document.body, ...document.body.querySelectorAll('div, main, section')]) {
        (el as HTMLElement).style.backgroundColor = '#1f1f1f';
        (el as HTMLElement).style.color = '#e3e3e3';
      }
    });
    await page.getByRole('button', { name: 'Nouveau message' }).click();
    await page.locator('[data-sim-compose] [contenteditable][aria-multiline="true"]').last().evaluate((el) => ((el as HTMLElement).style.backgroundColor = '#1f1f1f'));
    await modelesButton(page).last().click();
    const violations = await auditSearchAndForm(page, async () => {
      expect(await page.locator('modeles-palette').getAttribute('data-theme')).toBe('dark');
      // The palette is really painted dark, not only marked.
      expect(await page.getByRole('dialog', { name: 'Modèles' }).evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(31, 31, 31)');
    });
    expect(violations).toBe('');
    await page.close();
  });

  it('the palette’s « Enregistrer ce brouillon comme modèle » form, with « Transformer en champ » and « Insérer un champ » open', async () => {
    const page = await b.context.newPage();
    await page.goto('https://outlook.office.com/mail/inbox?hl=fr');
    await page.getByRole('button', { name: 'Nouveau message' }).click();
    await page.locator('[data-sim-compose] [contenteditable][aria-multiline="true"]').last().click();
    await page.keyboard.type('Bonjour Madame Durand, votre devis DV-2026-118 est prêt.');
    await modelesButton(page).last().click();
    await page.getByRole('button', { name: 'Enregistrer ce brouillon comme modèle' }).click();
    const body = page.getByRole('dialog', { name: 'Modèles' }).getByLabel('Corps du message');
    await body.evaluate((el) => {
      const t = el as HTMLTextAreaElement;
      const at = t.value.indexOf('DV-2026-118');
      t.focus();
      t.setSelectionRange(at, at + 11);
    });
    await page.getByRole('group', { name: 'Champs' }).getByRole('button', { name: 'Transformer en champ' }).click();
    await page.getByRole('button', { name: 'Insérer un champ ▾' }).click();
    await page.getByRole('button', { name: 'Nom du destinataire', exact: true }).waitFor();
    const onSave = await audit(page, PALETTE);
    expect(onSave, describeViolations(onSave)).toEqual([]);
    await page.close();
  });

  it('the settings page, with the template editor open', async () => {
    const page = await b.context.newPage();
    await page.goto(`chrome-extension://${b.extensionId}/options.html`);
    await page.getByRole('heading', { name: 'Packs installés' }).waitFor();
    const list = await audit(page, null);
    expect(list, describeViolations(list)).toEqual([]);
    await page.getByRole('button', { name: 'Nouveau modèle' }).click();
    await page.getByLabel('Corps du message').fill('{{bonjour}},\n\nDossier {{numero_dossier}}.\n\nCordialement,\n\n{{> expediteur}}');
    const editor = await audit(page, null);
    expect(editor, describeViolations(editor)).toEqual([]);
    await page.close();
  });
});

describe('the settings page from the keyboard alone', () => {
  it('subscribes to a pack, switches it off and on, and starts a template of one’s own', async () => {
    const { pack } = buildPack(path.resolve(import.meta.dirname, '../fixtures/packs/comptabilite'));
    const body = JSON.stringify(packToFile(pack!));
    const server = http.createServer((_req, res) => res.writeHead(200, { 'access-control-allow-origin': '*', 'content-type': 'application/json' }).end(body));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/compta.json`;

    const page = await b.context.newPage();
    await page.goto(`chrome-extension://${b.extensionId}/options.html`);
    await page.getByRole('heading', { name: 'Packs installés' }).waitFor();
    /** What has the focus: its aria-label, else its id, else its text. */
    const focused = () =>
      page.evaluate(() => {
        const el = document.activeElement;
        return el?.getAttribute('aria-label') || el?.id || el?.textContent?.trim();
      });
    // Tab until the URL field has the focus, type, Entrée.
    for (let i = 0; i < 20 && (await focused()) !== 'pack-url'; i++) await page.keyboard.press('Tab');
    expect(await focused()).toBe('pack-url');
    await page.keyboard.type(url);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('status').innerText()).toBe('Pack « Comptabilité ACME » 1.0.0 installé : 2 modèles.');

    // Shift+Tab back to the pack's « Activé » box, Espace to switch it off.
    const box = page.getByRole('listitem').filter({ hasText: 'Comptabilité ACME' }).getByLabel('Activé');
    for (let i = 0; i < 30 && !(await box.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Space');
    await expect.poll(() => page.getByRole('status').innerText()).toBe('Pack « Comptabilité ACME » désactivé.');
    await expect.poll(() => box.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Space');
    await expect.poll(() => page.getByRole('status').innerText()).toBe('Pack « Comptabilité ACME » activé.');

    // Tab to « Nouveau modèle », Entrée: the editor opens with its first field reachable.
    for (let i = 0; i < 40 && (await focused()) !== 'Nouveau modèle'; i++) await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.getByLabel('Titre (la situation)').waitFor();
    for (let i = 0; i < 40 && (await focused()) !== 'ed-title'; i++) await page.keyboard.press('Tab');
    expect(await focused()).toBe('ed-title');
    await page.close();
    server.close();
  });
});
