/**
 * « Mes modèles » end to end (issue 20), in the Gmail and the Outlook test
 * mailboxes with the built extension: write a draft, save it as a template
 * from the palette, turn its specifics into fields without typing any syntax,
 * find it in the palette of a new message and insert it with the fields
 * filled. Then « the other computer »: a second browser profile receives the
 * items of chrome.storage.sync (what the browser's sync carries between
 * computers) and finds the template in its own palette.
 */
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { itemBytes, SYNC_QUOTA } from '../../lib/personal/codec';
import { launch, type Browser } from './harness';
import { browserForFile } from './setup';
import { fill, insertButton, modelesButton, palette, search, text } from './palette';
import { serveGmail } from './pages/gmail';
import { serveOutlook } from './pages/outlook';

const b = browserForFile(serveGmail, serveOutlook);

const SUBJECT = 'Relance du devis DV-2026-118';
const LINES = [
  'Bonjour Madame Durand,',
  '',
  'Nous revenons vers vous au sujet du devis DV-2026-118 envoyé à Durand Équipement le mois dernier.',
  'Sans réponse de Durand Équipement avant la fin du mois, ce devis ne sera plus valable.',
  '',
  'Bien cordialement,',
];
const NAMES = { gmail: 'Relance d’un devis resté sans réponse', outlook: 'Relance d’un devis toujours sans réponse' };

interface Mailbox {
  open(page: Page): Promise<void>;
  /** Opens a new message and returns its body and subject field. */
  newMessage(page: Page): Promise<{ root: Locator; body: Locator; subject: Locator }>;
}

const GMAIL: Mailbox = {
  open: async (page) => void (await page.goto('https://mail.google.com/mail/u/0/?hl=fr#inbox')),
  async newMessage(page) {
    const before = await page.locator('[data-sim-compose]').count();
    await page.locator('[data-sim="compose"]').click();
    await expect.poll(() => page.locator('[data-sim-compose]').count()).toBe(before + 1);
    const id = (await page.locator('[data-sim-compose]').last().getAttribute('data-sim-compose'))!;
    const root = page.locator(`[data-sim-compose="${id}"]`);
    await expect.poll(() => modelesButton(root).count()).toBe(1);
    return { root, body: page.locator(`#${id}-body`), subject: root.locator('input[name="subjectbox"]') };
  },
};

const OUTLOOK: Mailbox = {
  open: async (page) => void (await page.goto('https://outlook.office.com/mail/inbox?hl=fr')),
  async newMessage(page) {
    await page.getByRole('button', { name: 'Nouveau message' }).click();
    const id = (await page.locator('[data-sim-compose]').last().getAttribute('data-sim-compose'))!;
    const root = page.locator(`[data-sim-compose="${id}"]`);
    await expect.poll(() => modelesButton(root).count()).toBe(1);
    return { root, body: page.locator(`#${id}-body`), subject: page.locator(`#MSG_${id}_SUBJECT input`) };
  },
};

/** Selects `word` in a text field of the palette, as a mouse drag would. */
async function select(field: Locator, word: string): Promise<void> {
  await field.evaluate((el, w) => {
    const input = el as HTMLTextAreaElement;
    const at = input.value.indexOf(w);
    if (at < 0) throw new Error(`no « ${w} » in the field`);
    input.focus();
    input.setSelectionRange(at, at + w.length);
  }, word);
}

/** « Transformer en champ » on the selected word: a new field with this label, every occurrence. */
async function turnIntoField(page: Page, label: string): Promise<void> {
  await palette(page).getByRole('group', { name: 'Champs' }).getByRole('button', { name: 'Transformer en champ' }).click();
  const ofThisTemplate = 'un nouveau champ, propre à ce modèle';
  await palette(page).getByLabel('Ce texte est').selectOption({ label: ofThisTemplate });
  await palette(page).getByLabel('Libellé du champ (ce que le formulaire demandera)').fill(label);
  // Entrée applies, as the button does.
  await page.keyboard.press('Enter');
  await expect.poll(() => palette(page).locator('.field-message').innerText()).toContain(`le champ « ${label} »`);
}

