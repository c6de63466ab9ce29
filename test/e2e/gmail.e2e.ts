/**
 * Modèles in Gmail, end to end: the built extension in Chromium, on the test
 * mailbox served at https://mail.google.com/ with Gmail's Trusted Types header.
 * Everything is done through the UI, as a user would.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserForFile } from './setup';
import { sendCommand } from './harness';
import { caretIn as caretInEditor, closed, fill, insertButton, modelesButton, palette, pick, search, SENDER_NAME, text, THANKS, THANKS_VALUES } from './palette';
import { serveGmail } from './pages/gmail';

const caretIn = (page: Page, id: string, line: string, offset: number) => caretInEditor(body(page, id), line, offset);

const b = browserForFile(serveGmail);

async function mailbox(lang: 'fr' | 'en' = 'fr'): Promise<Page> {
  const page = await b.context.newPage();
  await page.goto(`https://mail.google.com/mail/u/0/?hl=${lang}#inbox`);
  return page;
}

async function newMessage(page: Page): Promise<string> {
  const before = await page.locator('[data-sim-compose]').count();
  await page.locator('[data-sim="compose"]').click();
  await expect.poll(() => page.locator('[data-sim-compose]').count()).toBe(before + 1);
  return (await page.locator('[data-sim-compose]').last().getAttribute('data-sim-compose'))!;
}

const compose = (page: Page, id: string) => page.locator(`[data-sim-compose="${id}"]`);
/** The user has no Gmail signature: the new message's body is one empty line. */
const withoutSignature = (page: Page, id: string) => page.locator(`#${id}-body`).evaluate((el) => el.replaceChildren(el.ownerDocument.createElement('div')));
const body = (page: Page, id: string) => page.locator(`#${id}-body`);

describe('the « Modèles » button', () => {
  it('appears once in every compose, next to Envoyer, and survives Gmail re-rendering the toolbar', async () => {
    const page = await mailbox();
    const a = await newMessage(page);
    const c = await newMessage(page);
    for (const id of [a, c]) {
      await expect.poll(() => modelesButton(compose(page, id)).count()).toBe(1);
      const previousCell = await modelesButton(compose(page, id)).evaluate((btn) => {
        const host = (btn.getRootNode() as ShadowRoot).host;
        return host.closest('td')!.previousElementSibling!.className;
      });
      expect(previousCell).toBe('gU Up');
    }
    await page.evaluate((id) => (window as never as { gmailSim: { minimize(i: string): void } }).gmailSim.minimize(id), a);
    await page.evaluate((id) => (window as never as { gmailSim: { minimize(i: string): void } }).gmailSim.minimize(id), a);
    await page.evaluate((id) => (window as never as { gmailSim: { maximize(i: string): void } }).gmailSim.maximize(id), c);
    await page.evaluate((id) => (window as never as { gmailSim: { rerenderToolbar(i: string, n: number): void } }).gmailSim.rerenderToolbar(id, 100), a);
    for (const id of [a, c]) await expect.poll(() => modelesButton(compose(page, id)).count()).toBe(1);
    await expect.poll(() => page.locator('[data-modeles-host]').count()).toBe(4); // a cell and a column per compose
    await page.evaluate((id) => (window as never as { gmailSim: { close(i: string): void } }).gmailSim.close(id), c);
    await expect.poll(() => modelesButton(page).count()).toBe(1);
    await page.close();
  });

  it('floats over the message when the toolbar cannot be found, and goes back to the toolbar when it returns', async () => {
    const page = await mailbox();
    const id = await newMessage(page);
    await expect.poll(() => modelesButton(compose(page, id)).count()).toBe(1);
    await page.evaluate((i) => (window as never as { gmailSim: { dropToolbar(i: string): void } }).gmailSim.dropToolbar(i), id);
    await expect.poll(() => modelesButton(compose(page, id)).evaluate((btn) => btn.classList.contains('floating'))).toBe(true);
    expect(await modelesButton(compose(page, id)).count()).toBe(1);
    await modelesButton(compose(page, id)).click();
    await search(page).waitFor();
    await page.keyboard.press('Escape');
    await page.evaluate((i) => (window as never as { gmailSim: { rerenderToolbar(i: string, n: number): void } }).gmailSim.rerenderToolbar(i, 1), id);
    await expect.poll(() => modelesButton(compose(page, id)).evaluate((btn) => btn.classList.contains('floating'))).toBe(false);
    expect(await modelesButton(compose(page, id)).count()).toBe(1);
    await page.close();
  });

  it('is not added to the signature and vacation-responder editors of Settings', async () => {
    const page = await mailbox();
    await page.evaluate(() => (window as never as { gmailSim: { openSettings(): void } }).gmailSim.openSettings());
    await page.locator('#settings-signature').click();
    await page.waitForTimeout(300);
    expect(await modelesButton(page).count()).toBe(0);
    await page.close();
  });
});

