/**
 * The fixed tuning/check split (issue 10): a page belongs to one half by a hash of its id, so the split never
 * depends on the order or the number of pages, and nobody chooses which pages land where. Tune rules on
 * `tuning` only; `check` tells whether a change generalises (a change that raises tuning and lowers check is
 * rejected).
 */
import { createHash } from 'node:crypto';

export type Half = 'tuning' | 'check';

export function halfOf(id: string): Half {
  const first = createHash('sha256').update(`duet-split-v1:${id}`).digest()[0]!;
  return first < 128 ? 'tuning' : 'check';
}
