/**
 * « Suivi des relances », end to end, in the Gmail and the Outlook test
 * mailboxes: a 1st reminder inserted for an invoice; a new message to the same
 * client; the dossier offered first; the 2nd reminder opens prefilled with the
 * 1st one's date; marked paid in the settings page; no longer offered as a
 * reminder (the thank-you letter is, once).
 */
import type { Locator, Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { addDays, formatDate, formatShortDate, toIsoDate } from '../../lib/render/format';
import fs from 'node:fs';
import { audit, describeViolations } from './axe';
import { browserForFile } from './setup';
import { fill, insertButton, modelesButton, palette, pick, search, text } from './palette';
import { CLIENT, serveGmail } from './pages/gmail';
import { serveOutlook } from './pages/outlook';

const b = browserForFile(serveGmail, serveOutlook);

const today = toIsoDate(new Date());
const shortToday = formatShortDate(today);
const plain = (s: string) => s.replace(/[\u00A0\u202F]/g, ' ');
/** « 29 novembre » (this year's dates are said without the year in the offer). */
const dayMonth = plain(formatDate(today)).replace(/ \d{4}$/, '');

const REMINDER = 'Vous souhaitez rappeler à un client que son paiement est en retard.';
const FIRST_VALUES = {
  'Votre destinataire est': 'un professionnel (entreprise, association…)',
  "Formule d'appel": 'Monsieur',
  'N° de facture': 'FA-2026-0142',
  'Date de la facture': formatShortDate(addDays(today, -60)),
  "Date d'échéance": formatShortDate(addDays(today, -30)),
  'Montant dû (TTC)': '1250',
};

const offers = (page: Page) => palette(page).getByRole('group', { name: 'Relances en cours' }).getByRole('option');
const value = (page: Page, label: string) => palette(page).getByLabel(label, { exact: true }).inputValue();

beforeEach(async () => {
  await b.worker.evaluate(() => (globalThis as never as { chrome: { storage: { local: { clear(): Promise<void> } } } }).chrome.storage.local.clear());
});

/** The whole flow in one mailbox: `compose()` opens a new message to the client and returns its body. */
async function ladder(page: Page, compose: () => Promise<{ root: Locator; body: Locator }>) {
  // 1st reminder, typed once.
  let c = await compose();
  await modelesButton(c.root).click();
  await pick(page, 'rappel paiement retard', REMINDER);
  expect(await value(page, 'Nom du destinataire')).toBe('Dupont');
  await fill(page, FIRST_VALUES);
  await insertButton(page).click();
  await expect.poll(() => palette(page).count()).toBe(0);
  await expect.poll(async () => text(await c.body.innerText())).toContain('la facture n° FA-2026-0142');

  // A new message to the same client: the dossier comes first, already selected.
  c = await compose();
  await modelesButton(c.root).click();
  await search(page).waitFor();
  await expect.poll(() => offers(page).count()).toBe(1);
  expect(plain(await offers(page).first().innerText())).toBe(`FA-2026-0142 · M. Dupont · 1 250,00 € · 1re relance le ${dayMonth} → 2e relance`);
  expect(await palette(page).getByRole('option').first().getAttribute('aria-selected')).toBe('true');
  const onOffers = await audit(page, { fromShadowDom: ['modeles-palette', '[role="dialog"]'] });
  expect(onOffers, describeViolations(onOffers)).toEqual([]);
  // Typing the invoice number finds it too.
  await search(page).fill('0142');
  await expect.poll(() => offers(page).count()).toBe(1);
  await search(page).fill('');
  await search(page).press('Enter');

  // The 2nd reminder, prefilled: nothing to type again.
  await insertButton(page).waitFor();
  expect(await palette(page).getByRole('form').getAttribute('aria-label')).toMatch(/^Champs du modèle « Un client que vous avez déjà relancé/);
  expect(await value(page, 'Date de la première relance')).toBe(shortToday);
  expect(await value(page, 'N° de facture')).toBe('FA-2026-0142');
  expect(await value(page, 'Montant dû (TTC)')).toBe('1 250,00');
  expect(await value(page, "Date d'échéance")).toBe(FIRST_VALUES["Date d'échéance"]);
  expect(await palette(page).getByLabel("Formule d'appel", { exact: true }).evaluate((s) => (s as HTMLSelectElement).selectedOptions[0]!.text)).toBe('Monsieur');
  await page.keyboard.press('Control+Enter');
  await expect.poll(() => palette(page).count()).toBe(0);
  const letter = text(await c.body.innerText());
  // The 1st reminder's date, written in French by the letter (« Par notre courrier du 29 novembre 2026, nous vous rappelions… »).
  expect(letter).toMatch(new RegExp(`du ${plain(formatDate(today))}, nous vous [^.]*la facture n° FA-2026-0142`));
  expect(letter).toContain('le retard atteint désormais 30 jours');

  // The settings page lists it with its two letters; « Payée ».
  const settings = await b.context.newPage();
  await settings.goto(`chrome-extension://${b.extensionId}/options.html`);
  const card = settings.locator('[data-dossier="FA-2026-0142"]');
  await expect.poll(() => card.getByRole('listitem').count()).toBe(2);
  expect(text(await card.innerText())).toContain('Prochaine étape : Dernière relance');
  // The CSV for the accounts department.
  const [download] = await Promise.all([settings.waitForEvent('download'), settings.getByRole('button', { name: 'Exporter en CSV' }).click()]);
  const csv = fs.readFileSync((await download.path())!, 'utf8');
  expect(download.suggestedFilename()).toBe(`relances-${today}.csv`);
  expect(csv.split('\r\n')[1]).toMatch(new RegExp(`^FA-2026-0142;M\\. Dupont;${CLIENT.email.replace(/\./g, '\\.')};;professionnel;1250,00;.*;en cours;2e relance;${shortToday};Dernière relance;`));
  await card.getByRole('button', { name: 'Payée : FA-2026-0142' }).click();
  await settings.getByLabel('Date du paiement').fill(shortToday);
  await settings.getByRole('button', { name: 'Confirmer : payée' }).click();
  await expect.poll(() => settings.getByRole('status').innerText()).toMatch(/^Facture FA-2026-0142 marquée payée/);
  await settings.close();

  // No longer offered as a reminder; the thank-you letter is.
  c = await compose();
  await modelesButton(c.root).click();
  await search(page).waitFor();
  const paid = palette(page).getByRole('group', { name: 'Règlements reçus' }).getByRole('option');
  await expect.poll(() => paid.count()).toBe(1);
  expect(await offers(page).count()).toBe(0);
  expect(plain(await paid.innerText())).toBe(`FA-2026-0142 · M. Dupont · 1 250,00 € · payée le ${dayMonth} → Accusé de réception et remerciements`);
  await page.keyboard.press('Escape');
}

describe('the reminder ladder remembers', () => {
  it('in Gmail', async () => {
    const page = await b.context.newPage();
    await page.goto('https://mail.google.com/mail/u/0/?hl=fr#inbox');
    await ladder(page, async () => {
      const before = await page.locator('[data-sim-compose]').count();
      await page.locator('[data-sim="compose"]').click();
      await expect.poll(() => page.locator('[data-sim-compose]').count()).toBe(before + 1);
      const root = page.locator('[data-sim-compose]').last();
      const id = (await root.getAttribute('data-sim-compose'))!;
      await root.locator('[name="to"] input').fill(CLIENT.email);
      await root.locator('[name="to"] input').press('Enter');
      return { root, body: page.locator(`#${id}-body`) };
    });
    await page.close();
  });

  it('in Outlook, replying to the client', async () => {
    const page = await b.context.newPage();
    await page.goto('https://outlook.office.com/mail/inbox?hl=fr');
    await ladder(page, async () => {
      await page.getByRole('button', { name: 'Répondre', exact: true }).click();
      const root = page.locator('[data-sim-compose]').last();
      await expect.poll(() => modelesButton(root).count()).toBe(1);
      const id = (await root.getAttribute('data-sim-compose'))!;
      return { root, body: page.locator(`#${id}-body`) };
    });
    await page.close();
  });
});
