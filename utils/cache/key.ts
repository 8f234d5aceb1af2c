import { MARKUP_VERSION } from '../rich-text/inline-tags';

/**
 * Cache keys (DESIGN.md "Background"): SHA-256 of everything that changes a translation's output —
 * provider id, the provider's output-changing settings (model, prompt version), source and target
 * language, and the normalised text. Never an API key: `providerParts` comes from
 * `Translator.cacheKeyParts`, which must not return secrets.
 */
export interface CacheKeyParts {
  provider: string;
  providerParts: string[];
  from: string;
  to: string;
  text: string;
  /**
   * The top-level site the text was read on (`https://example.co.uk`), like browsers' partitioned HTTP
   * caches: a page on another site never gets this translation from the cache, so it cannot learn by
   * timing what the reader read elsewhere. Empty: not tied to a page (tests, the options page's sample).
   */
  site?: string;
}

/** Bump when the key recipe changes, so old entries simply stop matching (and age out via LRU). */
const KEY_RECIPE = 'duet-cache-key-v1';

/** Whitespace differences never change a translation: collapse runs to one space and trim. */
export function normaliseText(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

const encoder = new TextEncoder();

/** Hex SHA-256 of the parts, joined as a JSON array so no two different part lists share a string. */
export async function cacheKey(parts: CacheKeyParts): Promise<string> {
  const joined = JSON.stringify([
    KEY_RECIPE,
    MARKUP_VERSION, // texts are Duet's inline markup form (utils/rich-text): a new form never meets old answers
    parts.provider,
    parts.providerParts,
    parts.from,
    parts.to,
    normaliseText(parts.text),
    parts.site ?? '',
  ]);
  const digest = await crypto.subtle.digest('SHA-256', encoder.encode(joined));
  let hex = '';
  for (const byte of new Uint8Array(digest)) hex += byte.toString(16).padStart(2, '0');
  return hex;
}