/** The whole round trip in one mailbox, saving the template under `NAME`. */
async function roundTrip(mailbox: Mailbox, NAME: string): Promise<void> {
  const page = await b.context.newPage();
  await mailbox.open(page);

  // 1. A good e-mail, written once.
  const draft = await mailbox.newMessage(page);
  await draft.subject.fill(SUBJECT);
  await draft.body.click();
  await page.keyboard.press('Control+Home');
  for (const [i, line] of LINES.entries()) {
    if (i) await page.keyboard.press('Enter');
    if (line) await page.keyboard.type(line);
  }

  // 2. Saved as a template from the palette: the form holds the subject and the text, without the signature.
  await modelesButton(draft.root).click();
  await palette(page).getByRole('button', { name: 'Enregistrer ce brouillon comme modèle' }).click();
  const name = palette(page).getByLabel('Nom du modèle');
  await expect.poll(() => name.inputValue()).toBe(SUBJECT);
  const body = palette(page).getByLabel('Corps du message');
  const written = await body.inputValue();
  expect(written).toBe(['{{bonjour}},', ...LINES.slice(1)].join('\n'));
  expect(written).not.toMatch(/Claire Martin|--/);

  // 3. Its specifics become fields: no syntax typed.
  await select(body, 'Durand Équipement');
  await turnIntoField(page, 'Société cliente');
  await select(body, 'DV-2026-118');
  await turnIntoField(page, 'N° du devis');
  await expect.poll(() => body.inputValue()).toContain('au sujet du devis {{n_du_devis}} envoyé à {{societe_cliente}} le mois');
  expect(await body.inputValue()).toContain('Sans réponse de {{societe_cliente}} avant');
  expect(await palette(page).getByLabel('Objet').inputValue()).toBe('Relance du devis {{n_du_devis}}');
  await name.fill(NAME);
  await palette(page).getByLabel('Mots-clés de recherche (séparés par des virgules)').fill('relance devis, devis sans réponse');
  await palette(page).getByRole('button', { name: 'Enregistrer le modèle' }).click();
  await expect.poll(() => palette(page).getByRole('status').first().innerText()).toContain(`« ${NAME} » est dans Mes modèles.`);
  expect(await palette(page).getByRole('status').first().innerText()).toContain('Il est aussi copié sur vos autres ordinateurs connectés au même compte de navigateur.');
  await palette(page).getByRole('button', { name: 'Fermer' }).click();
  await expect.poll(() => palette(page).count()).toBe(0);

  // 4. Found in the palette of a new message, inserted with its fields filled.
  const next = await mailbox.newMessage(page);
  await modelesButton(next.root).click();
  await search(page).fill('devis sans reponse');
  const option = palette(page).getByRole('option').filter({ hasText: NAME }).first();
  await expect.poll(() => option.count()).toBe(1);
  expect(await option.innerText()).toContain('Mes modèles');
  await option.click();
  await insertButton(page).waitFor();
  await fill(page, { "Formule d'appel": 'Monsieur', 'Nom du destinataire': 'Lefèvre', 'Société cliente': 'Lefèvre SA', 'N° du devis': 'DV-2027-004' });
  await insertButton(page).click();
  await expect.poll(() => palette(page).count()).toBe(0);
  const inserted = text(await next.body.innerText());
  expect(inserted).toContain('Bonjour Monsieur Lefèvre,\n\nNous revenons vers vous au sujet du devis DV-2027-004 envoyé à Lefèvre SA le mois dernier.');
  expect(inserted).toContain('Sans réponse de Lefèvre SA avant la fin du mois');
  expect(inserted).not.toContain('Durand');
  expect(await next.subject.inputValue()).toBe('Relance du devis DV-2027-004');
  await page.close();
}

/** What chrome.storage.sync holds in a profile: what the browser's sync carries to the other computers. */
const syncItems = (browser: Browser) => browser.worker.evaluate(() => chrome.storage.sync.get(null)) as Promise<Record<string, unknown>>;

declare const chrome: {
  storage: {
    sync: { get(k: null): Promise<unknown>; set(items: object): Promise<void>; remove(k: string): Promise<void>; getBytesInUse(k: string | null): Promise<number>; QUOTA_BYTES_PER_ITEM: number; QUOTA_BYTES: number };
    local: { get(k: string): Promise<Record<string, unknown>> };
  };
};

