import { describe, expect, it } from 'vitest';
import { decodeAll, headKey, itemBytes, SYNC_QUOTA, versionOf } from '../../../lib/personal/codec';
import { emptyData, putTemplate, removeTemplate, type PersonalData } from '../../../lib/personal/data';
import { compileDraft } from '../../../lib/personal/draft';
import { DELETION_KEEP_MS, PENDING_MS, syncOnce } from '../../../lib/personal/sync';
import type { Template } from '../../../lib/templates/types';
import { context } from '../helpers';
import { FakeSyncArea, FakeSyncServer, QUOTA } from './fake-sync';
import { examplePack } from '../packs/fixtures';

/** Made-up French-looking words in a seeded random order: text that compresses about as much as real letters in bulk. */
function prose(seed: number, chars: number): string {
  const syllables = 'fac tu re rè gle ment é ché an ce cli mon tant re tard pai vi ro de li vrai son com man dos sier dé lai con trat ga ran tie'.split(' ');
  let x = seed;
  const next = () => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return x >>> 8;
  };
  let out = '';
  while (out.length < chars) {
    const n = 1 + (next() % 3);
    for (let i = 0; i < n; i++) out += syllables[next() % syllables.length];
    out += next() % 17 === 0 ? '.\n\n' : ' ';
  }
  return out.slice(0, chars);
}

function template(id: string, title: string, body: string): Template {
  const { template: t, problems } = compileDraft({ id, title, keywords: 'essai', audience: 'entreprise', subject: `Objet de ${title}`, body, fields: {} }, context(), []);
  if (!t) throw new Error(problems.map((p) => p.message).join('\n'));
  return t;
}

const at = (minutes: number) => new Date(Date.UTC(2026, 2, 12, 9, minutes));

/** A browser profile: its local data and its copy of sync storage. */
class Profile {
  data: PersonalData;
  notes: string[] = [];
  constructor(
    readonly area: FakeSyncArea,
    device: string,
  ) {
    this.data = emptyData(device);
  }
  put(t: Template, minute: number) {
    this.data = putTemplate(this.data, t, at(minute));
  }
  remove(id: string, minute: number) {
    this.data = removeTemplate(this.data, id, at(minute));
  }
  async sync(minute: number) {
    const outcome = await syncOnce(this.data, this.area, at(minute));
    this.data = outcome.data;
    this.notes.push(...outcome.notes);
    return outcome;
  }
  bodies() {
    return Object.fromEntries(this.data.templates.map((t) => [t.id, t.body]));
  }
}

const texts = (p: Profile) => Object.values(p.bodies()).toSorted();

function twoProfiles() {
  const server = new FakeSyncServer();
  return { server, a: new Profile(server.profile(), 'aaaa'), b: new Profile(server.profile(), 'bbbb') };
}

describe('sync storage layout', () => {
  it('splits a big template into items under the per-item quota, and reads it back whole on another profile', async () => {
    const { server, a, b } = twoProfiles();
    const big = template('grand-modele', 'Un très grand modèle de courrier', `Madame, Monsieur,\n\n${prose(7, 19_000)}\n\nCordialement,`);
    a.put(big, 0);
    const out = await a.sync(1);
    expect(out.state).toBe('ok');
    const keys = [...a.area.items.keys()].filter((k) => k.startsWith('mm.t.grand-modele'));
    expect(keys.length).toBeGreaterThan(1);
    for (const [k, v] of a.area.items) expect(itemBytes(k, JSON.parse(v))).toBeLessThanOrEqual(QUOTA.bytesPerItem);
    server.exchange(a.area);
    server.exchange(b.area);
    await b.sync(2);
    expect(b.data.templates).toHaveLength(1);
    expect(versionOf(b.data.templates[0]!)).toBe(versionOf(big));

    // Shorter again: the chunks it no longer needs are removed.
    a.put({ ...big, body: 'Madame, Monsieur,\n\nUn texte court.\n\nCordialement,' }, 3);
    await a.sync(4);
    expect([...a.area.items.keys()].filter((k) => k.startsWith('mm.t.grand-modele'))).toEqual([headKey('grand-modele')]);
  });

  it('compresses: the letters of the example pack take about half their size', async () => {
    const p = new Profile(new FakeSyncArea(), 'aaaa');
    const letters = examplePack().templates as Template[];
    for (const t of letters) p.put(t, 0);
    await p.sync(1);
    const raw = letters.reduce((n, t) => n + JSON.stringify(t).length, 0);
    expect(p.area.bytesOf()).toBeLessThan(raw * 0.65);
  });
});

