import { browser } from 'wxt/browser';
import { migrateSettings, storedVersion } from './migrations';
import { SETTINGS_KEY, SETTINGS_VERSION, SettingsSchema, type Settings } from './schema';

/**
 * The adapter between `browser.storage.local` and everything that holds settings. Popup, options
 * and background read through here; content scripts do not (the background pushes settings to them).
 */

async function readRaw(): Promise<unknown> {
  const got = await browser.storage.local.get(SETTINGS_KEY);
  return got[SETTINGS_KEY];
}

/**
 * Current settings, migrated and repaired. An object stored by an older version is written back
 * once in the current shape, so the migration runs once rather than on every read.
 */
export async function loadSettings(): Promise<Settings> {
  const raw = await readRaw();
  const settings = migrateSettings(raw);
  const isOld = typeof raw === 'object' && raw !== null && storedVersion(raw as Record<string, unknown>) < SETTINGS_VERSION;
  if (isOld) await browser.storage.local.set({ [SETTINGS_KEY]: settings });
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
    await browser.storage.local.set({ [SETTINGS_KEY]: next.data });
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
    if (area !== 'local' || !(SETTINGS_KEY in changes)) return;
    cb(migrateSettings(changes[SETTINGS_KEY]?.newValue));
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
