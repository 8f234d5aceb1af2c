import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { setupCommands } from '../commands';

/** fakeBrowser has no contextMenus or commands: a minimal event for each, enough to fire them. */
function fakeEvent<A extends unknown[]>() {
  const listeners: ((...args: A) => unknown)[] = [];
  return { addListener: (l: (...args: A) => unknown) => listeners.push(l), fire: (...args: A) => Promise.all(listeners.map((l) => l(...args))) };
}

describe('setupCommands', () => {
  let clicked: ReturnType<typeof fakeEvent<[{ menuItemId: string }, { id?: number }]>>;
  let command: ReturnType<typeof fakeEvent<[string]>>;
  let send: ReturnType<typeof vi.fn>;

  beforeEach(() => {
    fakeBrowser.reset();
    clicked = fakeEvent();
    command = fakeEvent();
    send = vi.fn(async () => ({}));
    Object.assign(browser, {
      contextMenus: { create: vi.fn(), onClicked: clicked },
      commands: { onCommand: command },
    });
    browser.tabs.sendMessage = send as never;
    browser.tabs.query = vi.fn(async () => [{ id: 42 }]) as never;
  });

  it('creates "Translate this page" on install and toggles the clicked tab', async () => {
    setupCommands();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install' } as never);
    expect(browser.contextMenus.create).toHaveBeenCalledWith(expect.objectContaining({ title: 'Translate this page' }));
    await clicked.fire({ menuItemId: 'duet-translate-page' }, { id: 7 });
    expect(send).toHaveBeenCalledWith(7, { type: 'toggle' }, { frameId: 0 });
  });

  it('Alt+A toggles the active tab; other commands and menus are not ours', async () => {
    setupCommands();
    await command.fire('translate-page');
    expect(send).toHaveBeenCalledWith(42, { type: 'toggle' }, { frameId: 0 });
    send.mockClear();
    await command.fire('something-else');
    await clicked.fire({ menuItemId: 'other' }, { id: 7 });
    expect(send).not.toHaveBeenCalled();
  });

  it('a tab without our content script is skipped quietly', async () => {
    send.mockRejectedValueOnce(new Error('Could not establish connection. Receiving end does not exist.'));
    setupCommands();
    await expect(clicked.fire({ menuItemId: 'duet-translate-page' }, { id: 9 })).resolves.toBeDefined();
  });
});