describe('two computers', () => {
  it('carries new templates, edits and deletions from one profile to the other', async () => {
    const { server, a, b } = twoProfiles();
    a.put(template('un', 'Premier modèle à synchroniser', 'Bonjour,\n\nUn.\n\nCordialement,'), 0);
    b.put(template('deux', 'Second modèle à synchroniser', 'Bonjour,\n\nDeux.\n\nCordialement,'), 0);
    await a.sync(1);
    await b.sync(1);
    server.exchange(a.area);
    server.exchange(b.area);
    server.exchange(a.area);
    await a.sync(2);
    await b.sync(2);
    expect(Object.keys(a.bodies()).toSorted()).toEqual(['deux', 'un']);
    expect(b.bodies()).toEqual(a.bodies());

    b.put({ ...b.data.templates.find((t) => t.id === 'un')!, body: 'Bonjour,\n\nUn, corrigé.\n\nCordialement,' }, 3);
    await b.sync(4);
    server.exchange(b.area);
    server.exchange(a.area);
    await a.sync(5);
    expect(a.bodies().un).toContain('Un, corrigé.');
    expect(a.notes).toEqual([]);

    a.remove('deux', 6);
    await a.sync(7);
    server.exchange(a.area);
    server.exchange(b.area);
    await b.sync(8);
    expect(Object.keys(b.bodies())).toEqual(['un']);
    expect(Object.keys(a.data.deleted)).toEqual([]);
  });

  it('keeps both edits made on two computers before they synced: the later one keeps the template, the other becomes a copy', async () => {
    const { server, a, b } = twoProfiles();
    const t = template('relance', 'Relance de facture impayée', 'Bonjour,\n\nVersion de départ.\n\nCordialement,');
    a.put(t, 0);
    await a.sync(1);
    server.exchange(a.area);
    server.exchange(b.area);
    await b.sync(2);

    a.put({ ...t, body: 'Bonjour,\n\nÉcrit sur le portable.\n\nCordialement,' }, 10);
    b.put({ ...t, body: 'Bonjour,\n\nÉcrit au bureau, plus tard.\n\nCordialement,' }, 20);
    await a.sync(21);
    server.exchange(a.area);
    server.exchange(b.area);
    await b.sync(22);
    server.exchange(b.area);
    server.exchange(a.area);
    await a.sync(23);

    for (const p of [a, b]) {
      expect(p.bodies().relance).toContain('Écrit au bureau, plus tard.');
      expect(p.bodies()['relance-copie']).toContain('Écrit sur le portable.');
      expect(p.data.templates.find((x) => x.id === 'relance-copie')?.title).toMatch(/^Relance de facture impayée \(autre version du \d\d\/03\/2026 à \d\d:10\)$/);
    }
    expect(b.notes.join(' ')).toMatch(/modifié sur deux ordinateurs/);
    // Settled: a further pass writes nothing.
    const before = new Map(a.area.items);
    await a.sync(24);
    expect(a.area.outbox.size).toBe(0);
    expect(a.area.items).toEqual(before);
  });

  it('loses neither edit when both computers write at the same moment (the server keeps one write per item)', async () => {
    const { server, a, b } = twoProfiles();
    const t = template('relance', 'Relance de facture impayée', 'Bonjour,\n\nDépart.\n\nCordialement,');
    a.put(t, 0);
    await a.sync(1);
    server.exchange(a.area);
    server.exchange(b.area);
    await b.sync(2);
    a.put({ ...t, body: 'Bonjour,\n\nVersion A.\n\nCordialement,' }, 10);
    b.put({ ...t, body: 'Bonjour,\n\nVersion B.\n\nCordialement,' }, 11);
    await a.sync(12);
    await b.sync(12);
    server.exchange(a.area);
    server.exchange(b.area); // B's write wins the item on the server: A's is overwritten there
    server.exchange(a.area);
    await a.sync(13);
    server.exchange(a.area);
    server.exchange(b.area);
    await b.sync(14);
    server.exchange(b.area);
    server.exchange(a.area);
    await a.sync(15);
    expect(texts(a)).toEqual(texts(b));
    expect(texts(a).join()).toContain('Version A.');
    expect(texts(a).join()).toContain('Version B.');
    expect(a.bodies().relance).toContain('Version B.');
  });

  it('keeps a template edited on one computer and deleted on the other; deletes one that was not edited', async () => {
    const { server, a, b } = twoProfiles();
    const edited = template('garde', 'Modèle modifié ailleurs', 'Bonjour,\n\nDépart.\n\nCordialement,');
    const plain = template('efface', 'Modèle supprimé partout', 'Bonjour,\n\nÀ supprimer.\n\nCordialement,');
    a.put(edited, 0);
    a.put(plain, 0);
    await a.sync(1);
    server.exchange(a.area);
    server.exchange(b.area);
    await b.sync(2);
    b.put({ ...edited, body: 'Bonjour,\n\nModifié.\n\nCordialement,' }, 5);
    a.remove('garde', 6);
    a.remove('efface', 6);
    await a.sync(7);
    server.exchange(a.area);
    server.exchange(b.area);
    await b.sync(8);
    server.exchange(b.area);
    server.exchange(a.area);
    await a.sync(9);
    for (const p of [a, b]) expect(p.bodies()).toEqual({ garde: 'Bonjour,\n\nModifié.\n\nCordialement,' });
    expect(b.notes.join(' ')).toMatch(/supprimé sur un autre ordinateur mais modifié sur celui-ci : il est gardé/);
  });

  it('writes the templates again when sync storage was emptied, and never empties « Mes modèles » because of it', async () => {
    const p = new Profile(new FakeSyncArea(), 'aaaa');
    p.put(template('un', 'Premier modèle à garder', 'Bonjour,\n\nUn.\n\nCordialement,'), 0);
    await p.sync(1);
    p.area.items.clear();
    const out = await p.sync(2);
    expect(out.data.templates).toHaveLength(1);
    expect(p.area.items.has(headKey('un'))).toBe(true);
  });

  it('forgets deletions after three months', async () => {
    const p = new Profile(new FakeSyncArea(), 'aaaa');
    p.put(template('un', 'Premier modèle à effacer', 'Bonjour,\n\nUn.\n\nCordialement,'), 0);
    await p.sync(1);
    p.remove('un', 2);
    await p.sync(3);
    expect((await p.area.get(null))[headKey('un')]).toMatchObject({ x: 1 });
    await syncOnce(p.data, p.area, new Date(at(3).getTime() + DELETION_KEEP_MS + 60_000));
    expect(p.area.items.size).toBe(0);
  });
});

