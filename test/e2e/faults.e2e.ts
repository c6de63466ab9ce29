/**
 * Fault tests, end to end: many composes opened and closed, stored data broken
 * by hand, the extension reloaded under an open mailbox. The extension must
 * leave nothing behind, recover, say so in French, and lose nothing else.
 */
import type { CDPSession, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserForFile } from './setup';
import { buildPack } from '../../lib/packs/build';
import { packToFile } from '../../lib/packs/validate';
import { fill, modelesButton, palette, pick, search, THANKS, THANKS_VALUES } from './palette';
import { serveGmail } from './pages/gmail';

const b = browserForFile(serveGmail);

async function mailbox(): Promise<Page> {
  const page = await b.context.newPage();
  await page.goto('https://mail.google.com/mail/u/0/?hl=fr#inbox');
  return page;
}

type Sim = { gmailSim: { close(id: string): void } };

async function openCompose(page: Page): Promise<string> {
  const before = await page.locator('[data-sim-compose]').count();
  await page.locator('[data-sim="compose"]').click();
  await expect.poll(() => page.locator('[data-sim-compose]').count()).toBe(before + 1);
  const id = (await page.locator('[data-sim-compose]').last().getAttribute('data-sim-compose'))!;
  await expect.poll(() => modelesButton(page.locator(`[data-sim-compose="${id}"]`)).count()).toBe(1);
  return id;
}

/** Event listeners on window and document, as DevTools counts them (all worlds, content scripts included). */
async function listenerCount(cdp: CDPSession): Promise<number> {
  let total = 0;
  for (const expression of ['window', 'document']) {
    const { result } = (await cdp.send('Runtime.evaluate', { expression })) as { result: { objectId: string } };
    const { listeners } = (await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId })) as { listeners: unknown[] };
    total += listeners.length;
  }
  return total;
}

describe('faults', () => {
  it('fifty composes opened and closed leave no UI and no listener behind', async () => {
    const page = await mailbox();
    const cdp = await b.context.newCDPSession(page);
    // One compose first, so that everything created once per page exists.
    const first = await openCompose(page);
    await modelesButton(page).click();
    await search(page).waitFor();
    await page.keyboard.press('Escape');
    await page.evaluate((id) => (window as never as Sim).gmailSim.close(id), first);
    await expect.poll(() => page.locator('[data-modeles-host]').count()).toBe(0);
    const baseline = await listenerCount(cdp);

    for (let i = 0; i < 50; i++) {
      const id = await openCompose(page);
      if (i % 10 === 0) {
        await modelesButton(page.locator(`[data-sim-compose="${id}"]`)).click();
        await search(page).waitFor();
      }
      await page.evaluate((c) => (window as never as Sim).gmailSim.close(c), id);
    }
    await expect.poll(() => page.locator('[data-modeles-host]').count()).toBe(0);
    await expect.poll(() => palette(page).count()).toBe(0);
    expect(await listenerCount(cdp)).toBe(baseline);
    await page.close();
  });

  it('recovers from stored data broken by hand, says so in French, and keeps the rest', async () => {
    const { pack } = buildPack(new URL('../fixtures/packs/comptabilite', import.meta.url).pathname);
    const good = { pack: packToFile(pack!), origin: { kind: 'file', fileName: 'compta.json' }, enabled: true, installedAt: '2026-11-01T00:00:00Z', updatedAt: '2026-11-01T00:00:00Z' };
    await b.worker.evaluate(
      async (entry) =>
        (globalThis as never as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }).chrome.storage.local.set({
          packs: [entry, { pack: { id: 'abime', templates: 'oups' } }, 42],
          rememberedValues: 'pas un objet',
          recentTemplates: { n: 1 },
        }),
      good,
    );

    const settings = await b.context.newPage();
    await settings.goto(`chrome-extension://${b.extensionId}/options.html`);
    await expect.poll(() => settings.getByRole('alert').innerText()).toMatch(/2 packs enregistrés étaient illisibles .* mis de côté\. Les autres packs et vos modèles sont intacts/);
    expect(await settings.getByRole('listitem').filter({ hasText: 'Comptabilité ACME' }).count()).toBe(1);
    await settings.close();

    // The mailbox works: the built-in library and the surviving pack are both there.
    const page = await mailbox();
    await openCompose(page);
    await modelesButton(page).click();
    await search(page).fill('rib fournisseur');
    await expect.poll(() => palette(page).getByRole('option').filter({ hasText: 'RIB' }).count()).toBe(1);
    await pick(page, 'merci paiement rapide', THANKS);
    await fill(page, THANKS_VALUES);
    await page.getByRole('button', { name: 'Insérer', exact: true }).click();
    await expect.poll(() => palette(page).count()).toBe(0);
    await page.close();
  });
});

describe('an extension update under an open mailbox', () => {
  it('the old content script removes its buttons and leaves the page working', async () => {
    const page = await mailbox();
    await openCompose(page);
    await b.worker.evaluate(() => (globalThis as never as { chrome: { runtime: { reload(): void } } }).chrome.runtime.reload()).catch(() => undefined);
    // The page keeps mutating (Gmail always does): the next scan notices and cleans up.
    await page.locator('[data-sim="compose"]').click();
    await expect.poll(() => page.locator('[data-modeles-host]').count(), { timeout: 10_000 }).toBe(0);
    // Gmail goes on: the message can still be written, nothing of ours is left in the way.
    await page.locator('[data-sim-compose] [id$="-body"]').last().click();
    await page.keyboard.type('Toujours là.');
    expect(await page.locator('[data-sim-compose] [id$="-body"]').last().innerText()).toContain('Toujours là.');
    expect(await page.locator('modeles-palette, modeles-button').count()).toBe(0);
    await page.close();
  });
});
