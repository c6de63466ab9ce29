import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { forwardCommand, planRefresh, REFRESH_ALARM } from '../../entrypoints/background';
import { installPack } from '../../lib/packs/store';
import { readPack } from '../../lib/packs/validate';
import { asText, examplePack } from './packs/fixtures';

describe('background', () => {
  beforeEach(() => fakeBrowser.reset());

  it('forwards the keyboard command to the tab it was pressed in', async () => {
    const send = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(undefined);
    await forwardCommand('open-palette', { id: 7 } as never);
    expect(send).toHaveBeenCalledWith(7, { type: 'open-palette' });
  });

  it('falls back to the active tab, and ignores other commands and tabs without Modèles', async () => {
    const window = await fakeBrowser.windows.create({ focused: true });
    const tab = await fakeBrowser.tabs.create({ url: 'https://mail.google.com/mail/u/0/', active: true, windowId: window!.id });
    const send = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockRejectedValue(new Error('Could not establish connection'));
    await expect(forwardCommand('open-palette')).resolves.toBeUndefined();
    expect(send).toHaveBeenCalledWith(tab.id, { type: 'open-palette' });
    send.mockClear();
    await forwardCommand('something-else', { id: 7 } as never);
    expect(send).not.toHaveBeenCalled();
  });
});

const HOUR = 60 * 60_000;
const pack = () => readPack(asText(examplePack())).pack!;

describe('the pack update schedule in the background', () => {
  beforeEach(() => fakeBrowser.reset());

  it('sets no alarm without subscriptions, and fetches nothing when it plans', async () => {
    const fetch = vi.spyOn(globalThis, 'fetch');
    expect(await planRefresh()).toBeNull();
    expect(await fakeBrowser.alarms.get(REFRESH_ALARM)).toBeUndefined();
    expect(fetch).not.toHaveBeenCalled();
  });

  it('plans a pack checked a moment ago at this browser’s slot, at least three hours later', async () => {
    const now = Date.parse('2026-11-23T09:00:00Z');
    await installPack(pack(), { kind: 'url', url: 'https://intranet.exemple.fr/p.json', checkedAt: new Date(now).toISOString() });
    const when = (await planRefresh(now + 60_000))!;
    expect(when).toBeGreaterThanOrEqual(now + 3 * HOUR);
    expect(when).toBeLessThan(now + 9 * HOUR);
    expect((await fakeBrowser.alarms.get(REFRESH_ALARM))?.scheduledTime).toBe(when);
    // The phase is drawn once and kept: planning again gives the same slot.
    await fakeBrowser.alarms.clear(REFRESH_ALARM);
    expect(await planRefresh(now + 120_000)).toBe(when);
  });

  it('plans a check missed while the browser was off after a random delay, never at once', async () => {
    const now = Date.now();
    await installPack(pack(), { kind: 'url', url: 'https://intranet.exemple.fr/p.json', checkedAt: new Date(now - 30 * HOUR).toISOString() });
    const when = (await planRefresh(now))!;
    expect(when).toBeGreaterThanOrEqual(now + 60_000);
    expect(when).toBeLessThanOrEqual(now + 2 * HOUR);
  });
});
