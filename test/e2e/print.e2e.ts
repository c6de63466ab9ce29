/**
 * The formal notice as a letter, end to end: a dossier with three reminders
 * (stored as the extension stores it), a message to the client, the formal
 * notice offered and prefilled with the reminders' dates, « Imprimer en
 * lettre », the print view in a new tab, its postal details, rendered to PDF by
 * Chromium (page.pdf), and its words and their positions read back with
 * `pdftotext -bbox` (Debian's poppler-utils): the recipient's address falls in
 * the envelope window, nothing else does. Then the step is in the dossier, the
 * sender's address is remembered, and the settings page and the print view stay
 * axe-clean.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { frenchDateList } from '../../lib/dossiers/model';
import { ENVELOPE_WINDOW } from '../../lib/print/layout';
import { addDays, formatDate, toIsoDate } from '../../lib/render/format';
import { audit, describeViolations } from './axe';
import { browserForFile } from './setup';
import { insertButton, modelesButton, palette, search, text } from './palette';
import { CLIENT, serveGmail } from './pages/gmail';

const b = browserForFile(serveGmail);

const today = toIsoDate(new Date());
const plain = (s: string) => s.replace(/[\u00A0\u202F]/g, ' ');
const reminders = [-24, -10, -3].map((n) => addDays(today, n));

/** A business dossier after its last reminder, in the stored format (lib/dossiers/store.ts). */
const DOSSIER = {
  format: 1,
  id: 'e2e-med',
  invoice: 'FA-2026-0142',
  client: 'pro',
  recipient: { email: CLIENT.email, name: 'Dupont', company: 'Durand SARL', civilite: 'monsieur', address: '' },
  amount: 1250,
  invoiceDate: addDays(today, -75),
  dueDate: addDays(today, -45),
  steps: reminders.map((date, i) => ({ date, rank: i + 1, uid: 'modeles-base/x', title: `Relance ${i + 1}`, deadline: addDays(date, 8) })),
  status: 'ouvert',
  createdAt: new Date().toISOString(),
  updatedAt: new Date().toISOString(),
};

interface Word {
  text: string;
  /** Millimetres from the page's top-left corner. */
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  page: number;
}

