import { createContext, useContext, useState, type ReactNode } from 'react';
import { useStore } from 'zustand';
import { createSettingsStore, type SettingsState, type SettingsStore } from '@/utils/settings/store';

/** React binding of the settings store: one store per page, given to the tree by SettingsProvider. */
const SettingsContext = createContext<SettingsStore | null>(null);

let shared: SettingsStore | null = null;
/** One store per page, even when StrictMode runs state initialisers twice. */
function pageStore(): SettingsStore {
  shared ??= createSettingsStore();
  return shared;
}

/**
 * Provides a settings store. Pass `store` in tests; otherwise one is created for the page. It lives
 * as long as the page (popup and options pages unmount only when closed), so it is not disposed on
 * unmount: StrictMode's trial unmount would otherwise stop it listening to storage.
 */
export function SettingsProvider({ store, children }: { store?: SettingsStore; children: ReactNode }) {
  const [own] = useState(() => store ?? pageStore());
  return <SettingsContext.Provider value={own}>{children}</SettingsContext.Provider>;
}

export function useSettingsStore(): SettingsStore {
  const store = useContext(SettingsContext);
  if (!store) throw new Error('useSettings needs a <SettingsProvider> above it');
  return store;
}

/** Selects from the settings state; re-renders only when the selected value changes. */
export function useSettings<T>(selector: (state: SettingsState) => T): T {
  return useStore(useSettingsStore(), selector);
}
