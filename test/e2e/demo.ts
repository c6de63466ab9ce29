/**
 * `npm run demo`: the built extension in Chromium on the local demo mailbox
 * (the end-to-end test pages, served at https://mail.google.com/ inside the
 * browser: no Google account, no network).
 *
 * With a display: opens the mailbox with a new message, and stays open until
 * the window is closed. Without one (or with --headless): writes the palette,
 * the form and the result as screenshots in .output/demo/ and says where.
 * With --store: the same screenshots at 1280×800, the size the Chrome Web
 * Store asks for, in store/screenshots/ (`npm run store:screenshots`).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { launch } from './harness';
import { serveGmail } from './pages/gmail';
import { serveOutlook } from './pages/outlook';

const store = process.argv.includes('--store');
const OUT = path.resolve(store ? 'store/screenshots' : '.output/demo');
const headless = store || process.argv.includes('--headless') || !process.env.DISPLAY;

async function shot(page: Page, name: string): Promise<string> {
  const file = path.join(OUT, name);
  await page.screenshot({ path: file });
  return file;
}

async function headlessTour(page: Page): Promise<string[]> {
  const files: string[] = [];
  await page.goto('https://mail.google.com/mail/u/0/?hl=fr#inbox');
  await page.locator('[data-sim="compose"]').click();
  await page.locator('[name="to"] input').fill('jean.dupont@client-exemple.fr');
  await page.locator('[name="to"] input').press('Enter');
  await page.getByRole('button', { name: 'Modèles', exact: true }).click();
  await page.getByRole('combobox', { name: 'Rechercher un modèle' }).pressSequentially('relance facture impayee', { delay: 20 });
  await page.waitForTimeout(200);
  files.push(await shot(page, '01-palette.png'));

  await page.getByRole('option').filter({ hasText: 'lettre courtoise' }).first().click();
  const fill = async (label: string, value: string) => page.getByLabel(label, { exact: true }).fill(value);
  await page.getByLabel("Formule d'appel", { exact: true }).selectOption({ label: 'Monsieur' });
  await fill('N° de facture', 'FA-2026-0142');
  await fill('Date de la facture', '15/10/2026');
  await fill('Montant dû (TTC)', '1250');
  await fill("Date d'échéance", '14/11/2026');
  // The message has a Gmail signature: the form does not ask for the sender block.
  files.push(await shot(page, '02-formulaire.png'));

  await page.getByRole('button', { name: 'Insérer', exact: true }).click();
  await page.getByRole('dialog', { name: 'Modèles' }).waitFor({ state: 'detached' });
  files.push(await shot(page, '03-brouillon.png'));
  return files;
}

/** « dd/mm/yyyy », `days` from today: dates that must lie ahead stay ahead whenever the demo runs. */
function inDays(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() + days);
  return `${String(d.getDate()).padStart(2, '0')}/${String(d.getMonth() + 1).padStart(2, '0')}/${d.getFullYear()}`;
}

async function outlookTour(page: Page): Promise<string[]> {
  const files: string[] = [];
  await page.goto('https://outlook.office.com/mail/inbox?hl=fr');
  await page.getByRole('button', { name: 'Répondre' }).click();
  await page.getByRole('button', { name: 'Modèles', exact: true }).click();
  await page.getByRole('combobox', { name: 'Rechercher un modèle' }).pressSequentially('echeancier', { delay: 20 });
  await page.waitForTimeout(200);
  files.push(await shot(page, '04-outlook-palette.png'));
  await page.getByRole('dialog', { name: 'Modèles' }).getByRole('option').filter({ hasText: 'première lettre de relance' }).first().click();
  const fill = async (label: string, value: string) => page.getByLabel(label, { exact: true }).fill(value);
  await page.getByLabel("Formule d'appel", { exact: true }).selectOption({ label: 'Monsieur' });
  await fill('Date de la réponse du client', '18/11/2026');
  await fill('Date de votre première relance', '10/11/2026');
  await fill('N° de facture', 'FA-2026-0142');
  await fill('Date de la facture', '15/10/2026');
  await fill('Montant dû (TTC)', '1500');
  await fill("Date d'échéance", '14/11/2026');
  await fill('Montant de chaque mensualité', '500');
  await fill('Date de la première mensualité', inDays(10));
  files.push(await shot(page, '05-outlook-formulaire.png'));
  await page.getByRole('button', { name: 'Insérer', exact: true }).click();
  await page.getByRole('dialog', { name: 'Modèles' }).waitFor({ state: 'detached' });
  files.push(await shot(page, '06-outlook-brouillon.png'));
  return files;
}

async function main() {
  fs.mkdirSync(OUT, { recursive: true });
  const browser = await launch({ headless, ...(store && { viewport: { width: 1280, height: 800 } }) });
  await serveGmail(browser.context);
  await serveOutlook(browser.context);
  const page = browser.context.pages()[0] ?? (await browser.context.newPage());
  if (headless) {
    const files = [...(await headlessTour(page)), ...(await outlookTour(page))];
    await browser.close();
    console.log(`Démo sans écran : captures enregistrées dans ${OUT}\n${files.map((f) => `  ${f}`).join('\n')}`);
    return;
  }
  await page.goto('https://mail.google.com/mail/u/0/?hl=fr#inbox');
  await page.locator('[data-sim="compose"]').click();
  const outlookPage = await browser.context.newPage();
  await outlookPage.goto('https://outlook.office.com/mail/inbox?hl=fr');
  await page.bringToFront();
  console.log(
    'Boîtes de démonstration ouvertes dans Chromium avec Modèles chargé : Gmail (premier onglet) et Outlook (second onglet).\n' +
      '« Nouveau message » ouvre un message, « Répondre » une réponse ; cliquez sur « Modèles » ou tapez Ctrl+Maj+Espace dans le message.\n' +
      'Ajoutez ?hl=en à l’adresse pour l’interface en anglais. Fermez la fenêtre pour terminer.',
  );
  await new Promise<void>((resolve) => browser.context.on('close', () => resolve()));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
