import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PERIOD_MS } from '../../../lib/packs/schedule';
import { installedPacks, installPack, loadPacks } from '../../../lib/packs/store';
import { applyPolicy, checkPackUrl, downloadPack, nextDue, refreshAll, refreshDue, subscribe, type Fetcher } from '../../../lib/packs/subscribe';
import { readPack } from '../../../lib/packs/validate';
import { asText, examplePack } from './fixtures';

const URL_A = 'https://intranet.exemple.fr/packs/compta.json';
const HOUR = 60 * 60_000;

/** A pack server: answers with what `serve` says, records the conditional headers it got. */
function server(serve: (headers: Record<string, string>) => Response) {
  const seen: Record<string, string>[] = [];
  const fetcher: Fetcher = async (_url, init) => {
    const headers = (init.headers ?? {}) as Record<string, string>;
    seen.push(headers);
    return serve(headers);
  };
  return { fetcher, seen };
}

/** A server that never answers, until the request is aborted. */
const hanging: Fetcher = (_url, init) => new Promise((_, reject) => init.signal?.addEventListener('abort', () => reject(new Error('aborted'))));
const notFound: Fetcher = async () => new Response('', { status: 404 });

const ok = (body: string, headers: Record<string, string> = {}) => new Response(body, { status: 200, headers });

describe('pack URLs', () => {
  it.each(['https://intranet.exemple.fr/p.json', 'http://localhost:8080/p.json', 'http://127.0.0.1/p.json'])('accepts %s', (url) => {
    expect(checkPackUrl(url)).toBeNull();
  });

  it.each([
    ['http://intranet.exemple.fr/p.json', /https/],
    ['ftp://exemple.fr/p.json', /https/],
    ['pas une adresse', /adresse/],
  ])('refuses %s', (url, expected) => {
    expect(checkPackUrl(url)).toMatch(expected);
  });
});

describe('downloading', () => {
  it('sends If-None-Match and If-Modified-Since, and understands 304', async () => {
    const { fetcher, seen } = server(() => new Response(null, { status: 304 }));
    const result = await downloadPack(URL_A, { etag: '"v1"', lastModified: 'Mon, 23 Nov 2026 08:00:00 GMT' }, fetcher);
    expect(result).toEqual({ notModified: true });
    expect(seen[0]).toMatchObject({ 'if-none-match': '"v1"', 'if-modified-since': 'Mon, 23 Nov 2026 08:00:00 GMT' });
  });

  it.each([
    [404, /404 \(introuvable\)/],
    [403, /403 \(accès refusé\)/],
    [500, /500 \(erreur du serveur\)/],
  ])('explains an HTTP %i in French', async (status, message) => {
    const { fetcher } = server(() => new Response('nope', { status }));
    await expect(downloadPack(URL_A, {}, fetcher)).rejects.toThrow(message);
  });

  it('gives up on a server that does not answer', async () => {
    await expect(downloadPack(URL_A, {}, hanging, 20)).rejects.toThrow(/n’a pas répondu/);
  });
});

