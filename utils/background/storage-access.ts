/**
 * Keep `storage.local` (settings and provider keys) away from content scripts.
 * Chrome lets an extension restrict a storage area to trusted contexts (its service worker and pages);
 * Duet's content scripts get settings pushed by the background instead, never keys.
 * Older Chromes and Firefox only support this for `storage.session`: feature-detect, log, go on.
 */
export async function restrictStorageToTrustedContexts(): Promise<boolean> {
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
