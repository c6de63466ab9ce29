import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { getRecent, getRemembered, getSenderBlockSetting, markUsed, RECENT_LIMIT, remember, rememberedFor, rememberedValues, senderBlockSetting } from '../../lib/storage';

const EMPTY = { pro: {}, perso: {}, commun: {} };

describe('storage', () => {
  beforeEach(() => fakeBrowser.reset());

  it('remembers the sender values, and forgets a value the user cleared', async () => {
    await remember({ expediteur_nom: 'Claire Martin', expediteur_telephone: '01 23 45 67 89' }, 'pro');
    await remember({ expediteur_telephone: '' }, 'pro');
    expect(rememberedFor(await getRemembered(), 'pro')).toEqual({ expediteur_nom: 'Claire Martin' });
  });

  it('keeps a professional and a personal profile: filling one never overwrites the other; how one signs is shared', async () => {
    await remember({ expediteur_nom: 'Claire Martin', expediteur_societe: 'Martin & Fils SARL', expediteur_genre: 'madame' }, 'pro');
    await remember({ expediteur_nom: 'Claire Durand-Martin', expediteur_adresse: '12 rue des Lilas\n69003 Lyon' }, 'perso');
    const all = await getRemembered();
    expect(rememberedFor(all, 'pro')).toEqual({ expediteur_nom: 'Claire Martin', expediteur_societe: 'Martin & Fils SARL', expediteur_genre: 'madame' });
    expect(rememberedFor(all, 'perso')).toEqual({ expediteur_nom: 'Claire Durand-Martin', expediteur_adresse: '12 rue des Lilas\n69003 Lyon', expediteur_genre: 'madame' });
  });

  it('migrates the flat record of version 1 into the professional profile', async () => {
    // What version 0.1 left in storage (no version metadata: version 1); the migration runs as on an update.
    await fakeBrowser.storage.local.set({ rememberedValues: { expediteur_nom: 'Claire Martin', taux_penalites: '12,15' } });
    await rememberedValues.migrate();
    expect(await getRemembered()).toEqual({ pro: { expediteur_nom: 'Claire Martin', taux_penalites: '12,15' }, perso: {}, commun: {} });
  });

  it('keeps the recent templates newest first, without repeats, up to the limit', async () => {
    for (const id of ['a', 'b', 'a', ...Array.from({ length: RECENT_LIMIT }, (_, i) => `t${i}`), 'a']) await markUsed(id);
    const recent = await getRecent();
    expect(recent[0]).toBe('a');
    expect(recent).toHaveLength(RECENT_LIMIT);
    expect(new Set(recent).size).toBe(recent.length);
  });

  it('recovers from corrupted stored data instead of throwing', async () => {
    await fakeBrowser.storage.local.set({ rememberedValues: 'n’importe quoi', recentTemplates: { x: 1 } });
    expect(await getRemembered()).toEqual(EMPTY);
    expect(await getRecent()).toEqual([]);
    await fakeBrowser.storage.local.set({ rememberedValues: { pro: { a: 1 }, perso: 'x' }, rememberedValues$: { v: 2 }, recentTemplates: ['ok', 3] });
    expect(await getRemembered()).toEqual(EMPTY);
    expect(await getRecent()).toEqual(['ok']);
  });

  it('reads the sender block setting, « s’il n’y a pas de signature » by default and for anything unknown', async () => {
    expect(await getSenderBlockSetting()).toBe('sans-signature');
    await senderBlockSetting.setValue('toujours');
    expect(await getSenderBlockSetting()).toBe('toujours');
    await fakeBrowser.storage.local.set({ senderBlock: 'n’importe quoi' });
    expect(await getSenderBlockSetting()).toBe('sans-signature');
  });
});