describe('the palette', () => {
  it('lists short names with the scenario under them, the step and the reader as labels, and the scenario a pasted wording matched', async () => {
    const page = await mailbox();
    const id = await newMessage(page);
    await modelesButton(compose(page, id)).click();
    await search(page).fill('relance ton ferme');
    const first = palette(page).getByRole('option').first();
    await expect.poll(async () => text(await first.locator('.result-title').innerText())).toBe('Relance n° 2 — ton ferme, règlement exigé');
    expect(text(await first.locator('.result-scenario').innerText())).toMatch(/^Un de vos clients n.a pas honoré le paiement/);
    expect(await first.locator('.badge.step').innerText()).toBe('2e relance');
    // A scenario pasted in the wording of another title of the same letter: that wording is shown, not the main title.
    const alias = 'Un client vous a fait parvenir le règlement d’une facture, mais vous vous rendez compte que la somme versée est supérieure à celle qui vous est réellement due.';
    await search(page).fill(alias);
    await expect.poll(async () => text(await first.locator('.result-scenario').innerText())).toBe(alias);
    expect(text(await first.locator('.result-title').innerText())).toMatch(/trop-perçu/i);
    await page.close();
  });
});

describe('writing with a template', () => {
  it('inserts the subject and the body at the top of a new message, above the signature', async () => {
    const page = await mailbox('fr');
    const id = await newMessage(page);
    await modelesButton(compose(page, id)).click();
    await expect(search(page).evaluate((el) => el === (el.getRootNode() as ShadowRoot).activeElement)).resolves.toBe(true);
    await pick(page, 'remerciment paiement rapide', THANKS);
    await fill(page, THANKS_VALUES);
    await expect.poll(async () => text(await page.locator('.preview').first().innerText())).toContain('1 250,00 €');
    // The message has a Gmail signature: the letter does not add its own sender block (the name would appear twice).
    expect(await page.getByText('Votre signature de messagerie tient lieu de bloc expéditeur.').count()).toBe(1);
    await page.getByRole('button', { name: 'Insérer', exact: true }).click();
    await expect.poll(() => page.getByRole('dialog', { name: 'Modèles' }).count()).toBe(0);

    const subject = await compose(page, id).locator('input[name="subjectbox"]').inputValue();
    expect(subject).toBe('Merci pour votre règlement de la facture n° FA-2026-0142'.replace('n° ', 'n°\u00A0'));
    const content = text(await body(page, id).innerText());
    expect(content.startsWith('Bonjour Madame Durand,\n\nNous avons bien reçu le 20 novembre 2026 votre règlement de 1 250,00 € par virement')).toBe(true);
    expect(content).toMatch(/Bien cordialement,\n\n--\n\nClaire Martin\nMartin & Fils\n01 23 45 67 89$/);
    expect(content.match(/Claire Martin/g)).toHaveLength(1);
    // Real paragraphs, not one long line.
    const paragraphs = await body(page, id).locator('div:not(:has(div))').allInnerTexts();
    expect(paragraphs.filter((p) => p.startsWith('Nous avons bien reçu') || p.startsWith('Bien cordialement'))).toHaveLength(2);
    await page.close();
  });

  it('inserts at the caret the user left, keeps the text around it, and one Ctrl+Z removes the insertion', async () => {
    const page = await mailbox('fr');
    const id = await newMessage(page);
    await body(page, id).click();
    await page.keyboard.press('Control+Home');
    await page.keyboard.type('Bonjour Jean,');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Voici notre réponse.');
    const before = text(await body(page, id).innerText());
    await caretIn(page, id, 'Bonjour Jean,', 'Bonjour Jean,'.length);
    await page.keyboard.press('Enter');
    const withNewLine = text(await body(page, id).innerText());
    // Clicking the button with the mouse must not move the caret out of the body.
    await modelesButton(compose(page, id)).click();
    await pick(page, 'merci paiement', THANKS);
    await fill(page, THANKS_VALUES);
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => page.getByRole('dialog', { name: 'Modèles' }).count()).toBe(0);

    const after = text(await body(page, id).innerText());
    const greeting = after.indexOf('Bonjour Jean,');
    const inserted = after.indexOf('Nous avons bien reçu');
    const rest = after.indexOf('Voici notre réponse.');
    expect(greeting).toBe(0);
    // The user's own greeting is kept, and the letter brings no second one.
    expect(after).not.toContain('Bonjour Madame Durand,');
    expect(inserted).toBeGreaterThan(greeting);
    expect(rest).toBeGreaterThan(after.indexOf('Bien cordialement,'));
    expect(after).toContain('Martin & Fils');

    await body(page, id).press('Control+z');
    await expect.poll(async () => text(await body(page, id).innerText())).toBe(withNewLine);
    expect(withNewLine.replace('\n\n', '\n')).toContain(before.split('\n')[0]);
    await page.close();
  });

  it('keeps a greeting the user typed, takes the civility and the name from it, and brings no second greeting', async () => {
    const page = await mailbox('fr');
    const id = await newMessage(page);
    await body(page, id).click();
    await page.keyboard.press('Control+Home');
    await page.keyboard.type('Bonjour Madame Martin,');
    await page.keyboard.press('Enter');
    await modelesButton(compose(page, id)).click();
    await pick(page, 'merci paiement', THANKS);
    expect(await palette(page).getByText('Votre formule d’appel « Bonjour Madame Martin, » est gardée : la lettre commence juste après.').count()).toBe(1);
    expect(await palette(page).getByLabel("Formule d'appel", { exact: true }).inputValue()).toBe('madame');
    expect(await palette(page).getByLabel('Nom du destinataire', { exact: true }).inputValue()).toBe('Martin');
    const { "Formule d'appel": _civ, 'Nom du destinataire': _nom, ...rest } = THANKS_VALUES;
    await fill(page, rest);
    expect(text(await page.locator('.preview').first().innerText())).not.toMatch(/Bonjour Madame/);
    await insertButton(page).click();
    await closed(page);
    const content = text(await body(page, id).innerText());
    expect(content).toMatch(/^Bonjour Madame Martin,\n+Nous avons bien reçu le 20 novembre 2026/);
    expect(content.match(/Bonjour/g)).toHaveLength(1);
    await page.close();
  });

  it('replies inline in English Gmail: above the quoted message, subject untouched, recipient name prefilled', async () => {
    const page = await mailbox('en');
    await page.getByRole('button', { name: 'Reply' }).click();
    const id = (await page.locator('[data-sim-compose]').getAttribute('data-sim-compose'))!;
    await expect.poll(() => modelesButton(compose(page, id)).count()).toBe(1);
    await modelesButton(compose(page, id)).click();
    await pick(page, 'remerciement paiement', THANKS);
    await expect(page.getByLabel('Nom du destinataire', { exact: true }).inputValue()).resolves.toBe('Dupont');
    expect(await page.getByText('Réponse dans une conversation : l’objet n’est pas modifié.').count()).toBe(1);
    // An inline reply carries no Gmail signature: the letter signs itself.
    await fill(page, { ...THANKS_VALUES, ...SENDER_NAME, 'Nom du destinataire': 'Dupont', "Formule d'appel": 'Monsieur' });
    await page.getByRole('button', { name: 'Insérer', exact: true }).click();
    await expect.poll(() => page.getByRole('dialog', { name: 'Modèles' }).count()).toBe(0);
    const content = text(await body(page, id).innerText());
    expect(content.startsWith('Bonjour Monsieur Dupont,')).toBe(true);
    expect(content.indexOf('Claire Martin')).toBeLessThan(content.indexOf('Jean Dupont <jean.dupont@client-exemple.fr> wrote'));
    expect(content).toContain('Bonjour, pouvez-vous me renvoyer la facture ?');
    expect(await compose(page, id).locator('input[name="subjectbox"]').inputValue()).toBe('Re: Invoice FA-2026-0142');
    await page.close();
  });

  it('with two messages open, writes into the one the palette was opened from', async () => {
    const page = await mailbox();
    const a = await newMessage(page);
    const c = await newMessage(page);
    const untouched = await body(page, a).innerHTML();
    await modelesButton(compose(page, c)).click();
    await pick(page, 'paiement rapide', THANKS);
    await fill(page, THANKS_VALUES);
    await page.getByRole('button', { name: 'Insérer', exact: true }).click();
    await expect.poll(async () => text(await body(page, c).innerText())).toContain('Bonjour Madame Durand,');
    expect(await body(page, a).innerHTML()).toBe(untouched);
    await page.close();
  });
});

