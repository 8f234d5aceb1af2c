import type { ProviderLimits } from '../../utils/translate/types';

/**
 * The fewest requests a provider's per-request limits allow for some texts (issue 5's request
 * budget). Texts are packed in reading order, as a batcher must to translate the top of the page
 * first; filling each request before starting the next is optimal for in-order packing. A text
 * longer than the character limit needs requests of its own (split at the limit).
 */
export function minRequests(lengths: readonly number[], limits: Pick<ProviderLimits, 'maxTextsPerRequest' | 'maxCharsPerRequest'>): number {
  const { maxTextsPerRequest: maxTexts, maxCharsPerRequest: maxChars } = limits;
  let requests = 0;
  let texts = 0;
  let chars = 0;
  for (const length of lengths) {
    if (length > maxChars) {
      // Close the open request, then the long text alone in ceil(length / maxChars) pieces.
      if (texts > 0) requests++;
      requests += Math.ceil(length / maxChars);
      texts = 0;
      chars = 0;
      continue;
    }
    if (texts > 0 && (texts + 1 > maxTexts || chars + length > maxChars)) {
      requests++;
      texts = 0;
      chars = 0;
    }
    texts++;
    chars += length;
  }
  return requests + (texts > 0 ? 1 : 0);
}