describe('quota', () => {
  it('fills sync storage up to its quota, keeps the rest on this computer and says so; nothing is lost', async () => {
    const p = new Profile(new FakeSyncArea(), 'aaaa');
    for (let i = 0; i < 70; i++) p.put(template(`modele-${i}`, `Modèle numéro ${i} de la série`, `Bonjour,\n\n${prose(i + 1, 2500)}\n\nCordialement,`), i);
    const out = await p.sync(100);
    expect(out.state).toBe('full');
    expect(out.localOnly.length).toBeGreaterThan(0);
    expect(out.synced + out.localOnly.length).toBe(70);
    expect(p.area.refused).toEqual([]);
    expect(p.area.bytesOf()).toBeLessThanOrEqual(QUOTA.bytes);
    expect(p.data.templates).toHaveLength(70);
    // The oldest went first; the newest wait here.
    expect(out.localOnly).toContain('modele-69');
    expect(p.data.meta['modele-69']?.localOnly).toBe(true);

    // Room made (a template deleted): the next pass sends what now fits.
    for (let i = 0; i < 10; i++) p.remove(`modele-${i}`, 200 + i);
    const after = await p.sync(300);
    expect(after.localOnly.length).toBeLessThan(out.localOnly.length);
    expect(p.data.templates).toHaveLength(60);
  });

  it('keeps working locally when the browser refuses a write (quota reached meanwhile, too many writes)', async () => {
    const p = new Profile(new FakeSyncArea(), 'aaaa');
    p.put(template('un', 'Premier modèle refusé', 'Bonjour,\n\nUn.\n\nCordialement,'), 0);
    p.area.set = async () => {
      throw new Error('QUOTA_BYTES quota exceeded');
    };
    const out = await p.sync(1);
    expect(out.state).toBe('full');
    expect(out.localOnly).toEqual(['un']);
    expect(p.data.templates).toHaveLength(1);

    const q = new Profile(new FakeSyncArea(), 'bbbb');
    q.area.clock = () => 0;
    for (let i = 0; i < SYNC_QUOTA.writesPerMinute; i++) await q.area.set({ [`x${i}`]: i });
    q.put(template('deux', 'Second modèle retardé', 'Bonjour,\n\nDeux.\n\nCordialement,'), 0);
    expect((await q.sync(1)).state).toBe('busy');
    // As Chromium words it.
    q.area.set = async () => {
      throw new Error('Resource::kMaxWriteOperationsPerMinute quota exceeded');
    };
    expect((await q.sync(2)).state).toBe('busy');
    expect(q.data.meta.deux?.synced).toBeUndefined();
  });
});