describe('keyboard', () => {
  it('works without the mouse: shortcut in the body, search, form, Ctrl+Entrée', async () => {
    const page = await mailbox();
    await page.getByRole('button', { name: 'Répondre' }).click();
    const id = (await page.locator('[data-sim-compose]').getAttribute('data-sim-compose'))!;
    await expect.poll(() => modelesButton(compose(page, id)).count()).toBe(1);
    await page.keyboard.type('Bonjour,');
    // No waiting between the shortcut and typing: the first keys must land in the search field, not in the draft.
    await page.keyboard.press('Control+Shift+Space');
    await page.keyboard.type('merci paiement rapid');
    expect(await search(page).inputValue()).toBe('merci paiement rapid');
    await expect.poll(async () => text(await page.getByRole('dialog', { name: 'Modèles' }).getByRole('option').first().innerText())).toContain(THANKS);
    await page.keyboard.press('Enter');
    const form = page.getByRole('form');
    await form.waitFor();
    // The focus starts in the first field that needs typing; Tab walks through the labelled fields.
    await expect.poll(() => page.evaluate(() => (document.activeElement?.shadowRoot?.activeElement as HTMLElement | null)?.id)).toBe('field-date_paiement');
    await page.keyboard.type('20/11/2026');
    await page.keyboard.press('Tab');
    await page.keyboard.type('980,50');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.type('FA-77');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Claire Martin');
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => page.getByRole('dialog', { name: 'Modèles' }).count()).toBe(0);
    const content = text(await body(page, id).innerText());
    // The caret was at the end of « Bonjour, »: that greeting stays the only one, the letter starts on a line of its own.
    expect(content).toMatch(/^Bonjour,\n+Nous avons bien reçu le 20 novembre 2026 votre règlement de 980,50 €/);
    expect(content.match(/Bonjour/g)).toHaveLength(2); // the user's, and the one quoted in Jean Dupont's message
    expect(content).toContain('980,50 €');
    expect(content).toContain('facture n° FA-77');
    await page.close();
  });

  it('Échap closes the palette and gives the caret back where it was', async () => {
    const page = await mailbox();
    const id = await newMessage(page);
    await body(page, id).click();
    await page.keyboard.press('Control+Home');
    await page.keyboard.type('Début du message');
    await caretIn(page, id, 'Début du message', 'Début'.length);
    await page.keyboard.press('Control+Shift+Space');
    await search(page).waitFor();
    await page.keyboard.type('cxv');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('dialog', { name: 'Modèles' }).count()).toBe(0);
    await page.keyboard.type('!');
    expect(text(await body(page, id).innerText()).startsWith('Début! du message')).toBe(true);
    await page.close();
  });

  it('opens from the browser command in the compose being written', async () => {
    const page = await mailbox();
    await newMessage(page);
    const id = await newMessage(page);
    await body(page, id).click();
    await sendCommand(b, page);
    await search(page).waitFor();
    const box = await page.getByRole('dialog', { name: 'Modèles' }).boundingBox();
    const target = await compose(page, id).boundingBox();
    expect(box!.x + box!.width).toBeGreaterThan(target!.x);
    await page.keyboard.press('Escape');
    await page.close();
  });

  it('keeps what is typed in the palette away from Gmail’s shortcuts', async () => {
    const page = await mailbox();
    const id = await newMessage(page);
    await modelesButton(compose(page, id)).click();
    await search(page).pressSequentially('c/c');
    expect(await page.locator('[data-sim-compose]').count()).toBe(1);
    const seen = await page.evaluate(() => (window as never as { simLog: string[] }).simLog.filter((l) => l.startsWith('keydown')));
    expect(seen).toEqual([]);
    await page.close();
  });
});

