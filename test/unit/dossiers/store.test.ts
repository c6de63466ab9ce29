import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DOSSIER_FORMAT } from '../../../lib/dossiers/model';
import {
  clearSetAside,
  dossierSettings,
  dossiersItem,
  dossiersQuarantine,
  expiresOn,
  getSettings,
  loadDossiers,
  markPaid,
  migrateEntry,
  purgeExpired,
  reopen,
  saveDossiers,
  saveSettings,
  setTracking,
  toStored,
  updateDossier,
} from '../../../lib/dossiers/store';
import { dossier, step } from './fixtures';

const at = (iso: string) => new Date(`${iso}T10:00:00`);

describe('reading stored dossiers', () => {
  beforeEach(() => fakeBrowser.reset());

  it('reads back what it wrote, tagged with its format', async () => {
    const d = dossier({ steps: [step('2026-11-05', 1, 'a', { deadline: '2026-11-13', registered: { number: '' }, printed: true })] });
    await saveDossiers([d]);
    expect(await dossiersItem.getValue()).toEqual([{ format: DOSSIER_FORMAT, ...d }]);
    expect((await loadDossiers(at('2026-11-20'))).dossiers).toEqual([d]);
  });

  it('sets a damaged entry aside with a French message, keeps the others, and the list still reads', async () => {
    const good = dossier();
    await dossiersItem.setValue([
      toStored(good),
      { ...toStored(dossier({ id: 'd2' })), amount: 'mille euros' },
      { ...toStored(dossier({ id: 'd3' })), steps: [{ date: '31/02/2026', rank: 1 }] },
      'du texte',
    ]);
    const { dossiers, problems, setAside } = await loadDossiers(at('2026-11-20'));
    expect(dossiers).toEqual([good]);
    expect(setAside).toBe(3);
    expect(problems).toEqual(['3 dossiers de relance enregistrés étaient illisibles (données abîmées) : ils ont été mis de côté. Les autres dossiers sont intacts.']);
    // Set aside untouched, written back without them: the next read says nothing more.
    const aside = (await dossiersQuarantine.getValue()) as { raw: unknown; reason: string }[];
    expect(aside.map((a) => a.reason)).toEqual(['illisible', 'illisible', 'illisible']);
    expect(aside[2]!.raw).toBe('du texte');
    expect((await loadDossiers(at('2026-11-20'))).problems).toEqual([]);
    await clearSetAside();
    expect((await loadDossiers(at('2026-11-20'))).setAside).toBe(0);
  });

  it('sets aside a whole list that is not a list', async () => {
    await dossiersItem.setValue({ oops: true });
    const { dossiers, problems } = await loadDossiers(at('2026-11-20'));
    expect(dossiers).toEqual([]);
    expect(problems[0]).toMatch(/^La liste des relances en cours était illisible/);
    expect(await dossiersItem.getValue()).toEqual([]);
  });

  it('damaged settings read as the defaults', async () => {
    await dossierSettings.setValue('oui');
    expect(await getSettings()).toEqual({ tracking: true, retentionMonths: 12 });
    await dossierSettings.setValue({ tracking: false, retentionMonths: 7 });
    expect(await getSettings()).toEqual({ tracking: false, retentionMonths: 12 });
  });
});