describe('subscriptions', () => {
  beforeEach(() => fakeBrowser.reset());

  it('subscribes: the pack is installed with its cache validators', async () => {
    const { fetcher } = server(() => ok(asText(examplePack()), { etag: '"v1"' }));
    const entry = await subscribe(URL_A, { fetcher });
    expect(entry.pack.version).toBe('1.0.0');
    expect(entry.origin).toMatchObject({ kind: 'url', url: URL_A, etag: '"v1"' });
    expect((await loadPacks()).packs.map((p) => p.pack.id)).toEqual(['comptabilite-acme']);
  });

  it('installs nothing from a broken file, and says why', async () => {
    const { fetcher } = server(() => ok('{ cassé'));
    await expect(subscribe(URL_A, { fetcher })).rejects.toThrow(/n’a pas été installé.*JSON/);
    expect((await loadPacks()).packs).toEqual([]);
  });

  it('replaces a pack only with a newer valid version, and records what changed', async () => {
    let published = asText(examplePack());
    const { fetcher, seen } = server(() => ok(published, { etag: `"${published.length}"` }));
    await subscribe(URL_A, { fetcher });

    // Same version again: nothing changes.
    expect((await refreshAll(fetcher))[0]).toMatchObject({ outcome: 'unchanged' });
    expect(seen.at(-1)?.['if-none-match']).toBe(`"${published.length}"`);

    // A newer version with one template more.
    const v1 = examplePack();
    const extra = { ...v1.templates[0]!, id: 'virement-recu-client', title: 'Vous confirmez à un client la réception de son virement.' };
    published = asText({ ...v1, version: '1.1.0', templates: [...v1.templates, extra] });
    expect((await refreshAll(fetcher))[0]).toMatchObject({ outcome: 'updated', message: '1.0.0 → 1.1.0' });
    let [entry] = (await loadPacks()).packs;
    expect(entry?.pack.version).toBe('1.1.0');
    expect(entry?.lastChange).toMatchObject({ from: '1.0.0', to: '1.1.0', added: ['virement-recu-client'], changed: [], removed: [] });

    // A broken 1.2.0: refused, 1.1.0 kept, the error is on the pack in French.
    published = asText({ ...v1, version: '1.2.0', templates: [{ ...v1.templates[0]!, body: '{{#montant}}' }] });
    expect((await refreshAll(fetcher))[0]).toMatchObject({ outcome: 'failed' });
    [entry] = (await loadPacks()).packs;
    expect(entry?.pack.version).toBe('1.1.0');
    expect(entry?.origin.kind === 'url' && entry.origin.error).toMatch(/invalide.*La version 1\.1\.0 installée reste utilisée/);

    // An older version published by mistake: ignored.
    published = asText({ ...v1, version: '0.9.0' });
    expect((await refreshAll(fetcher))[0]).toMatchObject({ outcome: 'unchanged' });
    expect((await loadPacks()).packs[0]?.pack.version).toBe('1.1.0');
  });

  it('checks a pack only when the schedule says it is due: at this browser’s slot, at least half a period after the last check', async () => {
    const { fetcher, seen } = server(() => ok(asText(examplePack())));
    await subscribe(URL_A, { fetcher });
    const subscribedAt = Date.parse(((await loadPacks()).packs[0]!.origin as { checkedAt: string }).checkedAt);
    const phase = (subscribedAt + 4 * HOUR) % PERIOD_MS;
    expect(await refreshDue(phase, subscribedAt + 60_000, fetcher)).toEqual([]);
    expect(await refreshDue(phase, subscribedAt + 4 * HOUR - 60_000, fetcher)).toEqual([]);
    expect(seen).toHaveLength(1);
    expect(await refreshDue(phase, subscribedAt + 4 * HOUR, fetcher)).toHaveLength(1);
    expect(seen).toHaveLength(2);
    expect(await nextDue(phase, subscribedAt + 4 * HOUR + 1, 0)).toBe(subscribedAt + 10 * HOUR);
  });

  it('honours Retry-After on 429 and backs off on 5xx, recording when to ask again; a later success clears it', async () => {
    const answers = { now: () => new Response('', { status: 429, headers: { 'retry-after': '1800' } }) };
    const { fetcher, seen } = server(() => answers.now());
    await installPack(readPack(asText(examplePack())).pack!, { kind: 'url', url: URL_A, checkedAt: new Date(0).toISOString() });
    const t0 = Date.parse('2026-11-23T09:00:00Z');
    const [first] = await refreshDue(0, t0, fetcher);
    expect(first).toMatchObject({ outcome: 'failed', message: expect.stringMatching(/429 \(trop de demandes\)/) });
    let origin = (await loadPacks()).packs[0]!.origin as { retryAt?: string; failures?: number };
    expect(origin.failures).toBe(1);
    expect(Date.parse(origin.retryAt!) - t0).toBeGreaterThanOrEqual(30 * 60_000);
    expect(Date.parse(origin.retryAt!) - t0).toBeLessThanOrEqual(45 * 60_000);
    // Not before the time the server gave, even if the schedule runs earlier.
    expect(await refreshDue(0, t0 + 29 * 60_000, fetcher)).toEqual([]);
    expect(seen).toHaveLength(1);

    answers.now = () => new Response('', { status: 503 });
    const t1 = Date.parse(origin.retryAt!);
    await refreshDue(0, t1, fetcher);
    origin = (await loadPacks()).packs[0]!.origin as { retryAt?: string; failures?: number };
    expect(origin.failures).toBe(2);
    // Second failure without Retry-After: between 10 and 20 minutes.
    const wait = Date.parse(origin.retryAt!) - t1;
    expect(wait).toBeGreaterThanOrEqual(10 * 60_000);
    expect(wait).toBeLessThanOrEqual(20 * 60_000);

    answers.now = () => ok(asText(examplePack()));
    await refreshDue(0, Date.parse(origin.retryAt!), fetcher);
    expect((await loadPacks()).packs[0]!.origin).not.toHaveProperty('retryAt');
    expect((await loadPacks()).packs[0]!.origin).not.toHaveProperty('failures');
  });

  it('keeps the installed version when the server is down', async () => {
    let up = true;
    const { fetcher } = server(() => (up ? ok(asText(examplePack())) : new Response('', { status: 503 })));
    await subscribe(URL_A, { fetcher });
    up = false;
    const [report] = await refreshAll(fetcher);
    expect(report?.outcome).toBe('failed');
    expect((await loadPacks()).packs[0]?.pack.templates).toHaveLength(2);
  });
});