/** The words of a PDF with their boxes, from `pdftotext -bbox`. */
function words(pdf: string): Word[] {
  const html = execFileSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8' });
  const pt = 25.4 / 72;
  const out: Word[] = [];
  let page = 0;
  for (const line of html.split('\n')) {
    if (line.includes('<page ')) page++;
    const m = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*)<\/word>/.exec(line);
    if (m) out.push({ x0: +m[1]! * pt, y0: +m[2]! * pt, x1: +m[3]! * pt, y1: +m[4]! * pt, text: m[5]!.replace(/&amp;/g, '&').replace(/&#39;/g, "'"), page });
  }
  return out;
}

const line = (w: Word[]) => w.map((x) => x.text).join(' ');
const inWindow = (w: Word) => w.page === 1 && w.x0 >= ENVELOPE_WINDOW.left && w.x1 <= ENVELOPE_WINDOW.right && w.y0 >= ENVELOPE_WINDOW.top && w.y1 <= ENVELOPE_WINDOW.bottom;
const touchesWindow = (w: Word) => w.page === 1 && w.x1 > ENVELOPE_WINDOW.left && w.x0 < ENVELOPE_WINDOW.right && w.y1 > ENVELOPE_WINDOW.top && w.y0 < ENVELOPE_WINDOW.bottom;

async function messageToClient(page: Page) {
  const before = await page.locator('[data-sim-compose]').count();
  await page.locator('[data-sim="compose"]').click();
  await expect.poll(() => page.locator('[data-sim-compose]').count()).toBe(before + 1);
  const root = page.locator('[data-sim-compose]').last();
  await root.locator('[name="to"] input').fill(CLIENT.email);
  await root.locator('[name="to"] input').press('Enter');
  await modelesButton(root).click();
  await search(page).waitFor();
  return root;
}

describe('the formal notice printed as a letter', () => {
  it('lays the address in the envelope window, and the recovery goes on from there', async () => {
    await b.worker.evaluate((d) => (globalThis as never as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }).chrome.storage.local.set({ dossiers: [d] }), DOSSIER);
    const page = await b.context.newPage();
    await page.goto('https://mail.google.com/mail/u/0/?hl=fr#inbox');
    await messageToClient(page);

    const offer = palette(page).getByRole('group', { name: 'Relances en cours' }).getByRole('option');
    await expect.poll(() => offer.count()).toBe(1);
    expect(plain(await offer.innerText())).toMatch(/^FA-2026-0142 · Durand SARL · 1 250,00 € · Dernière relance le .* → Mise en demeure$/);
    await search(page).press('Enter');
    await insertButton(page).waitFor();
    expect(await palette(page).getByLabel('Date(s) des relances déjà envoyées', { exact: true }).inputValue()).toBe(frenchDateList(reminders));
    // The message has a mail signature: the form asks no sender field; the printed letter will.
    expect(await palette(page).getByLabel('Votre nom', { exact: true }).count()).toBe(0);

    // « Imprimer en lettre »: the print view opens; the postal details are asked there, only there.
    const [view] = await Promise.all([b.context.waitForEvent('page'), palette(page).getByRole('button', { name: 'Imprimer en lettre' }).click()]);
    await expect.poll(() => palette(page).getByRole('status').innerText()).toMatch(/^L’aperçu avant impression est ouvert dans un nouvel onglet/);
    const form = view.getByRole('form', { name: 'Adresses de la lettre' });
    await view.getByRole('article', { name: 'Lettre' }).waitFor();
    expect(await form.getByLabel('Destinataire (société, service ou personne)').inputValue()).toBe('Durand SARL\nÀ l’attention de M. Dupont');
    // The first field to fill has the focus.
    expect(await view.evaluate(() => document.activeElement?.id)).toBe('print-recipientAddress');
    await form.getByLabel('Adresse postale du destinataire').fill('12 rue des Tanneurs\n44000 Nantes');
    await form.getByLabel('Votre nom', { exact: true }).fill('Claire Martin');
    await form.getByLabel('Votre société', { exact: true }).fill('Martin & Fils SARL');
    await form.getByLabel('Votre adresse postale').fill('5 avenue Foch\n69006 Lyon');
    expect(await form.getByLabel('Ville d’où vous écrivez').inputValue()).toBe('Lyon');
    expect(await form.getByLabel('Lettre recommandée avec accusé de réception').isChecked()).toBe(true);
    await form.getByLabel('N° du recommandé (facultatif)').fill('1A 123 456 7890 1');
    if (process.env.MODELES_KEEP_PDF) await view.screenshot({ path: process.env.MODELES_KEEP_PDF.replace(/\.pdf$/, '.png'), fullPage: false });
    // The browser's print dialog is not part of the test: window.print only counts its calls.
    await view.evaluate(() => {
      const w = window as never as { printed: number; print(): void };
      w.printed = 0;
      w.print = () => void w.printed++;
    });
    await form.getByRole('button', { name: 'Imprimer ou enregistrer en PDF' }).click();
    await expect.poll(() => view.evaluate(() => (window as never as { printed: number }).printed)).toBe(1);
    expect(await view.getByRole('status').innerText()).toBe('Lettre ajoutée au suivi de la facture FA-2026-0142. Votre adresse est retenue pour vos prochaines lettres.');

    // Rendered to PDF by Chromium, read back with pdftotext.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'modeles-print-'));
    const pdf = path.join(dir, 'lettre.pdf');
    await view.pdf({ path: pdf, preferCSSPageSize: true });
    // MODELES_KEEP_PDF=/tmp/lettre.pdf keeps the letter to look at.
    if (process.env.MODELES_KEEP_PDF) fs.copyFileSync(pdf, process.env.MODELES_KEEP_PDF);
    const all = words(pdf);
    // A formal notice after three reminders holds on one sheet.
    expect(Math.max(...all.map((w) => w.page))).toBe(1);
    const address = all.filter(inWindow);
    expect(line(address)).toBe('Durand SARL À l’attention de M. Dupont 12 rue des Tanneurs 44000 NANTES');
    // Nothing else shows through the window.
    expect(all.filter(touchesWindow).filter((w) => !address.includes(w))).toEqual([]);
    // The sender at top left, above and left of the window.
    const sender = all.filter((w) => w.page === 1 && w.y1 < 48 && w.x1 < ENVELOPE_WINDOW.left);
    expect(line(sender)).toBe('Martin & Fils SARL 5 avenue Foch 69006 Lyon');
    const after = line(all.filter((w) => w.page > 1 || w.y0 > ENVELOPE_WINDOW.bottom));
    expect(after.startsWith(`Lyon, le ${plain(formatDate(today))} Lettre recommandée avec accusé de réception n° 1A 123 456 7890 1 Objet : Mise en demeure de payer`)).toBe(true);
    expect(after).toContain(`relances des ${plain(frenchDateList(reminders))}`);
    expect(after).toMatch(/Claire Martin P\. J\. : copie de la facture/);
    fs.rmSync(dir, { recursive: true, force: true });

    // The print view is accessible.
    const onView = await audit(view, null);
    expect(onView, describeViolations(onView)).toEqual([]);
    await view.close();

    // Sent by e-mail too: one step, printed and registered.
    await insertButton(page).click();
    await expect.poll(() => palette(page).count()).toBe(0);

    // Next time: the recovery step, and the sender's address remembered for its letter.
    await messageToClient(page);
    await expect.poll(() => offer.count()).toBe(1);
    expect(plain(await offer.innerText())).toMatch(/· Mise en demeure le .* → Recouvrement$/);
    await search(page).press('Enter');
    await insertButton(page).waitFor();
    expect(await palette(page).getByLabel('Date de la mise en demeure', { exact: true }).inputValue()).toBe(today.split('-').toReversed().join('/'));
    expect(await palette(page).getByLabel('Débiteur', { exact: true }).inputValue()).toBe('Durand SARL, 12 rue des Tanneurs, 44000 Nantes');
    const [view2] = await Promise.all([b.context.waitForEvent('page'), palette(page).getByRole('button', { name: 'Imprimer en lettre' }).click()]);
    const form2 = view2.getByRole('form', { name: 'Adresses de la lettre' });
    await view2.getByRole('article', { name: 'Lettre' }).waitFor();
    expect(await form2.getByLabel('Votre adresse postale').inputValue()).toBe('5 avenue Foch\n69006 Lyon');
    expect(await form2.getByLabel('Votre nom', { exact: true }).inputValue()).toBe('Claire Martin');
    expect(await form2.getByLabel('Votre société', { exact: true }).inputValue()).toBe('Martin & Fils SARL');
    expect(await form2.getByLabel('Ville d’où vous écrivez').inputValue()).toBe('Lyon');
    // A letter to the commissaire de justice: not addressed to the debtor.
    expect(await form2.getByLabel('Adresse postale du destinataire').inputValue()).toBe('');
    await view2.close();

    // The settings page: the formal notice in the history, printed and registered; axe-clean with the editor open.
    const settings = await b.context.newPage();
    await settings.goto(`chrome-extension://${b.extensionId}/options.html`);
    const card = settings.locator('[data-dossier="FA-2026-0142"]');
    await expect.poll(() => card.getByRole('listitem').count()).toBe(4);
    expect(text(await card.getByRole('listitem').last().innerText())).toMatch(/Mise en demeure : .*, imprimée, en recommandé n° 1A 123 456 7890 1$/);
    await card.getByRole('button', { name: 'Corriger : FA-2026-0142' }).click();
    const onSettings = await audit(settings, null);
    expect(onSettings, describeViolations(onSettings)).toEqual([]);

    // One switch turns tracking off and deletes everything kept.
    await settings.getByRole('switch', { name: /^Suivre les relances de paiement/ }).click();
    await settings.getByRole('button', { name: 'Désactiver et supprimer' }).click();
    await expect.poll(() => settings.getByRole('status').innerText()).toBe('Suivi des relances désactivé : 1 dossier supprimé. Plus rien n’est retenu.');
    expect(await card.count()).toBe(0);
    const stored = await b.worker.evaluate(() => (globalThis as never as { chrome: { storage: { local: { get(k: string[]): Promise<Record<string, unknown>> } } } }).chrome.storage.local.get(['dossiers', 'dossiersQuarantine']));
    expect(stored).toEqual({ dossiers: [], dossiersQuarantine: [] });
    await settings.close();
    await page.close();
  });
});