describe('formats and migration', () => {
  beforeEach(() => fakeBrowser.reset());

  it('an entry written by a newer Modèles is set aside untouched, not misread nor lost', async () => {
    const future = { ...toStored(dossier({ id: 'futur' })), format: DOSSIER_FORMAT + 1, relanceAuto: true };
    await dossiersItem.setValue([toStored(dossier()), future]);
    const { dossiers, problems } = await loadDossiers(at('2026-11-20'));
    expect(dossiers.map((d) => d.id)).toEqual(['d1']);
    expect(problems).toEqual(['Un dossier de relance a été enregistré par une version plus récente de Modèles : il a été mis de côté, sans être modifié. Les autres dossiers sont intacts.']);
    expect(await dossiersQuarantine.getValue()).toEqual([{ at: '2026-11-20', reason: 'version', raw: future }]);
  });

  it('an entry without a format, or of a format no migration leads from, does not read', () => {
    const { format: _f, ...bare } = toStored(dossier());
    expect(migrateEntry(bare)).toBeNull();
    expect(migrateEntry({ ...bare, format: 0 })).toBeNull();
    expect(migrateEntry(toStored(dossier()))).toEqual(dossier());
  });

  it('an older format is brought up to date, step by step, by the migrations', () => {
    // The migration chain as a later format will use it: format 1 → 2 → 3.
    const v1 = { ...toStored(dossier()), format: 1, montant: '1 250,00' };
    const migrations = {
      2: (e: Record<string, unknown>) => ({ ...e, format: 2, amount: Number(String(e.montant).replace(/\s/g, '').replace(',', '.')) }),
      3: (e: Record<string, unknown>) => ({ ...e, format: 3, invoice: String(e.invoice).toUpperCase() }),
    };
    expect(migrateEntry({ ...v1, invoice: 'fa-2026-0142' }, migrations, 3)).toMatchObject({ amount: 1250, invoice: 'FA-2026-0142' });
    expect(migrateEntry(v1, { 2: migrations[2] }, 3)).toBeNull();
    expect(migrateEntry(v1, { 2: () => { throw new Error('boom'); } }, 2)).toBeNull();
  });
});

describe('expiry and privacy', () => {
  beforeEach(() => fakeBrowser.reset());

  it('deletes a closed dossier once the retention period is over, never an open one', async () => {
    const paid = markPaid(dossier({ id: 'paid' }), '2025-11-20');
    const open = dossier({ id: 'open', createdAt: '2024-01-01T00:00:00.000Z', steps: [step('2024-01-05', 1)] });
    await saveDossiers([paid, open]);
    expect(expiresOn(paid, await getSettings())).toBe('2026-11-20');
    expect((await loadDossiers(at('2026-11-19'))).dossiers.map((d) => d.id)).toEqual(['paid', 'open']);
    await purgeExpired(at('2026-11-20'));
    expect(((await dossiersItem.getValue()) as { id: string }[]).map((d) => d.id)).toEqual(['open']);
  });

  it('follows the period the user chose, and deletes set-aside entries after it too', async () => {
    await saveSettings({ tracking: true, retentionMonths: 3 });
    await saveDossiers([markPaid(dossier(), '2026-08-01')]);
    await dossiersQuarantine.setValue([{ at: '2026-08-01', reason: 'illisible', raw: 1 }, { at: '2026-10-01', reason: 'illisible', raw: 2 }]);
    const { dossiers, setAside } = await loadDossiers(at('2026-11-02'));
    expect(dossiers).toEqual([]);
    expect(setAside).toBe(1);
  });

  it('one switch turns tracking off and deletes everything kept', async () => {
    await saveDossiers([dossier()]);
    await dossiersQuarantine.setValue([{ at: '2026-11-01', reason: 'illisible', raw: 1 }]);
    await setTracking(false);
    expect(await dossiersItem.getValue()).toEqual([]);
    expect(await dossiersQuarantine.getValue()).toEqual([]);
    expect((await getSettings()).tracking).toBe(false);
  });

  it('marks paid, reopens, and corrects a dossier', async () => {
    await saveDossiers([dossier()]);
    await updateDossier('d1', (d) => markPaid(d, '2026-11-20'), at('2026-11-20'));
    expect((await loadDossiers(at('2026-11-20'))).dossiers[0]).toMatchObject({ status: 'paye', paidOn: '2026-11-20', closedOn: '2026-11-20' });
    await updateDossier('d1', (d) => ({ ...reopen(d), amount: 1300 }), at('2026-11-21'));
    const d = (await loadDossiers(at('2026-11-21'))).dossiers[0]!;
    expect(d).toMatchObject({ status: 'ouvert', amount: 1300 });
    expect(d.paidOn).toBeUndefined();
    await expect(updateDossier('absent', (x) => x)).rejects.toThrow('Ce dossier n’existe plus');
  });
});
