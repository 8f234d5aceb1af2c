import { createStore, type StoreApi } from 'zustand/vanilla';
import { t } from '../i18n/t';
import { DEFAULT_SETTINGS, type Settings, type TranslatingMode } from './schema';
import { normalizeHostname, sitePreferencePatch, withSite } from './site-rules';
import { loadSettings, saveSettings, watchSettings, type SettingsPatch } from './storage';

/**
 * One zustand store per context (popup, options), persisted through the storage adapter and
 * rehydrated from storage.onChanged, so every open popup, options page and tab agree without reload.
 * No React here: components/ binds it to React.
 */
export interface SettingsState {
  settings: Settings;
  /** 'loading' until storage has been read once; the defaults are shown meanwhile. */
  status: 'loading' | 'ready';
  /** Last failure to read or write, in words; cleared by the next successful write or `clearError`. */
  error: string | null;
  /** Applies the change at once (optimistic), writes it, and rolls back to storage if writing fails. */
  update(patch: SettingsPatch): Promise<boolean>;
  /** Adds the hostname to "always translate" when absent, removes it when present. */
  toggleSite(hostname: string, on?: boolean): Promise<boolean>;
  /** Adds or removes a site of "never translate" (options page). */
  toggleNeverSite(hostname: string, on: boolean): Promise<boolean>;
  /** The page's site always, never or by the general rules (popup): one list gains it, the other loses it. */
  setSitePreference(hostname: string, choice: 'always' | 'never' | 'default'): Promise<boolean>;
  /** A site's own display mode; null goes back to the general one. */
  setSiteMode(site: string, mode: TranslatingMode | null): Promise<boolean>;
  /** Adds or removes a language of "always translate pages in". */
  toggleLanguage(code: string, on: boolean): Promise<boolean>;
  clearError(): void;
}

export interface SettingsStore extends StoreApi<SettingsState> {
  /** Resolves once the first read from storage is done (successful or not). */
  ready: Promise<void>;
  /** Stops listening to storage changes. */
  dispose(): void;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function createSettingsStore(): SettingsStore {
  const store = createStore<SettingsState>()((set, get) => ({
    settings: DEFAULT_SETTINGS,
    status: 'loading',
    error: null,
    async update(patch) {
      const before = get().settings;
      const optimistic = typeof patch === 'function' ? patch(before) : patch;
      set({ settings: { ...before, ...optimistic } });
      try {
        const saved = await saveSettings(patch);
        set({ settings: saved, error: null });
        return true;
      } catch (error) {
        set({ error: t('err_save_settings', { error: describe(error) }) });
        // Show what is really stored, not the change that failed.
        try {
          set({ settings: await loadSettings() });
        } catch {
          set({ settings: before });
        }
        return false;
      }
    },
    toggleSite(hostname, on) {
      const host = normalizeHostname(hostname);
      return get().update((current) => {
        const has = current.alwaysTranslateSites.includes(host);
        const want = on ?? !has;
        if (want === has) return {};
        return {
          alwaysTranslateSites: want
            ? [...current.alwaysTranslateSites, host]
            : current.alwaysTranslateSites.filter((h) => h !== host),
        };
      });
    },
    toggleNeverSite(hostname, on) {
      return get().update((current) => ({ neverTranslateSites: withSite(current.neverTranslateSites, hostname, on) }));
    },
    setSitePreference(hostname, choice) {
      return get().update((current) => sitePreferencePatch(current, hostname, choice));
    },
    setSiteMode(site, mode) {
      const host = normalizeHostname(site);
      return get().update((current) => {
        const { [host]: _dropped, ...rest } = current.siteModes;
        return { siteModes: mode ? { ...rest, [host]: mode } : rest };
      });
    },
    toggleLanguage(code, on) {
      return get().update((current) => {
        const without = current.alwaysTranslateLanguages.filter((l) => l !== code);
        return { alwaysTranslateLanguages: on ? [...without, code] : without };
      });
    },
    clearError() {
      set({ error: null });
    },
  }));

  // A change seen through storage.onChanged is newer than the first read if it lands first.
  let sawChange = false;
  const unwatch = watchSettings((settings) => {
    sawChange = true;
    store.setState({ settings, status: 'ready' });
  });
  const ready = loadSettings().then(
    (settings) => store.setState(sawChange ? { status: 'ready' } : { settings, status: 'ready' }),
    (error: unknown) => store.setState({ status: 'ready', error: t('err_read_settings', { error: describe(error) }) }),
  );

  return { ...store, ready, dispose: unwatch };
}
