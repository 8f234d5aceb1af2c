/**
 * Statistics over repeated runs. Every figure the benchmark prints is a median: on a shared
 * 2-core machine single runs jump around, and the median ignores the odd slow run.
 */

/** Median of the defined numbers; undefined when there are none. */
export function median(values: ReadonlyArray<number | undefined>): number | undefined {
  const xs = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v)).sort((a, b) => a - b);
  if (xs.length === 0) return undefined;
  const mid = xs.length >> 1;
  return xs.length % 2 ? xs[mid]! : (xs[mid - 1]! + xs[mid]!) / 2;
}

export function max(values: ReadonlyArray<number | undefined>): number | undefined {
  const xs = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  return xs.length ? Math.max(...xs) : undefined;
}

/** a / b, or undefined when either is missing or b is 0. */
export function ratio(a: number | undefined, b: number | undefined): number | undefined {
  return a === undefined || b === undefined || b === 0 ? undefined : a / b;
}

export interface Interval {
  start: number;
  end: number;
}

/**
 * How long, up to `until`, at least one interval was open: the time the page spent waiting on the
 * provider. Overlapping requests (the queue runs two at once) count once, so "time minus this"
 * is what Duet itself added.
 */
export function coveredTime(intervals: readonly Interval[], until: number): number {
  const clipped = intervals
    .map((i) => ({ start: i.start, end: Math.min(i.end, until) }))
    .filter((i) => i.end > i.start)
    .sort((a, b) => a.start - b.start);
  let total = 0;
  let curStart = -Infinity;
  let curEnd = -Infinity;
  for (const { start, end } of clipped) {
    if (start > curEnd) {
      if (curEnd > curStart) total += curEnd - curStart;
      curStart = start;
      curEnd = end;
    } else if (end > curEnd) {
      curEnd = end;
    }
  }
  if (curEnd > curStart) total += curEnd - curStart;
  return total;
}
