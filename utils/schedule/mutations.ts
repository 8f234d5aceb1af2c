import { isOwnNode } from '../dom-labels';

/**
 * Watches a root with one MutationObserver (STYLE.md §7, §14) and reduces its records to what the
 * session needs: the outermost added elements, the elements whose own content changed (text edited,
 * children added or removed — Duet's own nodes taken out by the page included, so they can be put
 * back), and whether anything was removed. Past a threshold of added roots the caller is told to do
 * one full pass instead (cheaper than diffing). Writes made inside `pause` (Duet's own) are dropped.
 */
export interface PageChanges {
  /** Outermost added elements still in the page, in document order (empty on overflow). */
  added: Element[];
  /** Connected elements whose text or children changed. */
  touched: Element[];
  /** Some page node was removed: units may be gone. */
  removed: boolean;
  /** More additions than the threshold: do one full pass. */
  overflow: boolean;
}

export interface MutationWatchOptions {
  /** Quiet time before changes are reported. Default 50 ms. */
  debounceMs?: number;
  /** More added roots than this in one report → `overflow`. Default 200. */
  fullRescanThreshold?: number;
}

export interface MutationWatcher {
  disconnect(): void;
  /** Runs `fn` (synchronously) with its DOM writes invisible to the watcher; returns what fn returns. */
  pause<T>(fn: () => T): T;
}

/** Bursts that never go quiet (tickers, animations) are still reported this many debounce periods in. */
const MAX_WAIT_FACTOR = 10;

export function watchMutations(root: Node, onChanges: (changes: PageChanges) => void, options: MutationWatchOptions = {}): MutationWatcher {
  const debounceMs = options.debounceMs ?? 50;
  const threshold = options.fullRescanThreshold ?? 200;
  const doc = root.nodeType === 9 ? (root as Document) : root.ownerDocument!;
  const Observer = doc.defaultView?.MutationObserver ?? globalThis.MutationObserver;
  const added = new Set<Element>();
  const touched = new Set<Element>();
  let removed = false;
  let overflow = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let firstPendingAt = 0;
  let connected = true;

  function touch(node: Node | null): void {
    const el = node && (node.nodeType === 1 ? (node as Element) : node.parentElement);
    if (el && !isOwnNode(el)) touched.add(el);
  }

  function collect(records: MutationRecord[]): void {
    let any = false;
    for (const record of records) {
      if (record.type === 'characterData') {
        if (!isOwnNode(record.target)) {
          touch(record.target);
          any = true;
        }
        continue;
      }
      if (isOwnNode(record.target)) continue; // inside our own nodes
      for (const node of record.removedNodes) {
        any = true;
        if (node.nodeType === 1 && isOwnNode(node)) touch(record.target); // the page took our node out
        else {
          removed = true;
          touch(record.target);
        }
      }
      for (const node of record.addedNodes) {
        if (node.nodeType === 1) {
          const element = node as Element;
          if (isOwnNode(element)) continue;
          any = true;
          touch(record.target);
          if (overflow) continue;
          added.add(element);
          if (added.size > threshold) {
            overflow = true;
            added.clear();
          }
        } else if (node.nodeType === 3 && node.textContent?.trim()) {
          // Text put into an existing element (a lazily filled paragraph, a re-rendered text node).
          touch(record.target);
          any = true;
        }
      }
    }
    if (any) schedule();
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
    const changes: PageChanges = {
      added: overflow ? [] : outermost([...added].filter((el) => el.isConnected)),
      touched: [...touched].filter((el) => el.isConnected),
      removed,
      overflow,
    };
    added.clear();
    touched.clear();
    removed = false;
    overflow = false;
    if (changes.added.length || changes.touched.length || changes.removed || changes.overflow) onChanges(changes);
  }

  const observer = new Observer(collect);
  observer.observe(root, { childList: true, subtree: true, characterData: true });

  return {
    disconnect() {
      connected = false;
      observer.disconnect();
      clearTimeout(timer);
      timer = undefined;
      added.clear();
      touched.clear();
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
