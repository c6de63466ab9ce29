import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { forwardCommand } from '../../entrypoints/background';

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
