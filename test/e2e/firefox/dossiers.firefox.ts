/**
 * « Suivi des relances » and the printed letter in Firefox, where the background
 * is an event page and storage.session and tabs.create have their own code: a
 * 1st reminder inserted in Gmail, a new message to the same client, the dossier
 * offered first, another step (the formal notice) chosen and prefilled, « Imprimer
 * en lettre »: the print view opens in a new tab, the postal details typed there
 * lay the address on the sheet.
 */
import type { Page } from 'puppeteer-core';
import { expect, it } from 'vitest';
import { CLIENT } from '../pages/gmail';
import { firefoxForFile } from './setup';
import { closed, fill, modelesButton, paletteButton, pick, valueOf, waitFind } from './user';

const ff = firefoxForFile();
const plain = (s: string) => s.replace(/[\u00A0\u202F]/g, ' ').replace(/\s+/g, ' ').trim();

async function messageToClient(page: Page): Promise<string> {
  const before = await page.$$eval('[data-sim-compose]', (els) => els.length);
  await page.click('[data-sim="compose"]');
  await expect.poll(() => page.$$eval('[data-sim-compose]', (els) => els.length)).toBe(before + 1);
  const id = (await page.$$eval('[data-sim-compose]', (els) => els.at(-1)!.getAttribute('data-sim-compose')))!;
  await page.type(`[data-sim-compose="${id}"] [name="to"] input`, CLIENT.email);
  await page.keyboard.press('Enter');
  await (await modelesButton(page, `[data-sim-compose="${id}"]`)).click();
  return id;
}

it('records the reminder, offers the dossier next time, and prints the formal notice', async () => {
  const page = await ff.newPage();
  await page.goto('https://mail.google.com/mail/u/0/?hl=fr#inbox');
  await messageToClient(page);
  await pick(page, 'rappel paiement retard', 'Vous souhaitez rappeler à un client que son paiement est en retard.');
  await fill(page, {
    'Votre destinataire est': 'un professionnel (entreprise, association…)',
    "Formule d'appel": 'Monsieur',
    'N° de facture': 'FA-2026-0142',
    'Date de la facture': '01/09/2026',
    "Date d'échéance": '01/10/2026',
    'Montant dû (TTC)': '1250',
  });
  await (await paletteButton(page, 'Insérer')).click();
  await closed(page);

  await messageToClient(page);
  const offer = await waitFind(page, '.palette [role="group"] [role="option"]');
  expect(plain(await offer.evaluate((el) => el.textContent ?? ''))).toMatch(/^FA-2026-0142 · M\. Dupont · 1 250,00 € · 1re relance le .* → 2e relance$/);
  await page.keyboard.press('Enter');
  // Another step: the formal notice, prefilled too.
  const step = await waitFind(page, '.palette #dossier-step');
  await step.select('modeles-base/mise-en-demeure-payer-facture');
  await (await paletteButton(page, 'Ouvrir cette lettre')).click();
  await expect.poll(() => valueOf(page, 'N° de facture')).toBe('FA-2026-0142');
  expect(await valueOf(page, 'Date(s) des relances déjà envoyées')).not.toBe('');

  await (await paletteButton(page, 'Imprimer en lettre')).click();
  // The new tab's URL is not reported for extension pages over BiDi: ask each tab where it is.
  const printView = async () => {
    for (const p of await ff.browser.pages()) if ((await p.evaluate(() => location.href).catch(() => '')).includes('/print.html#')) return p;
    return null;
  };
  await expect.poll(async () => (await printView()) !== null, { timeout: 15_000 }).toBe(true);
  const view = (await printView())!;
  // The postal details, asked in the print view, change the sheet as they are typed.
  await view.waitForSelector('#print-recipientAddress');
  await view.type('#print-recipientAddress', '12 rue des Tanneurs\n44000 Nantes');
  await view.type('#print-senderName', 'Claire Martin');
  await view.type('#print-senderAddress', '5 avenue Foch\n69006 Lyon');
  expect(await view.$eval('#print-place', (el) => (el as HTMLInputElement).value)).toBe('Lyon');
  await view.waitForSelector('address.recipient');
  expect(await view.$eval('address.recipient', (el) => (el as HTMLElement).innerText)).toBe('Monsieur Dupont\n12 rue des Tanneurs\n44000 NANTES');
  expect(plain(await view.$eval('.registered', (el) => el.textContent ?? ''))).toBe('Lettre recommandée avec accusé de réception');
  // « Imprimer ou enregistrer en PDF »: the letter joins its dossier, then the browser prints (here, only counted).
  await view.evaluate(() => {
    const w = window as never as { printed: number; print(): void };
    w.printed = 0;
    w.print = () => void w.printed++;
  });
  await view.click('form.postal button[type="submit"]');
  await expect.poll(() => view.evaluate(() => (window as never as { printed: number }).printed)).toBe(1);
  expect(await view.$eval('.status', (el) => el.textContent)).toMatch(/^Lettre ajoutée au suivi de la facture FA-2026-0142\./);
  await view.close();
  await page.close();
});
