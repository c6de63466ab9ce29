import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { getRecent, getRemembered, markUsed, RECENT_LIMIT, remember } from '../../lib/storage';

describe('storage', () => {
  beforeEach(() => fakeBrowser.reset());

  it('remembers the sender values, and forgets a value the user cleared', async () => {
    await remember({ expediteur_nom: 'Claire Martin', expediteur_telephone: '01 23 45 67 89' });
    await remember({ expediteur_telephone: '' });
    expect(await getRemembered()).toEqual({ expediteur_nom: 'Claire Martin' });
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
    expect(await getRemembered()).toEqual({});
    expect(await getRecent()).toEqual([]);
    await fakeBrowser.storage.local.set({ rememberedValues: { a: 1 }, recentTemplates: ['ok', 3] });
    expect(await getRemembered()).toEqual({});
    expect(await getRecent()).toEqual(['ok']);
  });
});
