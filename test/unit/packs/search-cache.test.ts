import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { KEEP_AT_MOST, keep, outdate, readKept } from '../../../lib/packs/search-cache';
import { searchLibrary } from '../../../lib/packs/search-library';
import type { LibraryTemplate } from '../../../lib/packs/library';

const template = { id: 'relance', uid: 'p/relance', packId: 'p', packName: 'Pack', title: 'Vous relancez un client.', aliases: [], keywords: ['relance'], tags: [], category: 'paiements', audience: 'tous' } as unknown as LibraryTemplate;
const prepared = searchLibrary({ templates: [template], defaults: {} });

describe('the search library kept across the background’s restarts', () => {
  beforeEach(() => fakeBrowser.reset());

  it('gives back what was kept, as prepared', async () => {
    expect(await readKept()).toEqual({ generation: 0, library: null });
    await keep(0, prepared);
    expect((await readKept()).library).toEqual(prepared);
  });

  it('forgets it when what the library is made of changes', async () => {
    await keep(0, prepared);
    await outdate();
    expect(await readKept()).toEqual({ generation: 1, library: null });
  });

  it('ignores a copy prepared before a change and kept after it', async () => {
    const { generation } = await readKept();
    await outdate();
    await keep(generation, prepared);
    expect((await readKept()).library).toBeNull();
  });

  it('does not keep a library so big that reading it back would cost more than preparing it', async () => {
    await keep(0, { ...prepared, entries: Array.from({ length: KEEP_AT_MOST + 1 }, () => prepared.entries[0]!) });
    expect((await readKept()).library).toBeNull();
  });

  it('prepares again rather than send a copy that does not hold together', async () => {
    await keep(0, { ...prepared, index: { ...prepared.index, docs: 2 } });
    expect((await readKept()).library).toBeNull();
  });
});
