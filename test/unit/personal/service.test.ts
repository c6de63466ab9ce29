import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { installedPacks, loadPacks, PERSONAL_PACK_ID } from '../../../lib/packs/store';
import { readPack, type Pack } from '../../../lib/packs/validate';
import { headKey } from '../../../lib/personal/codec';
import { personalEntry, personalItem, personalQuarantine, readPersonal, syncStatusItem } from '../../../lib/personal/local';
import { createService } from '../../../lib/personal/service';
import { asText, examplePack } from '../packs/fixtures';
import { FakeSyncArea } from './fake-sync';

const pack = (): Pack => readPack(asText(examplePack())).pack!;
const now = () => new Date(Date.UTC(2026, 2, 12, 9, 0));

describe('the background’s « Mes modèles »', () => {
  beforeEach(() => fakeBrowser.reset());

  it('saves, syncs and says how the sync went; deletes everywhere', async () => {
    const area = new FakeSyncArea();
    const service = createService({ area, now });
    const template = { ...pack().templates[0]!, id: 'ma-relance', title: 'Ma relance de facture à moi' };
    // As the settings page's editor sends it: compiled, with where it was compiled from.
    await service.handle({ type: 'personal-save-template', template: { ...template, source: { file: 'mes-modeles/ma-relance', bodyLine: 1 } } });
    const status = await service.sync();
    expect(status).toMatchObject({ state: 'ok', synced: 1, localOnly: [] });
    expect(area.items.has(headKey('ma-relance'))).toBe(true);
    expect((await syncStatusItem.getValue())?.state).toBe('ok');
    const { data } = await readPersonal();
    expect(personalEntry(data).pack.templates.map((t) => t.id)).toEqual(['ma-relance']);

    await service.handle({ type: 'personal-delete', id: 'ma-relance' });
    await service.sync();
    expect((await readPersonal()).data.templates).toEqual([]);
    expect(JSON.parse(area.items.get(headKey('ma-relance'))!)).toMatchObject({ x: 1 });
  });

  it('refuses a template that does not read, with a French reason, and keeps the others', async () => {
    const service = createService({ area: new FakeSyncArea(), now });
    await expect(service.handle({ type: 'personal-save-template', template: { ...pack().templates[0]!, body: 'Bonjour {{{html}}}' } })).rejects.toThrow(/ne peut pas être enregistré/);
    const reply = await service.handle({ type: 'personal-import', templates: [pack().templates[0]!, { id: 'x' } as never], choices: ['both', 'both'] });
    expect(reply).toMatchObject({ added: [pack().templates[0]!.title], refused: [expect.stringMatching(/modèle illisible/)] });
  });

  it('moves the templates « Mes modèles » had as a pack into their own storage, once, without losing any', async () => {
    const legacy = { ...pack(), id: PERSONAL_PACK_ID, name: 'Mes modèles' };
    await installedPacks.setValue([{ pack: legacy, origin: { kind: 'personal' }, enabled: true, installedAt: '', updatedAt: '' }, { pack: pack(), origin: { kind: 'file' }, enabled: true, installedAt: '', updatedAt: '' }]);
    expect((await readPersonal()).data.templates).toHaveLength(2); // readable before the move
    await createService({ area: new FakeSyncArea(), now }).sync();
    expect((await readPersonal()).data.templates.map((t) => t.id)).toEqual(legacy.templates.map((t) => t.id));
    expect((await loadPacks()).packs.map((p) => p.pack.id)).toEqual(['comptabilite-acme']);
  });

  it('sets a damaged stored template aside and tells the user', async () => {
    const good = pack().templates[0]!;
    await personalItem.setValue({ version: 1, device: 'aaaa', enabled: true, syncEnabled: true, templates: [good, { id: 'abime', title: 42 }], meta: {}, deleted: {}, pending: {} });
    const loaded = await readPersonal();
    expect(loaded.problems[0]).toMatch(/Un de vos modèles était illisible/);
    expect(loaded.data.templates.map((t) => t.id)).toEqual([good.id]);
    await createService({ area: new FakeSyncArea(), now }).sync();
    expect(await personalQuarantine.getValue()).toHaveLength(1);
  });

  it('does not sync when the user turned it off', async () => {
    const area = new FakeSyncArea();
    const service = createService({ area, now });
    await service.handle({ type: 'personal-settings', syncEnabled: false });
    await service.handle({ type: 'personal-save-template', template: pack().templates[0]! });
    expect((await service.sync()).state).toBe('off');
    expect(area.items.size).toBe(0);
  });
});
