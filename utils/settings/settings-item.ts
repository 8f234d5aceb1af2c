import { browser } from 'wxt/browser';
import { storage, type WxtStorageItem } from 'wxt/utils/storage';
import { migrateSettings } from './migrations';
import { SETTINGS_KEY, SETTINGS_VERSION } from './schema';

/**
 * The settings as one WXT storage item (`storage.defineItem` with `version` and `migrations`: WXT keeps
 * the version in the item's metadata and runs the migrations once, when a context first defines it).
 * The value is kept as stored (`unknown`): ./migrations.ts repairs it field by field on every read, so
 * one bad value never costs the reader the rest.
 *
 * The area is `storage.sync` where the browser has it and it answers (settings follow the reader to
 * their other browsers), else `storage.local`. Keys and the cache never go to sync.
 */
export type SettingsArea = 'sync' | 'local';
export type SettingsItem = WxtStorageItem<unknown, Record<string, unknown>>;

export function defineSettingsItem(area: SettingsArea): SettingsItem {
  return storage.defineItem<unknown>(`${area}:${SETTINGS_KEY}`, {
    fallback: null,
    version: SETTINGS_VERSION,
    // WXT numbers a migration by the version it produces; ours chain from the version stamped in the
    // value itself (v0 → v1 → v2), so one function covers every older object.
    migrations: { 2: (old: unknown) => migrateSettings(old), 3: (old: unknown) => migrateSettings(old) },
  });
}

/** The area settings are believed to live in before the probe answers (for storage.onChanged filters). */
let knownArea: SettingsArea = typeof browser.storage?.sync?.get === 'function' ? 'sync' : 'local';
export function currentSettingsArea(): SettingsArea {
  return knownArea;
}

async function chooseArea(): Promise<SettingsArea> {
  if (typeof browser.storage?.sync?.get !== 'function') return 'local';
  try {
    // Firefox refuses sync for add-ons without an explicit id (temporary installs): fall back, say so.
    await browser.storage.sync.get(SETTINGS_KEY);
    return 'sync';
  } catch (error) {
    console.warn('[duet] storage.sync is not usable here; settings stay on this device', error);
    return 'local';
  }
}

/**
 * Settings of a version before sync (v1 and older) are in `storage.local`. Moved once into the sync
 * item, migrated on the way; if sync already holds settings (another device of the reader's moved
 * first), those win and the local copy is dropped.
 */
async function moveLocalToSync(item: SettingsItem): Promise<void> {
  const local = (await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY];
  if (local === undefined || local === null) return;
  if ((await item.getValue()) == null) await item.setValue(migrateSettings(local));
  await browser.storage.local.remove([SETTINGS_KEY, `${SETTINGS_KEY}$`]);
}

let chosen: Promise<SettingsItem> | undefined;

/** The settings item of this context, after the area probe and the move from local (once per context). */
export function settingsItem(): Promise<SettingsItem> {
  chosen ??= (async () => {
    const area = await chooseArea();
    knownArea = area;
    const item = defineSettingsItem(area);
    if (area === 'sync') await moveLocalToSync(item);
    return item;
  })();
  const current = chosen;
  // A failed probe or move is tried again on the next read rather than remembered forever.
  current.catch(() => {
    if (chosen === current) chosen = undefined;
  });
  return current;
}

/** Tests: forget the chosen item, so the next read probes and moves again (as a fresh context would). */
export function forgetSettingsItem(): void {
  chosen = undefined;
  knownArea = typeof browser.storage?.sync?.get === 'function' ? 'sync' : 'local';
}
