import { browser } from 'wxt/browser';
import { migrateSettings, storedVersion } from './migrations';
import { SETTINGS_KEY, SETTINGS_VERSION, SettingsSchema, type Settings } from './schema';
import { currentSettingsArea, settingsItem } from './settings-item';

/**
 * The adapter between the settings storage item (./settings-item.ts) and everything that holds
 * settings. Popup, options and background read through here; content scripts do not (the background
 * pushes settings to them).
 */

/**
 * Current settings, migrated and repaired. An object stamped with an older version (written by an
 * older build or by hand) is written back once in the current shape.
 */
export async function loadSettings(): Promise<Settings> {
  const item = await settingsItem();
  const raw = await item.getValue();
  const settings = migrateSettings(raw);
  const isOld = typeof raw === 'object' && raw !== null && storedVersion(raw as Record<string, unknown>) < SETTINGS_VERSION;
  if (isOld) await item.setValue(settings);
  return settings;
}

/** Thrown when a patch would store an invalid value; `message` names the fields. */
export class InvalidSettingsError extends Error {
  override name = 'InvalidSettingsError';
}

/** A change to settings: fields to set, or a function of the stored settings (for toggles). */
export type SettingsPatch = Partial<Settings> | ((current: Settings) => Partial<Settings>);

// Saves from one context run one after another, so two quick changes (target, then source) cannot
// read the same old object and overwrite each other's field.
let writeChain: Promise<unknown> = Promise.resolve();

/**
 * Merges `patch` into the stored settings and writes the result. Invalid patches are refused with
 * an error that names the field, never stored. Returns what was written.
 */
export function saveSettings(patch: SettingsPatch): Promise<Settings> {
  const run = writeChain.then(async () => {
    const current = await loadSettings();
    const { version: _ignored, ...rest } = typeof patch === 'function' ? patch(current) : patch;
    const next = SettingsSchema.safeParse({ ...current, ...rest, version: SETTINGS_VERSION });
    if (!next.success) {
      const fields = [...new Set(next.error.issues.map((i) => i.path.join('.') || '(settings)'))];
      throw new InvalidSettingsError(`Invalid setting: ${fields.join(', ')}`);
    }
    await (await settingsItem()).setValue(next.data);
    return next.data;
  });
  writeChain = run.catch(() => undefined);
  return run;
}

/**
 * Calls `cb` with the new settings whenever any context writes them (storage.onChanged), removed
 * settings included (they become the defaults). Returns the unsubscribe function.
 */
export function watchSettings(cb: (settings: Settings) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area !== currentSettingsArea() || !(SETTINGS_KEY in changes)) return;
    cb(migrateSettings(changes[SETTINGS_KEY]?.newValue));
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
