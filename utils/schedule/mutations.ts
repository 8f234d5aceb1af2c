import { isOwnNode } from '../dom-labels';

/**
 * Watches a root for content the page adds later (infinite scroll, lazy article bodies, SPA
 * navigation) with one MutationObserver. Records are reduced to the outermost added elements;
 * past a threshold the caller is told to rescan the whole body instead (cheaper than diffing).
 * Our own nodes never count: they carry Duet's tags, and writes made inside `pause` are dropped.
 */
export interface MutationWatchOptions {
  /** Quiet time before added roots are reported. Default 50 ms. */
  debounceMs?: number;
  /** More added roots than this in one report → `onAdded([body])` (full rescan). Default 200. */
  fullRescanThreshold?: number;
}

export interface MutationWatcher {
  disconnect(): void;
  /** Runs `fn` (synchronously) with its DOM writes invisible to the watcher; returns what fn returns. */
  pause<T>(fn: () => T): T;
}

/** Bursts that never go quiet (tickers, animations) are still reported this many debounce periods in. */
const MAX_WAIT_FACTOR = 10;

export function watchMutations(
  root: Node,
  onAdded: (addedRoots: Element[]) => void,
  options: MutationWatchOptions = {},
): MutationWatcher {
  const debounceMs = options.debounceMs ?? 50;
  const threshold = options.fullRescanThreshold ?? 200;
  const doc = root.nodeType === 9 ? (root as Document) : root.ownerDocument!;
  const Observer = doc.defaultView?.MutationObserver ?? globalThis.MutationObserver;
  const pending = new Set<Element>();
  let overflow = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let firstPendingAt = 0;
  let connected = true;

  function collect(records: MutationRecord[]): void {
    for (const record of records) {
      for (const node of record.addedNodes) {
        let element: Element | null = null;
        if (node.nodeType === 1) element = node as Element;
        // Text put into an existing element (a lazily filled paragraph) makes that element new content.
        else if (node.nodeType === 3 && node.textContent?.trim() && record.target.nodeType === 1) element = record.target as Element;
        if (!element || isOwnNode(element)) continue;
        if (overflow) continue;
        pending.add(element);
        if (pending.size > threshold) {
          overflow = true;
          pending.clear();
        }
      }
    }
    if (pending.size > 0 || overflow) schedule();
  }

  function schedule(): void {
    const now = Date.now();
    if (timer === undefined) firstPendingAt = now;
    else if (now - firstPendingAt >= debounceMs * MAX_WAIT_FACTOR) return; // let the running timer fire
    clearTimeout(timer);
    timer = setTimeout(flush, debounceMs);
  }

  function flush(): void {
    timer = undefined;
    if (!connected) return;
    if (overflow) {
      overflow = false;
      pending.clear();
      onAdded([doc.body ?? doc.documentElement]);
      return;
    }
    const roots = outermost([...pending].filter((el) => el.isConnected));
    pending.clear();
    if (roots.length > 0) onAdded(roots);
  }

  const observer = new Observer(collect);
  observer.observe(root, { childList: true, subtree: true });

  return {
    disconnect() {
      connected = false;
      observer.disconnect();
      clearTimeout(timer);
      timer = undefined;
      pending.clear();
    },
    pause<T>(fn: () => T): T {
      if (!connected) return fn();
      collect(observer.takeRecords()); // the page's own changes so far still count
      try {
        return fn();
      } finally {
        observer.takeRecords(); // ours: dropped before the observer's callback can see them
      }
    },
  };
}

/** Drops every element that has an ancestor in the set; the rest in document order. */
function outermost(elements: Element[]): Element[] {
  const set = new Set(elements);
  const roots = elements.filter((el) => {
    for (let p = el.parentElement; p; p = p.parentElement) if (set.has(p)) return false;
    return true;
  });
  return roots.sort((a, b) => (a.compareDocumentPosition(b) & 4 ? -1 : 1));
}
