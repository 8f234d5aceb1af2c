import { browser } from 'wxt/browser';
import { PROVIDER_CONFIG_KEY } from '../translate/provider-config';
import { takeFromStorageLocal } from '../translate/provider-config-vault';

/**
 * Keep `storage.local` (settings and provider keys) away from content scripts.
 * Chrome lets an extension restrict a storage area to trusted contexts (its service worker and pages);
 * Duet's content scripts get settings pushed by the background instead, never keys.
 * Older Chromes only support this for `storage.session`: feature-detect, log, go on.
 * Firefox always exposes storage.local to content scripts (Mozilla bug 1724754), so there keys are
 * kept out of it altogether: see keepKeysOutOfStorageLocal.
 */
export async function restrictStorageToTrustedContexts(): Promise<boolean> {
  if (import.meta.env.FIREFOX) return keepKeysOutOfStorageLocal();
  const local = (globalThis as { chrome?: { storage?: { local?: { setAccessLevel?: (o: object) => Promise<void> } } } })
    .chrome?.storage?.local;
  if (!local?.setAccessLevel) {
    console.warn('[duet] storage.local.setAccessLevel is unavailable; content scripts never ask for keys anyway.');
    return false;
  }
  try {
    await local.setAccessLevel({ accessLevel: 'TRUSTED_CONTEXTS' });
    return true;
  } catch (error) {
    console.warn('[duet] could not restrict storage.local to trusted contexts', error);
    return false;
  }
}

/**
 * Firefox: provider settings live in the extension-only IndexedDB vault. Whatever still puts them in
 * storage.local (an older build, a script) is moved into the vault at start and as soon as it appears.
 */
function keepKeysOutOfStorageLocal(): boolean {
  const move = () =>
    takeFromStorageLocal(browser.storage.local, PROVIDER_CONFIG_KEY).catch((error: unknown) =>
      console.error('[duet] could not move provider settings out of storage.local', error),
    );
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && changes[PROVIDER_CONFIG_KEY]?.newValue !== undefined) void move();
  });
  void move();
  return true;
}
