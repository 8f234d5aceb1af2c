import { translateSingle } from './google';
import type { TranslateRequest, Translation, Translator } from '../types';

/**
 * Google's single-text endpoint as a service of its own: a step of the keyless fallback chain
 * (../fallback-chain.ts), not a choice in the settings. One text per GET, sent one after the other so
 * a fallback never multiplies the load on Google; its own health and queue, so a blocked batch
 * endpoint does not hold it back and the other way round.
 */
export const googleSingle: Translator = {
  id: 'google-single',
  label: 'Google Translate (single-text endpoint)',
  limits: {
    maxTextsPerRequest: 8,
    maxCharsPerRequest: 5_000,
    requestsPerSecond: 4,
    concurrency: 1,
    timeoutMs: 20_000,
  },
  configFields: [],
  // The same service as the batch endpoint, but the answers may differ slightly: kept apart.
  cacheKeyParts: () => ['single-v1'],
  async translate({ texts, from, to, signal }: TranslateRequest) {
    const results: Translation[] = [];
    for (const text of texts) results.push(await translateSingle(text, from, to, signal));
    return results;
  },
};
