/**
 * Modèles in Firefox, end to end: the built Firefox extension in firefox-esr,
 * on the Gmail and Outlook test mailboxes (Gmail with its Trusted Types header,
 * Outlook with real roosterjs editors). The user's path, once per client and
 * language: the button, the palette, the form, insertion at the caret, one
 * Ctrl+Z, the subject, and the keyboard shortcut. The Chrome suites cover the
 * rest; this one is about what differs in Firefox.
 */
import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { text, THANKS, THANKS_VALUES } from '../palette';
import { firefoxForFile } from './setup';
import { alertText, caretIn, chord, closed, fill, modelesButton, paletteButton, pick, valueOf, waitFind } from './user';

const ff = firefoxForFile();

const innerText = (page: Page, selector: string) => page.$eval(selector, (el) => (el as HTMLElement).innerText).then(text);
/** What roosterjs itself holds for an Outlook message body (its content model exported as text). */
const model = (page: Page, id: string) => page.evaluate((i) => (window as unknown as { owaSim: { text(i: string): string } }).owaSim.text(i), id).then(text);

async function open(url: string): Promise<Page> {
  const page = await ff.newPage();
  await page.goto(url);
  return page;
}

/** From the caret in a reply's body: the shortcut, the thanks letter found despite a typo and opened with Entrée, its recipient read from the reply. */
async function openThanksFromKeyboard(page: Page): Promise<void> {
  await chord(page, ['Control', 'Shift', ' ']);
  await page.keyboard.type('merci paiement rapid');
  await waitFind(page, '.palette [role="option"]', { text: THANKS });
  expect(await (await waitFind(page, '.palette [role="option"]')).evaluate((el) => el.textContent)).toContain(THANKS);
  await page.keyboard.press('Enter');
  await paletteButton(page, 'Insérer');
  expect(await valueOf(page, 'Nom du destinataire')).toBe('Dupont');
}

/** Clicks a page control and returns the id of the compose it opened. */
async function openCompose(page: Page, selector: string): Promise<string> {
  await page.click(selector);
  await page.waitForSelector('[data-sim-compose]');
  return (await page.$$eval('[data-sim-compose]', (els) => els.at(-1)!.getAttribute('data-sim-compose')))!;
}

describe('Gmail in Firefox', () => {
  it('French: button, palette, form, insertion at the caret under Trusted Types, subject, one Ctrl+Z undoes it', async () => {
    const page = await open('https://mail.google.com/mail/u/0/?hl=fr#inbox');
    const id = await openCompose(page, '[data-sim="compose"]');
    const body = `#${id}-body`;
    await page.click(body);
    await chord(page, ['Control', 'Home']);
    await page.keyboard.type('Bonjour Jean,');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Voici notre réponse.');
    await caretIn(page, body, 'Bonjour Jean,', 'Bonjour Jean,'.length);
    await page.keyboard.press('Enter');
    const before = await innerText(page, body);

    await (await modelesButton(page, `[data-sim-compose="${id}"]`)).click();
    await pick(page, 'merci paiement', THANKS);
    await fill(page, THANKS_VALUES);
    await (await paletteButton(page, 'Insérer')).click();
    await closed(page);

    const after = await innerText(page, body);
    expect(after.indexOf('Bonjour Jean,')).toBe(0);
    // « Bonjour Jean, » was typed just before the caret: it stays the only greeting.
    expect(after).not.toContain('Bonjour Madame Durand,');
    expect(after).toContain('Nous avons bien reçu le 20 novembre 2026 votre règlement de 1 250,00 €');
    expect(after.indexOf('Voici notre réponse.')).toBeGreaterThan(after.indexOf('Bien cordialement,'));
    expect(await page.$eval(`[data-sim-compose="${id}"] input[name="subjectbox"]`, (el) => (el as HTMLInputElement).value)).toBe('Merci pour votre règlement de la facture n°\u00A0FA-2026-0142');

    await chord(page, ['Control', 'z']);
    await expect.poll(() => innerText(page, body)).toBe(before);
    await page.close();
  });

  it('English, keyboard only: the shortcut in an inline reply, search, form, Ctrl+Entrée; subject untouched', async () => {
    const page = await open('https://mail.google.com/mail/u/0/?hl=en#inbox');
    const id = await openCompose(page, '[data-sim="reply"]');
    await modelesButton(page, `[data-sim-compose="${id}"]`);
    await page.keyboard.type('Hello,');
    await openThanksFromKeyboard(page);
    await page.keyboard.type('20/11/2026');
    await page.keyboard.press('Tab');
    await page.keyboard.type('980,50');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.type('FA-77');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Claire Martin');
    await chord(page, ['Control', 'Enter']);
    await closed(page);
    const content = await innerText(page, `#${id}-body`);
    expect(content).toMatch(/^Hello,\n+Nous avons bien reçu le 20 novembre 2026 votre règlement de 980,50 €/);
    expect(content.indexOf('Bien cordialement')).toBeLessThan(content.indexOf('Jean Dupont <jean.dupont@client-exemple.fr> wrote'));
    expect(await page.$eval(`[data-sim-compose="${id}"] input[name="subjectbox"]`, (el) => (el as HTMLInputElement).value)).toBe('Re: Invoice FA-2026-0142');
    await page.close();
  });
});