describe('« Mes modèles » from a draft', () => {
  it('Gmail: a draft saved as a template, a word turned into a field, found and inserted in a new message', async () => {
    await roundTrip(GMAIL, NAMES.gmail);
    // Synced: the template is in the browser's sync storage, nothing else of the mail is.
    await expect.poll(async () => Object.keys(await syncItems(b)).filter((k) => k.startsWith('mm.t.'))).toHaveLength(1);
    const items = await syncItems(b);
    expect(JSON.stringify(items)).not.toContain('Durand');
    // Chromium counts each item exactly as the sync layer plans it (key + JSON), under its quotas.
    for (const [key, value] of Object.entries(items)) expect(await b.worker.evaluate((k) => chrome.storage.sync.getBytesInUse(k), key)).toBe(itemBytes(key, value));
    expect(await b.worker.evaluate(() => [chrome.storage.sync.QUOTA_BYTES, chrome.storage.sync.QUOTA_BYTES_PER_ITEM])).toEqual([SYNC_QUOTA.bytes, SYNC_QUOTA.bytesPerItem]);
    const refused = await b.worker.evaluate(async (n) => {
      const key = 'mm.essai';
      await chrome.storage.sync.set({ [key]: 'x'.repeat(n) }); // exactly the per-item quota: accepted
      const error = await chrome.storage.sync.set({ [key]: 'x'.repeat(n + 1) }).then(() => '', (e: Error) => e.message);
      await chrome.storage.sync.remove(key);
      return error;
    }, SYNC_QUOTA.bytesPerItem - 'mm.essai'.length - 2);
    expect(refused).toMatch(/quota/i);
  });

  it('Outlook (roosterjs): the same, from its compose window', async () => {
    await roundTrip(OUTLOOK, NAMES.outlook);
    await expect.poll(async () => Object.keys(await syncItems(b)).filter((k) => k.startsWith('mm.t.'))).toHaveLength(2);
  });

  it('« Continuer dans l’éditeur complet » opens the settings page’s editor with the form as it was', async () => {
    const page = await b.context.newPage();
    await GMAIL.open(page);
    const draft = await GMAIL.newMessage(page);
    await draft.subject.fill('Accusé de réception de votre commande');
    await draft.body.click();
    await page.keyboard.press('Control+Home');
    await page.keyboard.type('Nous avons bien reçu votre commande CM-5521.');
    await modelesButton(draft.root).click();
    await palette(page).getByRole('button', { name: 'Enregistrer ce brouillon comme modèle' }).click();
    await palette(page).getByLabel('Mots-clés de recherche (séparés par des virgules)').fill('accusé réception commande');
    const [editor] = await Promise.all([b.context.waitForEvent('page'), palette(page).getByRole('button', { name: 'Continuer dans l’éditeur complet' }).click()]);
    await expect.poll(() => palette(page).count()).toBe(0);
    await editor.getByRole('heading', { name: 'Nouveau modèle' }).waitFor();
    expect(await editor.getByLabel('Titre (la situation)').inputValue()).toBe('Accusé de réception de votre commande');
    expect(await editor.getByLabel('Mots-clés de recherche (séparés par des virgules)').inputValue()).toBe('accusé réception commande');
    expect(await editor.getByLabel('Corps du message').inputValue()).toBe('Nous avons bien reçu votre commande CM-5521.');
    await editor.close();
    await page.close();
  });

  it('on the other computer: the synced items bring the templates into its palette, and its settings say so', async () => {
    const other = await launch();
    try {
      await serveGmail(other.context);
      // What the browser's sync does between two computers signed in to the same account.
      const items = await syncItems(b);
      await other.worker.evaluate((i) => chrome.storage.sync.set(i), items);
      await expect
        .poll(async () => ((await other.worker.evaluate(() => chrome.storage.local.get('personal'))).personal as { templates?: unknown[] } | undefined)?.templates?.length ?? 0, { timeout: 15_000 })
        .toBe(2);

      const page = await other.context.newPage();
      await GMAIL.open(page);
      const compose = await GMAIL.newMessage(page);
      await modelesButton(compose.root).click();
      await search(page).fill('devis sans réponse');
      for (const name of Object.values(NAMES)) await expect.poll(() => palette(page).getByRole('option').filter({ hasText: name }).count()).toBe(1);
      await page.close();

      const settings = await other.context.newPage();
      await settings.goto(`chrome-extension://${other.extensionId}/options.html`);
      await expect.poll(() => settings.locator('[data-sync-state]').getAttribute('data-sync-state'), { timeout: 10_000 }).toBe('ok');
      expect(await settings.locator('[data-sync-state]').innerText()).toMatch(/^2 modèles synchronisés sur 2 \(\d+ Ko utilisés? sur 100 Ko\)\. Dernière synchronisation : aujourd’hui à/);
    } finally {
      await other.close();
    }
  });
});
