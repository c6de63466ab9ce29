/**
 * Modèles in Outlook on the web, end to end: the built extension in Chromium
 * on the test mailbox served at the Outlook hosts, whose message bodies are real
 * roosterjs editors. Assertions read roosterjs's own exported content, not only
 * the DOM: if roosterjs lost or reverted the inserted text, they fail.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserForFile } from './setup';
import { sendCommand } from './harness';
import { closed, fill, insertButton, modelesButton, palette, pick, search, text, THANKS, THANKS_VALUES } from './palette';
import { serveOutlook } from './pages/outlook';

const b = browserForFile(serveOutlook);

interface OwaSim {
  newMessage(): string;
  reply(): string;
  popout(from?: string): Promise<string>;
  rerender(id: string): void;
  openCalendar(): void;
  openSettings(): void;
  html(id: string): string;
  text(id: string): string;
}

const sim = <T>(page: Page, fn: (s: OwaSim, arg: string) => T, arg = '') =>
  page.evaluate(([source, a]) => new Function('s', 'a', `return (${source})(s, a)`)((window as unknown as { owaSim: OwaSim }).owaSim, a), [fn.toString(), arg] as const) as Promise<Awaited<T>>;

/** What roosterjs itself holds for a message body (its content model exported as text). */
const model = (page: Page, id: string) => sim(page, (s, i) => s.text(i), id).then(text);

async function mailbox(host = 'https://outlook.office.com', lang: 'fr' | 'en' = 'fr'): Promise<Page> {
  const page = await b.context.newPage();
  await page.goto(`${host}/mail/inbox?hl=${lang}`);
  return page;
}

const compose = (page: Page, id: string) => page.locator(`[data-sim-compose="${id}"]`);
const body = (page: Page, id: string) => page.locator(`#${id}-body`);
const subject = (page: Page, id: string) => page.locator(`#MSG_${id}_SUBJECT input`);

async function newMessage(page: Page): Promise<string> {
  await page.getByRole('button', { name: /^(Nouveau message|New mail)$/ }).click();
  const id = (await page.locator('[data-sim-compose]').last().getAttribute('data-sim-compose'))!;
  await expect.poll(() => modelesButton(compose(page, id)).count()).toBe(1);
  return id;
}

describe('the « Modèles » button in Outlook', () => {
  it('appears once next to Envoyer in a new message, on outlook.office.com and outlook.cloud.microsoft', async () => {
    for (const host of ['https://outlook.office.com', 'https://outlook.cloud.microsoft']) {
      const page = await mailbox(host);
      const id = await newMessage(page);
      const after = await modelesButton(compose(page, id)).evaluate((btn) => (btn.getRootNode() as ShadowRoot).host.closest('[data-modeles-host]')!.previousElementSibling!.className);
      expect(after).toContain('fui-SplitButton');
      // Not in the recipient well, which is contenteditable too; not twice after a re-render.
      await sim(page, (s, i) => s.rerender(i), id);
      await page.waitForTimeout(100);
      expect(await modelesButton(page).count()).toBe(1);
      await page.close();
    }
  });

  it('is not added to the read-only message, the calendar or the signature editor', async () => {
    const page = await mailbox();
    await page.waitForTimeout(300);
    expect(await modelesButton(page).count()).toBe(0);
    await page.getByRole('button', { name: 'Calendrier' }).click();
    await page.waitForTimeout(300);
    expect(await modelesButton(page).count()).toBe(0);
    await page.getByRole('button', { name: 'Paramètres' }).click();
    await page.waitForTimeout(300);
    expect(await modelesButton(page).count()).toBe(0);
    await page.close();
  });
});

describe('the palette in Outlook', () => {
  it('lists short names with the scenario under them and the step as a label', async () => {
    const page = await mailbox('https://outlook.office.com', 'en');
    const id = await newMessage(page);
    await modelesButton(compose(page, id)).click();
    await search(page).fill('mise en demeure facture');
    const first = palette(page).getByRole('option').first();
    await expect.poll(async () => text(await first.locator('.badge.step').innerText())).toBe('Mise en demeure');
    expect(text(await first.locator('.result-title').innerText())).toMatch(/^Mise en demeure/);
    expect((await first.locator('.result-scenario').innerText()).length).toBeGreaterThan(40);
    await page.close();
  });
});

