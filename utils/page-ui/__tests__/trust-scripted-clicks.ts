import { afterEach, beforeEach } from 'vitest';
import { clickTrust } from '../trusted-click';

/**
 * jsdom has no trusted events (`element.click()` is untrusted, as a page script's would be): tests that
 * stand in for the reader's clicks call this once at the top of the file.
 */
export function trustScriptedClicks(): void {
  const real = clickTrust.isTrusted;
  beforeEach(() => {
    clickTrust.isTrusted = () => true;
  });
  afterEach(() => {
    clickTrust.isTrusted = real;
  });
}
