import { browser } from 'wxt/browser';
import { sendToTab } from '../messaging/send';
import type { Settings } from '../settings/schema';
import { loadSettings, watchSettings } from '../settings/storage';

/**
 * The background's copy of the settings: read once, then kept current from storage.onChanged.
 * Content scripts cannot read storage, so every change is pushed to every tab here.
 */
export function createSettingsSource(onChange: (settings: Settings) => void = () => {}) {
  let current: Promise<Settings> = loadSettings();
  watchSettings((settings) => {
    current = Promise.resolve(settings);
    onChange(settings);
    void pushToTabs(settings);
  });
  return { get: () => current };
}

async function pushToTabs(settings: Settings): Promise<void> {
  const tabs = await browser.tabs.query({});
  await Promise.all(
    tabs.map((tab) =>
      tab.id === undefined
        ? undefined
        : sendToTab(tab.id, { type: 'settingsChanged', settings }).catch(() => {
            // Tabs without our content script (browser pages, stores, discarded tabs): nothing to tell.
          }),
    ),
  );
}
