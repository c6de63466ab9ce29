/** Using Modèles through its UI, as a user does: the helpers both mail clients' end-to-end tests share. */
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

export const modelesButton = (scope: Page | Locator) => scope.getByRole('button', { name: 'Modèles', exact: true });
export const palette = (page: Page) => page.getByRole('dialog', { name: 'Modèles' });
export const search = (page: Page) => page.getByRole('combobox', { name: 'Rechercher un modèle' });
export const insertButton = (page: Page) => page.getByRole('button', { name: 'Insérer', exact: true });

/** innerText with ordinary spaces, and a blank line (<div><br></div>) as one empty line. */
export const text = (s: string | null) => (s ?? '').replace(/[\u00A0\u202F]/g, ' ').replace(/\r\n/g, '\n').replace(/\n{3,}/g, '\n\n');

/** Searches, then opens the template whose title starts the option's text. */
export async function pick(page: Page, query: string, titleStart: string): Promise<void> {
  await search(page).fill(query);
  const option = palette(page).getByRole('option').filter({ hasText: titleStart }).first();
  await expect.poll(() => option.count()).toBe(1);
  await option.click();
  await insertButton(page).waitFor();
}

/** Fills form fields by their exact label (choices by their option label). */
export async function fill(page: Page, values: Record<string, string>): Promise<void> {
  for (const [label, value] of Object.entries(values)) {
    const field = palette(page).getByLabel(label, { exact: true });
    if ((await field.evaluate((el) => el.tagName)) === 'SELECT') await field.selectOption({ label: value });
    else await field.fill(value);
  }
}

export async function closed(page: Page): Promise<void> {
  await expect.poll(() => palette(page).count()).toBe(0);
}

/** The thanks-for-payment template and a complete set of values for it. */
export const THANKS = 'Vous remerciez un client pour son paiement rapide.';
export const THANKS_VALUES = {
  'Votre destinataire est': 'un professionnel (entreprise, association…)',
  "Formule d'appel": 'Madame',
  'Nom du destinataire': 'Durand',
  'Date du paiement reçu': '20/11/2026',
  'Montant reçu': '1250',
  'N° de facture': 'FA-2026-0142',
};
/** The sender's name: asked only when the message has no mail signature to stand for the letter's sender block. */
export const SENDER_NAME = { 'Votre nom': 'Claire Martin' };

/** Puts the caret at `offset` in the text node of `editor` containing `lineText`. */
export async function caretIn(editor: Locator, lineText: string, offset: number): Promise<void> {
  await editor.evaluate(
    (el, [line, at]) => {
      const walker = el.ownerDocument.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        if (n.textContent?.includes(line as string)) {
          (el as HTMLElement).focus();
          const r = el.ownerDocument.createRange();
          r.setStart(n, at as number);
          const selection = el.ownerDocument.getSelection()!;
          selection.removeAllRanges();
          selection.addRange(r);
          return;
        }
      }
      throw new Error(`no line « ${line} »`);
    },
    [lineText, offset] as const,
  );
}