describe('Outlook in Firefox', () => {
  it('French: inserted through roosterjs at the caret, in its model; the subject survives a re-render; one Ctrl+Z undoes it', async () => {
    const page = await open('https://outlook.office.com/mail/inbox?hl=fr');
    const id = await openCompose(page, '[data-sim="new"]');
    const body = `#${id}-body`;
    await modelesButton(page, `[data-sim-compose="${id}"]`);
    await page.click(body);
    await chord(page, ['Control', 'Home']);
    await page.keyboard.type('Bonjour Jean,');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Voir plus bas.');
    // roosterjs follows the caret through selectionchange: keys at a human pace.
    for (const keys of [['Control', 'Home'], ['End'], ['Enter']]) {
      await chord(page, keys);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const before = await model(page, id);

    await (await modelesButton(page, `[data-sim-compose="${id}"]`)).click();
    await pick(page, 'merci paiement', THANKS);
    await fill(page, THANKS_VALUES);
    await (await paletteButton(page, 'Insérer')).click();
    await closed(page);

    await expect.poll(() => model(page, id)).toContain('Nous avons bien reçu');
    const content = await model(page, id);
    expect(content.startsWith('Bonjour Jean,\n')).toBe(true);
    expect(content).not.toContain('Bonjour Madame Durand,');
    expect(content).toContain('Nous avons bien reçu le 20 novembre 2026 votre règlement de 1 250,00 € par virement');
    expect(content.indexOf('Bien cordialement,')).toBeLessThan(content.indexOf('Voir plus bas.'));
    expect(content.indexOf('Voir plus bas.')).toBeLessThan(content.indexOf('--\nClaire Martin'));
    await page.evaluate((i) => (window as unknown as { owaSim: { rerender(i: string): void } }).owaSim.rerender(i), id);
    expect(await page.$eval(`#MSG_${id}_SUBJECT input`, (el) => (el as HTMLInputElement).value)).toBe('Merci pour votre règlement de la facture n°\u00A0FA-2026-0142');

    // One Ctrl+Z, roosterjs's own undo: the paste went through its model.
    await page.focus(body);
    await chord(page, ['Control', 'z']);
    await expect.poll(() => model(page, id)).toBe(before);
    await page.close();
  });

  it('English, keyboard only: the shortcut in a reply (roosterjs stops key events), above signature and quoted message', async () => {
    const page = await open('https://outlook.office.com/mail/inbox?hl=en');
    const id = await openCompose(page, '[data-sim="reply"]');
    await modelesButton(page, `[data-sim-compose="${id}"]`);
    await page.click(`#${id}-body`);
    await chord(page, ['Control', 'Home']);
    await openThanksFromKeyboard(page);
    expect(await alertText(page)).toBe('');
    await fill(page, { ...THANKS_VALUES, 'Nom du destinataire': 'Dupont', "Formule d'appel": 'Monsieur' });
    await chord(page, ['Control', 'Enter']);
    await closed(page);
    await expect.poll(() => model(page, id)).toMatch(/^Bonjour Monsieur Dupont,/);
    const content = await model(page, id);
    expect(content.indexOf('Bien cordialement')).toBeLessThan(content.indexOf('--\nClaire Martin'));
    expect(content.indexOf('--\nClaire Martin')).toBeLessThan(content.indexOf('From: Jean Dupont'));
    expect(await page.$eval(`#MSG_${id}_SUBJECT input`, (el) => (el as HTMLInputElement).value)).toBe('RE: Facture FA-2026-0142');
    await page.close();
  });
});