describe('IT policy (storage.managed packUrls)', () => {
  beforeEach(() => fakeBrowser.reset());

  it('installs the listed packs as locked, and removes them when the policy drops them', async () => {
    const { fetcher } = server(() => ok(asText(examplePack())));
    expect(await applyPolicy([URL_A], fetcher)).toEqual([]);
    const [entry] = (await loadPacks()).packs;
    expect(entry?.origin).toMatchObject({ kind: 'url', url: URL_A, managed: true });
    await applyPolicy([], fetcher);
    expect((await loadPacks()).packs).toEqual([]);
  });

  it('reports an unreachable policy pack without touching the others', async () => {
    const { fetcher } = server(() => ok(asText(examplePack())));
    await subscribe(URL_A, { fetcher });
    const problems = await applyPolicy(['https://autre.exemple.fr/p.json'], notFound);
    expect(problems[0]).toMatch(/404/);
    expect((await loadPacks()).packs.map((p) => p.origin.kind === 'url' && p.origin.url)).toEqual([URL_A]);
  });
});

describe('stored packs', () => {
  beforeEach(() => fakeBrowser.reset());

  it('sets aside a damaged entry, keeps the others, and says so in French', async () => {
    const { fetcher } = server(() => ok(asText(examplePack())));
    await subscribe(URL_A, { fetcher });
    const good = await installedPacks.getValue();
    await installedPacks.setValue([...good, { pack: { id: 'abime' }, enabled: 'oui' }]);
    const { packs, problems } = await loadPacks();
    expect(packs.map((p) => p.pack.id)).toEqual(['comptabilite-acme']);
    expect(problems[0]).toMatch(/illisible.*mis de côté.*intacts/);
    expect(await fakeBrowser.storage.local.get('packsQuarantine')).toMatchObject({ packsQuarantine: [{ pack: { id: 'abime' } }] });
    // Read again: nothing left to complain about.
    expect((await loadPacks()).problems).toEqual([]);
  });

  it('survives a list replaced by garbage', async () => {
    await fakeBrowser.storage.local.set({ packs: 'garbage' });
    const { packs, problems } = await loadPacks();
    expect(packs).toEqual([]);
    expect(problems[0]).toMatch(/illisible/);
  });
});