describe('memory and safety', () => {
  it('remembers the sender and shows the last template first next time', async () => {
    const page = await mailbox();
    const id = await newMessage(page);
    // Without a Gmail signature, the letter signs itself: the form asks for the sender.
    await withoutSignature(page, id);
    await modelesButton(compose(page, id)).click();
    await pick(page, 'merci paiement', THANKS);
    await fill(page, { ...THANKS_VALUES, 'Votre nom': 'Claire Martin', 'Votre téléphone': '01 99 88 77 66' });
    await page.getByRole('button', { name: 'Insérer', exact: true }).click();
    await expect.poll(() => page.getByRole('dialog', { name: 'Modèles' }).count()).toBe(0);

    const next = await newMessage(page);
    await withoutSignature(page, next);
    await modelesButton(compose(page, next)).click();
    const first = page.getByRole('dialog', { name: 'Modèles' }).getByRole('option').first();
    await expect.poll(async () => text(await first.innerText())).toContain(THANKS);
    expect(await first.innerText()).toContain('Récent');
    await first.click();
    await expect(page.getByLabel('Votre nom', { exact: true }).inputValue()).resolves.toBe('Claire Martin');
    await expect(page.getByLabel('Votre téléphone', { exact: true }).inputValue()).resolves.toBe('01 99 88 77 66');
    await page.close();
  });

  it('asks before replacing a subject already written, and keeps it by default', async () => {
    const page = await mailbox();
    const id = await newMessage(page);
    await compose(page, id).locator('input[name="subjectbox"]').fill('Notre échange de ce matin');
    await modelesButton(compose(page, id)).click();
    await pick(page, 'merci paiement', THANKS);
    await fill(page, THANKS_VALUES);
    expect(await page.getByRole('radio', { name: /Garder l’objet actuel/ }).isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Insérer', exact: true }).click();
    await expect.poll(() => page.getByRole('dialog', { name: 'Modèles' }).count()).toBe(0);
    expect(await compose(page, id).locator('input[name="subjectbox"]').inputValue()).toBe('Notre échange de ce matin');

    const other = await newMessage(page);
    await compose(page, other).locator('input[name="subjectbox"]').fill('Ancien objet');
    await modelesButton(compose(page, other)).click();
    await pick(page, 'merci paiement', THANKS);
    await fill(page, THANKS_VALUES);
    await page.getByRole('radio', { name: /Le remplacer/ }).check();
    await page.getByRole('button', { name: 'Insérer', exact: true }).click();
    await expect.poll(() => compose(page, other).locator('input[name="subjectbox"]').inputValue()).toMatch(/^Merci pour votre règlement/);
    await page.close();
  });

  it('says so in French when the message is closed while the form is open, and keeps what was typed', async () => {
    const page = await mailbox();
    const id = await newMessage(page);
    await modelesButton(compose(page, id)).click();
    await pick(page, 'merci paiement', THANKS);
    await fill(page, { 'N° de facture': 'FA-999' });
    await page.evaluate((i) => (window as never as { gmailSim: { close(i: string): void } }).gmailSim.close(i), id);
    const alert = page.getByRole('alert');
    await expect.poll(async () => alert.count()).toBeGreaterThan(0);
    expect(await alert.first().innerText()).toMatch(/La fenêtre de rédaction a été fermée/);
    await page.getByRole('button', { name: 'Insérer', exact: true }).click();
    expect(await page.locator('[data-sim-compose]').count()).toBe(0);
    await page.keyboard.press('Escape');

    const again = await newMessage(page);
    await modelesButton(compose(page, again)).click();
    await pick(page, 'merci paiement', THANKS);
    await expect(page.getByLabel('N° de facture', { exact: true }).inputValue()).resolves.toBe('FA-999');
    await page.close();
  });

  it('works in the pop-out compose window', async () => {
    const page = await b.context.newPage();
    await page.goto('https://mail.google.com/mail/u/0/popout?ver=1&hl=fr');
    await expect.poll(() => modelesButton(page).count()).toBe(1);
    await modelesButton(page).click();
    await pick(page, 'merci paiement', THANKS);
    await expect(page.getByLabel('Nom du destinataire', { exact: true }).inputValue()).resolves.toBe('Dupont');
    await fill(page, THANKS_VALUES);
    await page.getByRole('button', { name: 'Insérer', exact: true }).click();
    await expect.poll(async () => text(await page.locator('#popout-body').innerText())).toMatch(/^Bonjour Madame Durand,/);
    await page.close();
  });
});