describe('writing with a template in Outlook', () => {
  it('inserts through roosterjs: its model keeps the text, the subject survives a re-render, one Ctrl+Z removes the insertion', async () => {
    const page = await mailbox();
    const id = await newMessage(page);
    const before = await model(page, id);
    expect(before).toBe('\n--\nClaire Martin\nMartin & Fils');
    await modelesButton(compose(page, id)).click();
    await pick(page, 'merci paiement', THANKS);
    await fill(page, THANKS_VALUES);
    await insertButton(page).click();
    await closed(page);

    await expect.poll(() => model(page, id)).toMatch(/^Bonjour Madame Durand,\n\nNous avons bien reçu le 20 novembre 2026 votre règlement de 1 250,00 € par virement/);
    const inserted = await model(page, id);
    // Outlook's #Signature is there: the letter brings no sender block of its own, the name appears once.
    expect(inserted).toMatch(/Bien cordialement,\n+--\nClaire Martin\nMartin & Fils$/);
    expect(inserted.match(/Claire Martin/g)).toHaveLength(1);
    expect(text(await body(page, id).innerText())).toContain('Nous avons bien reçu le 20 novembre 2026');

    await sim(page, (s, i) => s.rerender(i), id);
    expect(await subject(page, id).inputValue()).toBe('Merci pour votre règlement de la facture n°\u00A0FA-2026-0142');

    // One Ctrl+Z (roosterjs's own undo) takes the whole insertion back, and only it.
    await body(page, id).press('Control+z');
    await expect.poll(() => model(page, id)).toBe(before);
    await page.close();
  });

  it('keeps the inserted text when the user types next (roosterjs does not revert it)', async () => {
    const page = await mailbox();
    const id = await newMessage(page);
    await modelesButton(compose(page, id)).click();
    await pick(page, 'merci paiement', THANKS);
    await fill(page, THANKS_VALUES);
    await insertButton(page).click();
    await closed(page);
    await page.keyboard.type('PS : merci encore.');
    await expect.poll(() => model(page, id)).toContain('PS : merci encore.');
    const content = await model(page, id);
    expect(content).toMatch(/^Bonjour Madame Durand,\n\nNous avons bien reçu/);
    expect(content.indexOf('Bien cordialement')).toBeLessThan(content.indexOf('PS : merci encore.'));
    await page.close();
  });

  it('replies in English Outlook above the signature and the quoted message, subject untouched, recipient prefilled', async () => {
    const page = await mailbox('https://outlook.office.com', 'en');
    await page.getByRole('button', { name: 'Reply' }).click();
    const id = (await page.locator('[data-sim-compose]').getAttribute('data-sim-compose'))!;
    await expect.poll(() => modelesButton(compose(page, id)).count()).toBe(1);
    await modelesButton(compose(page, id)).click();
    await pick(page, 'remerciement paiement', THANKS);
    await expect(palette(page).getByLabel('Nom du destinataire', { exact: true }).inputValue()).resolves.toBe('Dupont');
    expect(await palette(page).getByText('Réponse dans une conversation : l’objet n’est pas modifié.').count()).toBe(1);
    await fill(page, { ...THANKS_VALUES, 'Nom du destinataire': 'Dupont', "Formule d'appel": 'Monsieur' });
    await page.keyboard.press('Control+Enter');
    await closed(page);
    await expect.poll(() => model(page, id)).toMatch(/^Bonjour Monsieur Dupont,/);
    const content = await model(page, id);
    const letter = content.indexOf('Bien cordialement');

    expect(letter).toBeLessThan(content.indexOf('--\nClaire Martin'));
    expect(content.indexOf('--\nClaire Martin')).toBeLessThan(content.indexOf('From: Jean Dupont'));
    expect(content).toContain('Bonjour, pouvez-vous me renvoyer la facture ? Merci.');
    expect(await subject(page, id).inputValue()).toBe('RE: Facture FA-2026-0142');
    await page.close();
  });

  it('inserts at the caret the user left in the body, keeping the text around it', async () => {
    const page = await mailbox();
    const id = await newMessage(page);
    await body(page, id).click();
    await page.keyboard.press('Control+Home');
    await page.keyboard.type('Bonjour Jean,');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Voir plus bas.');
    // Back to the end of the first line with the keyboard, at a human pace (roosterjs follows the caret
    // through selectionchange events, which a burst of synthetic keys outruns), then a new line.
    for (const key of ['Control+Home', 'End', 'Enter']) {
      await page.keyboard.press(key);
      await page.waitForTimeout(50);
    }
    await modelesButton(compose(page, id)).click();
    await pick(page, 'merci paiement', THANKS);
    await fill(page, THANKS_VALUES);
    await insertButton(page).click();
    await closed(page);
    await expect.poll(() => model(page, id)).toContain('Nous avons bien reçu');
    const content = await model(page, id);
    expect(content.startsWith('Bonjour Jean,\n')).toBe(true);
    // « Bonjour Jean, » was typed just before the caret: it stays the only greeting.
    expect(content).not.toContain('Bonjour Madame Durand,');
    expect(content.indexOf('Nous avons bien reçu')).toBeLessThan(content.indexOf('Voir plus bas.'));
    expect(content.indexOf('Voir plus bas.')).toBeLessThan(content.indexOf('--\nClaire Martin'));
    await page.close();
  });

  it('works from the keyboard: the shortcut reaches us although roosterjs stops key events', async () => {
    const page = await mailbox();
    const id = await newMessage(page);
    await body(page, id).click();
    await page.keyboard.press('Control+Home');
    await page.keyboard.press('Control+Shift+Space');
    await page.keyboard.type('merci paiement rapid');
    expect(await search(page).inputValue()).toBe('merci paiement rapid');
    await page.keyboard.press('Enter');
    await page.keyboard.type('20/11/2026');
    await page.keyboard.press('Tab');
    await page.keyboard.type('75');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.type('FA-9');
    // The message has an Outlook signature: no sender field to fill.
    await page.keyboard.press('Control+Enter');
    await closed(page);
    await expect.poll(() => model(page, id)).toContain('règlement de 75,00 € par virement, correspondant à la facture n° FA-9');
    await page.close();
  });

  it('opens from the browser command in the message being written', async () => {
    const page = await mailbox();
    const id = await newMessage(page);
    await body(page, id).click();
    await sendCommand(b, page);
    await search(page).waitFor();
    expect(await search(page).evaluate((el) => el === (el.getRootNode() as ShadowRoot).activeElement)).toBe(true);
    await page.keyboard.press('Escape');
    // Échap gives the caret back to the roosterjs body.
    await expect.poll(() => page.evaluate((i) => document.activeElement?.id === `${i}-body`, id)).toBe(true);
    await closed(page);
    await page.close();
  });

  it('asks before replacing a subject already written', async () => {
    const page = await mailbox();
    const id = await newMessage(page);
    await subject(page, id).fill('Notre rendez-vous');
    await modelesButton(compose(page, id)).click();
    await pick(page, 'merci paiement', THANKS);
    await fill(page, THANKS_VALUES);
    await palette(page).getByRole('radio', { name: /Le remplacer/ }).check();
    await insertButton(page).click();
    await closed(page);
    await sim(page, (s, i) => s.rerender(i), id);
    expect(await subject(page, id).inputValue()).toMatch(/^Merci pour votre règlement/);
    await page.close();
  });

  it('works in a message opened in its own window (about:blank, filled by Outlook)', async () => {
    const page = await mailbox('https://outlook.cloud.microsoft');
    const [popup, id] = await Promise.all([b.context.waitForEvent('page'), sim(page, (s) => s.popout())]);
    expect(popup.url()).toBe('about:blank');
    await expect.poll(() => modelesButton(popup).count()).toBe(1);
    await modelesButton(popup).click();
    await pick(popup, 'merci paiement', THANKS);
    await fill(popup, THANKS_VALUES);
    await insertButton(popup).click();
    await closed(popup);
    await expect.poll(() => model(page, id)).toMatch(/^Bonjour Madame Durand,/);
    expect(await popup.locator(`#MSG_${id}_SUBJECT input`).inputValue()).toMatch(/^Merci pour votre règlement/);
    await popup.close();
    await page.close();
  });
});
