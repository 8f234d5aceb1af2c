// @vitest-environment jsdom
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SettingsProvider, useSettings } from '../SettingsContext';
import { createSettingsStore, type SettingsStore } from '@/utils/settings/store';
import { saveSettings } from '@/utils/settings/storage';
import { SETTINGS_KEY } from '@/utils/settings/schema';
import { click, render, settle, type Rendered } from './render';

function Probe() {
  const target = useSettings((s) => s.settings.targetLanguage);
  const update = useSettings((s) => s.update);
  return (
    <button type="button" onClick={() => void update({ targetLanguage: 'pl' })}>
      target:{target || '(browser)'}
    </button>
  );
}

let view: Rendered | null = null;
let store: SettingsStore | null = null;
beforeEach(() => {
  fakeBrowser.reset();
});
afterEach(() => {
  view?.unmount();
  store?.dispose();
  view = store = null;
});

describe('SettingsProvider / useSettings', () => {
  it('re-renders when another context writes settings, and writes through the store', async () => {
    store = createSettingsStore();
    view = await render(
      <SettingsProvider store={store}>
        <Probe />
      </SettingsProvider>,
    );
    await settle();
    expect(view.container.textContent).toBe('target:(browser)');
    await act(async () => {
      await saveSettings({ targetLanguage: 'fi' }); // e.g. the options page
    });
    await settle();
    expect(view.container.textContent).toBe('target:fi');
    await click(view.container.querySelector('button')!);
    await settle();
    expect(view.container.textContent).toBe('target:pl');
    const stored = (await fakeBrowser.storage.sync.get(SETTINGS_KEY))[SETTINGS_KEY] as { targetLanguage: string };
    expect(stored.targetLanguage).toBe('pl');
  });

  it('refuses to work outside a provider', async () => {
    // React reports the render error on window too; keep it out of the test output.
    const onError = (e: ErrorEvent) => e.preventDefault();
    window.addEventListener('error', onError);
    await expect(render(<Probe />)).rejects.toThrow(/SettingsProvider/);
    window.removeEventListener('error', onError);
  });
});
