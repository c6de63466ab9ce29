import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { assembleLibrary } from '../../../lib/packs/library';
import {
  BUILTIN_PACK_ID,
  installPack,
  loadPacks,
  PERSONAL_PACK_ID,
  removePack,
  setEnabled,
  builtinEnabled,
  takePackProblems,
} from '../../../lib/packs/store';
import { applyPolicy } from '../../../lib/packs/subscribe';
import { readPack, type Pack } from '../../../lib/packs/validate';
import { getRecent, recentTemplates } from '../../../lib/storage';
import { asText, examplePack } from './fixtures';

const entry = (p: Pack, enabled = true) => ({ pack: p, origin: { kind: 'file' as const }, enabled, installedAt: '', updatedAt: '' });
const pack = (patch: Parameters<typeof examplePack>[0] = {}): Pack => readPack(asText(examplePack(patch))).pack!;

describe('installed packs', () => {
  beforeEach(() => fakeBrowser.reset());

  it('keeps what it set aside for the settings page, whoever read the packs first, and says it once', async () => {
    await fakeBrowser.storage.local.set({ packs: [entry(pack()), { pack: { id: 'abime' } }] });
    // The background reads first, when storage changes: it sets the damaged entry aside.
    expect((await loadPacks()).problems).toHaveLength(1);
    // The settings page reads next: nothing left to set aside, but the user is still told.
    expect((await loadPacks()).problems).toEqual([]);
    expect(await takePackProblems()).toEqual([expect.stringMatching(/^Un pack enregistré était illisible/)]);
    expect(await takePackProblems()).toEqual([]);
  });

  it('refuses the reserved ids, and a file over a subscribed pack', async () => {
    await expect(installPack(pack({ id: BUILTIN_PACK_ID }), { kind: 'file' })).rejects.toThrow(/réservé/);
    await expect(installPack(pack({ id: PERSONAL_PACK_ID }), { kind: 'file' })).rejects.toThrow(/réservé/);
    await installPack(pack(), { kind: 'url', url: 'https://exemple.fr/p.json' });
    await expect(installPack(pack({ version: '2.0.0' }), { kind: 'file' })).rejects.toThrow(/déjà installé par abonnement/);
    expect((await loadPacks()).packs[0]?.pack.version).toBe('1.0.0');
  });

  it('enables, disables and removes; a policy pack cannot be removed', async () => {
    await installPack(pack(), { kind: 'file', fileName: 'compta.json' });
    await setEnabled('comptabilite-acme', false);
    expect((await loadPacks()).packs[0]?.enabled).toBe(false);
    await setEnabled(BUILTIN_PACK_ID, false);
    expect(await builtinEnabled.getValue()).toBe(false);
    await removePack('comptabilite-acme');
    expect((await loadPacks()).packs).toEqual([]);

    await applyPolicy(['https://exemple.fr/p.json'], async () => new Response(asText(examplePack())));
    await expect(removePack('comptabilite-acme')).rejects.toThrow(/service informatique/);
    expect((await loadPacks()).packs).toHaveLength(1);
  });
});

describe('the library the palette searches', () => {
  it('puts personal templates first, leaves disabled packs out, and keeps each pack’s defaults', () => {
    const team = pack();
    const mine: Pack = { ...pack({ id: PERSONAL_PACK_ID, name: 'Mes modèles' }), defaults: {} };
    const off: Pack = { ...pack({ id: 'eteint', name: 'Éteint' }) };
    const builtin: Pack = { ...pack({ id: 'whatever', name: 'Intégrée' }), defaults: {} };
    const lib = assembleLibrary(builtin, true, [entry(team), entry(off, false), entry(mine)]);
    expect(lib.templates[0]?.uid.startsWith(`${PERSONAL_PACK_ID}/`)).toBe(true);
    expect(lib.templates.some((t) => t.packId === 'eteint')).toBe(false);
    expect(lib.templates.filter((t) => t.packId === BUILTIN_PACK_ID)).toHaveLength(2);
    expect(lib.defaults['comptabilite-acme']?.expediteur_societe).toBe('ACME Distribution');
    expect(assembleLibrary(builtin, false, []).templates).toEqual([]);
  });
});

describe('recent templates from before packs', () => {
  beforeEach(() => fakeBrowser.reset());

  it('are migrated to pack-qualified ids', async () => {
    // What version 0.0.x left in storage (no version metadata: version 1); the migration runs as on an update.
    await fakeBrowser.storage.local.set({ recentTemplates: ['relance-ton-ferme', 'mes-modeles/x', 3] });
    await recentTemplates.migrate();
    expect(await getRecent()).toEqual(['modeles-base/relance-ton-ferme', 'mes-modeles/x']);
  });
});
