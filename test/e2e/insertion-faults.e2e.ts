/** The insertion fault tests (insertion-faults.ts) in Chromium, through Playwright. */
import type { Page } from 'playwright-core';
import { describe } from 'vitest';
import { insertionFaultTests, type FaultTab } from './insertion-faults';
import { fill, insertButton, modelesButton, palette, pick, SENDER_NAME, THANKS, THANKS_VALUES } from './palette';
import { serveOutlook } from './pages/outlook';
import { browserForFile } from './setup';

const b = browserForFile(serveOutlook);

/** A text area of the test, outside the draft, to paste the clipboard into. */
async function scratch(page: Page) {
  await page.evaluate(() => {
    if (document.getElementById('scratch')) return;
    const area = document.createElement('textarea');
    area.id = 'scratch';
    document.body.append(area);
  });
  return page.locator('#scratch');
}

function playwrightTab(page: Page): FaultTab {
  const compose = (id: string) => page.locator(`[data-sim-compose="${id}"]`);
  return {
    async newMessage() {
      await page.getByRole('button', { name: 'Nouveau message' }).click();
      const id = (await page.locator('[data-sim-compose]').last().getAttribute('data-sim-compose'))!;
      await modelesButton(compose(id)).waitFor();
      return id;
    },
    async fillThanks(id) {
      await modelesButton(compose(id)).click();
      await pick(page, 'merci paiement', THANKS);
      await fill(page, THANKS_VALUES);
      // The sender's name is asked only where the editor holds no signature.
      if (await palette(page).getByLabel('Votre nom', { exact: true }).count()) await fill(page, SENDER_NAME);
    },
    async clickPaletteButton(name) {
      if (name === 'Insérer') await insertButton(page).click();
      else await palette(page).getByRole('button', { name, exact: true }).click();
    },
    paletteOpen: async () => (await palette(page).count()) > 0,
    alertText: async () => ((await palette(page).getByRole('alert').count()) ? palette(page).getByRole('alert').first().innerText() : ''),
    fieldValue: (label) => palette(page).getByLabel(label, { exact: true }).inputValue(),
    subject: (id) => page.locator(`#MSG_${id}_SUBJECT input`).inputValue(),
    model: (id) => page.evaluate((i) => (window as unknown as { owaSim: { text(i: string): string } }).owaSim.text(i), id),
    async pasteElsewhere() {
      const area = await scratch(page);
      await area.fill('');
      // A click, as the user clicks in the message to paste: the letter given back stays on screen.
      await area.click();
      await page.keyboard.press('Control+v');
      return area.inputValue();
    },
    async copyElsewhere(value) {
      const area = await scratch(page);
      await area.fill(value);
      await area.click();
      await page.keyboard.press('Control+a');
      await page.keyboard.press('Control+c');
    },
    close: () => page.close(),
  };
}

describe('insertion faults in Chrome', () => {
  insertionFaultTests(async (fault) => {
    const page = await b.context.newPage();
    await page.goto(`https://outlook.office.com/mail/inbox?hl=fr&fault=${fault}`);
    return playwrightTab(page);
  });
});
