/**
 * Using Modèles through its UI in Firefox, with puppeteer-core: what
 * ../palette.ts does for Playwright. Our UI lives in shadow roots, which
 * puppeteer's ARIA queries do not pierce on Firefox: elements are found by a
 * walk over the open shadow roots, then clicked and typed into with real
 * (BiDi) input events.
 */
import type { ElementHandle, Page } from 'puppeteer-core';
import { expect } from 'vitest';

/**
 * In the page: every element matching `selector` under `scope` (a page
 * selector, or the document), looking into shadow roots, whose text (or, with
 * `label`, whose label's text) is `text`. Written as a string so that no
 * compiler helper ends up in the page.
 */
const DEEP_FIND = `(scope, selector, text, exact) => {
  const all = (root) => {
    const out = [...root.querySelectorAll(selector)];
    for (const el of root.querySelectorAll('*')) if (el.shadowRoot) out.push(...all(el.shadowRoot));
    return out;
  };
  const roots = scope ? [...document.querySelectorAll(scope)] : [document];
  const norm = (s) => (s || '').replace(/\\s+/g, ' ').trim();
  return roots.flatMap(all).find((el) => text === null || (exact ? norm(el.textContent) === text : norm(el.textContent).includes(text))) || null;
}`;

export async function find(page: Page, selector: string, options: { scope?: string; text?: string; exact?: boolean } = {}): Promise<ElementHandle<Element> | null> {
  const handle = await page.evaluateHandle(`(${DEEP_FIND})(${JSON.stringify(options.scope ?? null)}, ${JSON.stringify(selector)}, ${JSON.stringify(options.text ?? null)}, ${JSON.stringify(options.exact ?? false)})`);
  const element = handle.asElement() as ElementHandle<Element> | null;
  if (!element) await handle.dispose();
  return element;
}

/** Waits until `selector` (with `text`) exists, and returns it. */
export async function waitFind(page: Page, selector: string, options: { scope?: string; text?: string; exact?: boolean } = {}): Promise<ElementHandle<Element>> {
  let found: ElementHandle<Element> | null = null;
  await expect.poll(async () => (found = await find(page, selector, options)) !== null, { timeout: 10_000 }).toBe(true);
  return found!;
}

export const count = async (page: Page, selector: string, options: { scope?: string; text?: string; exact?: boolean } = {}) =>
  page.evaluate(`(${DEEP_FIND.replace('.find(', '.filter(')})(${JSON.stringify(options.scope ?? null)}, ${JSON.stringify(selector)}, ${JSON.stringify(options.text ?? null)}, ${JSON.stringify(options.exact ?? false)}).length`) as Promise<number>;

/** The « Modèles » button of a compose (its host is inside the compose). */
export const modelesButton = (page: Page, compose: string) => waitFind(page, 'button.modeles-button', { scope: compose });

export const paletteOpen = async (page: Page) => (await count(page, '.palette[role="dialog"]')) > 0;

export async function closed(page: Page): Promise<void> {
  await expect.poll(() => paletteOpen(page)).toBe(false);
}

/** A button of the palette, by its exact text. */
export const paletteButton = (page: Page, name: string) => waitFind(page, '.palette button', { text: name, exact: true });

/** Types a search, then opens the template whose title starts the option's text. */
export async function pick(page: Page, query: string, titleStart: string): Promise<void> {
  const input = await waitFind(page, '.palette [role="combobox"]');
  await input.click();
  await page.keyboard.type(query);
  const option = await waitFind(page, '.palette [role="option"]', { text: titleStart });
  await option.click();
  await paletteButton(page, 'Insérer');
}

/** The control of the palette's form labelled exactly `label`. */
async function control(page: Page, label: string): Promise<ElementHandle<Element>> {
  const labelEl = await waitFind(page, '.palette label', { text: label, exact: true });
  const handle = await labelEl.evaluateHandle((el) => (el as HTMLLabelElement).control);
  return handle.asElement() as ElementHandle<Element>;
}

/** Fills form fields by their exact label, with the keyboard (choices by their option's label). */
export async function fill(page: Page, values: Record<string, string>): Promise<void> {
  for (const [label, value] of Object.entries(values)) {
    const field = await control(page, label);
    if ((await field.evaluate((el) => el.tagName)) === 'SELECT') {
      const option = await field.evaluate((el, text) => [...(el as HTMLSelectElement).options].find((o) => o.label === text)?.value ?? null, value);
      if (option === null) throw new Error(`no option « ${value} » in « ${label} »`);
      await (field as ElementHandle<HTMLSelectElement>).select(option);
    } else {
      await field.click();
      await field.evaluate((el) => (el as HTMLInputElement).select());
      await page.keyboard.type(value);
    }
  }
}

/** The value of a form field, by its exact label. */
export const valueOf = async (page: Page, label: string) => (await control(page, label)).evaluate((el) => (el as HTMLInputElement).value);

/** Presses a combination such as ['Control', 'Shift', ' ']: modifiers held down, the last key pressed. */
export async function chord(page: Page, keys: string[]): Promise<void> {
  const mods = keys.slice(0, -1);
  for (const k of mods) await page.keyboard.down(k as never);
  await page.keyboard.press(keys.at(-1) as never);
  for (const k of mods.toReversed()) await page.keyboard.up(k as never);
}

/** The text of the alert(s) of the palette. */
export const alertText = async (page: Page) => (await find(page, '.palette [role="alert"]'))?.evaluate((el) => (el as HTMLElement).innerText) ?? '';

/** Puts the caret at `offset` in the text node of the element `selector` containing `lineText`. */
export async function caretIn(page: Page, selector: string, lineText: string, offset: number): Promise<void> {
  await page.$eval(
    selector,
    (el, line, at) => {
      const walker = el.ownerDocument.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        if (n.textContent?.includes(line)) {
          (el as HTMLElement).focus();
          const r = el.ownerDocument.createRange();
          r.setStart(n, at);
          const selection = el.ownerDocument.getSelection()!;
          selection.removeAllRanges();
          selection.addRange(r);
          return;
        }
      }
      throw new Error(`no line « ${line} »`);
    },
    lineText,
    offset,
  );
}
