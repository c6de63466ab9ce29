/**
 * « Mes modèles » in Firefox (issue 20): a draft saved as a template from the
 * palette, a word turned into a field, the template found in a new message and
 * inserted with the field filled — through Firefox's own storage, messaging and
 * CompressionStream (the sync pass runs in its background). The Chrome suite
 * (test/e2e/personal.e2e.ts) covers Outlook and the second profile.
 */
import { describe, expect, it } from 'vitest';
import { text } from '../palette';
import { firefoxForFile } from './setup';
import { chord, closed, fill, find, modelesButton, paletteButton, pick, valueOf, waitFind } from './user';

const ff = firefoxForFile();
// A name no built-in letter has: names are unique in the library, and a personal template should be found as itself.
const NAME = 'Mon devis resté sans réponse — relance maison';

describe('« Mes modèles » in Firefox', () => {
  it('Gmail: a draft saved as a template, a word turned into a field, found and inserted in a new message', async () => {
    const page = await ff.newPage();
    await page.goto('https://mail.google.com/mail/u/0/?hl=fr#inbox');
    const openCompose = async () => {
      const before = (await page.$$('[data-sim-compose]')).length;
      await page.click('[data-sim="compose"]');
      await expect.poll(async () => (await page.$$('[data-sim-compose]')).length).toBe(before + 1);
      return (await page.$$eval('[data-sim-compose]', (els) => els.at(-1)!.getAttribute('data-sim-compose')))!;
    };
    const id = await openCompose();
    await page.type(`[data-sim-compose="${id}"] input[name="subjectbox"]`, 'Relance du devis DV-2026-118');
    await page.click(`#${id}-body`);
    await chord(page, ['Control', 'Home']);
    await page.keyboard.type('Bonjour Madame Durand,');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Votre devis envoyé à Durand Équipement attend toujours la réponse de Durand Équipement.');

    await (await modelesButton(page, `[data-sim-compose="${id}"]`)).click();
    await (await paletteButton(page, 'Enregistrer ce brouillon comme modèle')).click();
    await expect.poll(() => valueOf(page, 'Nom du modèle')).toBe('Relance du devis DV-2026-118');
    const body = await waitFind(page, '.palette textarea');
    await body.evaluate((el) => {
      const t = el as HTMLTextAreaElement;
      const at = t.value.indexOf('Durand Équipement');
      t.focus();
      t.setSelectionRange(at, at + 'Durand Équipement'.length);
    });
    await (await paletteButton(page, 'Transformer en champ')).click();
    await fill(page, { 'Ce texte est': 'un nouveau champ, propre à ce modèle', 'Libellé du champ (ce que le formulaire demandera)': 'Société cliente' });
    await page.keyboard.press('Enter');
    await expect.poll(() => body.evaluate((el) => (el as HTMLTextAreaElement).value)).toBe('{{bonjour}},\n\nVotre devis envoyé à {{societe_cliente}} attend toujours la réponse de {{societe_cliente}}.');
    await fill(page, { 'Nom du modèle': NAME });
    await (await paletteButton(page, 'Enregistrer le modèle')).click();
    await waitFind(page, '.palette p', { text: `« ${NAME} » est dans Mes modèles.` });
    await (await paletteButton(page, 'Fermer')).click();
    await closed(page);

    const next = await openCompose();
    await (await modelesButton(page, `[data-sim-compose="${next}"]`)).click();
    await pick(page, 'devis sans reponse', NAME);
    await fill(page, { "Formule d'appel": 'Monsieur', 'Nom du destinataire': 'Lefèvre', 'Société cliente': 'Lefèvre SA' });
    await (await paletteButton(page, 'Insérer')).click();
    await closed(page);
    const inserted = text(await page.$eval(`#${next}-body`, (el) => (el as HTMLElement).innerText));
    expect(inserted).toContain('Bonjour Monsieur Lefèvre,\n\nVotre devis envoyé à Lefèvre SA attend toujours la réponse de Lefèvre SA.');
    expect(await find(page, '.palette')).toBeNull();
    await page.close();
  });
});
