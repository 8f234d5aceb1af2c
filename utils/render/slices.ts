/**
 * Work over many items that must never hold the page's main thread long: items are handled in
 * slices of at most SLICE_MS, yielding to the page between slices (50 ms is a long task; a slice
 * leaves room for the page's own work and a frame). Small batches finish synchronously, in the call.
 */
export const SLICE_MS = 8;

export interface SliceRun {
  cancel(): void;
}

export interface SliceOptions {
  /** Wraps each slice's writes (the mutation watcher's pause). */
  mutate?: <T>(fn: () => T) => T;
  /** Called once, after the last item. */
  done?: () => void;
  now?: () => number;
  /** Items between two looks at the clock (default 64: cheap items); 1 for items that are themselves batches. */
  checkEvery?: number;
  /** Schedules the next slice (default: a zero-delay timer). */
  later?: (fn: () => void) => void;
}

export function runInSlices<T>(items: readonly T[], each: (item: T) => void, options: SliceOptions = {}): SliceRun {
  const mutate = options.mutate ?? (<R>(fn: () => R): R => fn());
  const now = options.now ?? (() => performance.now());
  const later = options.later ?? ((fn) => void setTimeout(fn, 0));
  const every = Math.max(1, options.checkEvery ?? 64);
  let next = 0;
  let cancelled = false;

  function slice(): void {
    if (cancelled) return;
    const until = now() + SLICE_MS;
    mutate(() => {
      // The clock is read every `every` items: reading it costs more than most items.
      while (next < items.length) {
        each(items[next++]!);
        if (next % every === 0 && now() >= until) break;
      }
    });
    if (next < items.length) later(slice);
    else {
      cancelled = true;
      options.done?.();
    }
  }

  slice();
  return {
    cancel() {
      cancelled = true;
    },
  };
}
