import type { ProviderId } from '../types';

/**
 * Providers a build offers to the reader. Chrome's on-device Translator does not exist in Firefox,
 * so Firefox builds never list it (the popup and options would only show it as unusable). Firefox's
 * own local translation engine (Bergamot) is not exposed to extensions — no WebExtension API for
 * it as of Firefox 153 — so there is no Firefox-only provider to add; Apertium APy and a local
 * LibreTranslate are the on-machine choices there.
 */
const CHROME_ONLY: readonly ProviderId[] = ['chrome-builtin'];

export function isProviderOffered(id: ProviderId, firefox: boolean = import.meta.env.FIREFOX === true): boolean {
  return !(firefox && CHROME_ONLY.includes(id));
}
