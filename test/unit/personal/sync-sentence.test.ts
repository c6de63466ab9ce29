import { describe, expect, it } from 'vitest';
import { syncSentence } from '../../../components/personal/SyncPanel';
import type { SyncStatus } from '../../../lib/personal/local';

const base: SyncStatus = { state: 'ok', at: '2026-03-12T09:00:00.000Z', okAt: '2026-03-12T09:00:00.000Z', synced: 12, localOnly: [], bytes: 14_000, quota: 102_400, notes: [] };

describe('what the settings page says of the sync', () => {
  it('says how many templates are synced and the room used', () => {
    expect(syncSentence(base, 12).text).toMatch(/^12 modèles synchronisés sur 12 \(14 Ko utilisés sur 100 Ko\)\. Dernière synchronisation : le 12 mars 2026 à \d+ h 00\.$/);
    expect(syncSentence({ ...base, synced: 1, bytes: 900 }, 1).text).toMatch(/^1 modèle synchronisé sur 1 \(1 Ko utilisé sur 100 Ko\)/);
  });

  it('says in French, as a warning, which templates stay on this computer when sync storage is full', () => {
    const full = syncSentence({ ...base, state: 'full', synced: 40, localOnly: ['Relance devis', 'Accusé de réception'], bytes: 100_300 }, 42);
    expect(full.warn).toBe(true);
    expect(full.text).toBe(
      'L’espace de synchronisation du navigateur est plein (98 Ko utilisés sur 100 Ko) : 2 modèles ne sont enregistrés que sur cet ordinateur (« Relance devis », « Accusé de réception »). Ils restent utilisables ici ; supprimez ou raccourcissez d’autres modèles pour faire de la place.',
    );
    expect(syncSentence({ ...base, state: 'busy' }, 1).text).toMatch(/reprendra d’elle-même/);
    expect(syncSentence({ ...base, state: 'unavailable' }, 1).text).toMatch(/n’est pas disponible/);
    expect(syncSentence({ ...base, state: 'off' }, 1).text).toMatch(/^Synchronisation désactivée/);
    expect(syncSentence(null, 1).text).toMatch(/pas encore été synchronisés/);
  });
});
