import { textLength } from '../rich-text/wire';
import type { ProviderLimits } from './types';

/**
 * How waiting texts become provider requests (used by ./batcher.ts): as few requests as the
 * provider's limits allow, and a one-request burst split in two when that is faster.
 */

/** Greedy in-order packing: a new request starts only when the next text would break a limit. */
export function packTexts<T extends { text: string }>(items: T[], limits: Pick<ProviderLimits, 'maxTextsPerRequest' | 'maxCharsPerRequest'>): T[][] {
  const chunks: T[][] = [];
  let current: T[] = [];
  let chars = 0;
  for (const item of items) {
    const length = textLength(item.text); // markup tags are not charged (issue 11)
    if (current.length > 0 && (current.length >= limits.maxTextsPerRequest || chars + length > limits.maxCharsPerRequest)) {
      chunks.push(current);
      current = [];
      chars = 0;
    }
    current.push(item);
    chars += length;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

/**
 * Below this many characters one request is as quick as two: providers answer in a fixed time plus a
 * time per character, and only the per-character part is halved by splitting.
 */
export const SPLIT_MIN_CHARS = 1_500;

/**
 * Latency split: a burst that fits in ONE request goes out as two of about equal size when the
 * provider has a free second slot and the text is long enough for its size to dominate the wait
 * (the reader is looking at these paragraphs now). At most one extra request per burst; bursts that
 * need several requests already use the provider's concurrency and are never split.
 */
export function splitForLatency<T extends { text: string }>(chunk: T[], limits: ProviderLimits): T[][] {
  const total = chunk.reduce((sum, item) => sum + textLength(item.text), 0);
  if (limits.concurrency < 2 || chunk.length < 2 || total < SPLIT_MIN_CHARS) return [chunk];
  let cut = 0;
  for (let chars = 0; cut < chunk.length - 1 && chars < total / 2; cut++) chars += textLength(chunk[cut]!.text);
  return [chunk.slice(0, cut), chunk.slice(cut)];
}

export function isFull(chunk: { text: string }[], limits: ProviderLimits): boolean {
  const chars = chunk.reduce((sum, item) => sum + textLength(item.text), 0);
  return chunk.length >= limits.maxTextsPerRequest || chars >= limits.maxCharsPerRequest;
}

