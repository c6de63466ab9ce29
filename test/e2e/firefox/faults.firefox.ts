/** The insertion fault tests (../insertion-faults.ts) in Firefox, through puppeteer-core. */
import type { Page } from 'puppeteer-core';
import { describe } from 'vitest';
import { insertionFaultTests, type FaultTab } from '../insertion-faults';
import { SENDER_NAME, THANKS, THANKS_VALUES } from '../palette';
import { firefoxForFile } from './setup';
import { alertText, chord, fill, find, modelesButton, paletteButton, paletteOpen, pick, valueOf } from './user';

const ff = firefoxForFile();

/** A text area of the test, outside the draft, emptied (or filled with `value`) and focused. */
async function scratch(page: Page, value = ''): Promise<void> {
  await page.evaluate((v) => {
    let area = document.getElementById('scratch') as HTMLTextAreaElement | null;
    if (!area) {
      area = document.createElement('textarea');
      area.id = 'scratch';
      document.body.append(area);
    }
    area.value = v;
  }, value);
  await page.click('#scratch');
}

const compose = (id: string) => `[data-sim-compose="${id}"]`;

function puppeteerTab(page: Page): FaultTab {
  return {
    async newMessage() {
      await page.click('[data-sim="new"]');
      await page.waitForSelector('[data-sim-compose]');
      const id = (await page.$$eval('[data-sim-compose]', (els) => els.at(-1)!.getAttribute('data-sim-compose')))!;
      await modelesButton(page, compose(id));
      return id;
    },
    async fillThanks(id) {
      await (await modelesButton(page, compose(id))).click();
      await pick(page, 'merci paiement', THANKS);
      await fill(page, THANKS_VALUES);
      // The sender's name is asked only where the editor holds no signature.
      if (await find(page, '.palette label', { text: 'Votre nom', exact: true })) await fill(page, SENDER_NAME);
    },
    async clickPaletteButton(name) {
      await (await paletteButton(page, name)).click();
    },
    paletteOpen: () => paletteOpen(page),
    alertText: () => alertText(page),
    fieldValue: (label) => valueOf(page, label),
    subject: (id) => page.$eval(`#MSG_${id}_SUBJECT input`, (el) => (el as HTMLInputElement).value),
    model: (id) => page.evaluate((i) => (window as unknown as { owaSim: { text(i: string): string } }).owaSim.text(i), id),
    async pasteElsewhere() {
      await scratch(page);
      await chord(page, ['Control', 'v']);
      return page.$eval('#scratch', (el) => (el as HTMLTextAreaElement).value);
    },
    async copyElsewhere(value) {
      await scratch(page, value);
      await chord(page, ['Control', 'a']);
      await chord(page, ['Control', 'c']);
    },
    close: () => page.close(),
  };
}

describe('insertion faults in Firefox', () => {
  insertionFaultTests(async (fault) => {
    const page = await ff.newPage();
    await page.goto(`https://outlook.office.com/mail/inbox?hl=fr&fault=${fault}`);
    return puppeteerTab(page);
  });
});