async function synced() {
  const { server, a, b } = twoProfiles();
  const t = template('relance', 'Relance de facture impayée', `Bonjour,\n\n${prose(5, 19_000)}\n\nCordialement,`);
  a.put(t, 0);
  await a.sync(1);
  server.exchange(a.area);
  server.exchange(b.area);
  return { server, a, b, t };
}

describe('damaged items', () => {
  it('never uses a damaged item: a profile that has the template repairs it, one that has not keeps it aside and says so', async () => {
    const { a, b, t } = await synced();
    b.area.poke(headKey('relance'), { v: 1, h: 'zz', r: 1, u: 'x', d: 'y', p: [], n: 1, z: 'deflate', c: '!!pas du base64' });
    const out = await b.sync(2);
    expect(out.data.templates).toEqual([]);
    expect(out.notes.join(' ')).toMatch(/illisible/);
    expect(out.quarantine).toHaveLength(1);
    expect(b.area.items.has(headKey('relance'))).toBe(true); // not destroyed

    a.area.poke(headKey('relance'), 'n’importe quoi');
    const repaired = await a.sync(3);
    expect(repaired.notes.join(' ')).toMatch(/abîmée : elle a été remplacée par celle de cet ordinateur/);
    const read = await decodeAll(await a.area.get(null));
    expect(read.get('relance')).toMatchObject({ kind: 'template' });
    expect(versionOf(a.data.templates[0]!)).toBe(versionOf(t));
  });

  it('waits for a chunk still on its way, then treats it as damaged', async () => {
    const { b } = await synced();
    const chunk = [...b.area.items.keys()].find((k) => /\.\d+$/.test(k));
    expect(chunk).toBeDefined();
    b.area.items.delete(chunk!);
    const early = await b.sync(2);
    expect(early.data.templates).toEqual([]);
    expect(early.notes).toEqual([]);
    expect(Object.keys(early.data.pending)).toEqual(['relance']);
    const late = await syncOnce(early.data, b.area, new Date(at(2).getTime() + PENDING_MS + 1000));
    expect(late.quarantine).toHaveLength(1);
    expect(late.notes.join(' ')).toMatch(/illisible/);
  });

  it('refuses a template that would break the letter or hold raw HTML, as from a stranger', async () => {
    const p = new Profile(new FakeSyncArea(), 'aaaa');
    const evil = { ...template('piege', 'Un modèle piégé de test', 'Bonjour,\n\nTexte.\n\nCordialement,'), body: 'Bonjour {{{html}}}' };
    await p.area.set(await (await import('../../../lib/personal/codec')).encodeTemplate(evil, { h: versionOf(evil), r: 1, u: at(0).toISOString(), d: 'x', p: [] }));
    const out = await p.sync(1);
    expect(out.data.templates).toEqual([]);
    expect(out.quarantine[0]).toMatchObject({ id: 'piege' });
  });

  it('leaves alone what a later version of Modèles wrote', async () => {
    const p = new Profile(new FakeSyncArea(), 'aaaa');
    await p.area.set({ [headKey('futur')]: { v: 9, quoi: 'autre chose' } });
    const out = await p.sync(1);
    expect(out.data.templates).toEqual([]);
    expect(out.notes.join(' ')).toMatch(/version plus récente/);
    expect(p.area.items.has(headKey('futur'))).toBe(true);
  });
});
