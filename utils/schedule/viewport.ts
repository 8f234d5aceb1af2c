import type { Unit } from '../extract/types';

/**
 * Viewport-first scheduling: units on screen and about one screen ahead are asked for first,
 * the rest as the reader scrolls towards them. Each unit is reported at most once.
 */
export interface ViewportSchedulerOptions {
  /** Called once per observer tick with the units that became due, in document order. */
  onNeeded: (units: Unit[]) => void;
  /** How far beyond the viewport counts as "soon visible". Default: one screen above and below. */
  rootMargin?: string;
  /** Window whose IntersectionObserver is used (tests pass a fake one). */
  win?: Window;
}

export interface ViewportScheduler {
  observe(units: Unit[]): void;
  unobserve(unitIds: string[]): void;
  destroy(): void;
}

export const DEFAULT_ROOT_MARGIN = '100% 0px 100% 0px';

/** Node.DOCUMENT_POSITION_FOLLOWING, as a literal so it works for nodes of any realm. */
const FOLLOWING = 4;

export function sortInDocumentOrder(units: Unit[]): Unit[] {
  // Array.prototype.sort is stable: units sharing an element keep the order they were given in.
  return units.sort((a, b) => {
    if (a.element === b.element) return 0;
    return a.element.compareDocumentPosition(b.element) & FOLLOWING ? -1 : 1;
  });
}

export function createViewportScheduler(options: ViewportSchedulerOptions): ViewportScheduler {
  const win = (options.win ?? (typeof window === 'undefined' ? undefined : window)) as
    | (Window & typeof globalThis)
    | undefined;
  const Observer = win?.IntersectionObserver;
  /** Units waiting to become due, by the element the observer watches (a split block shares one element). */
  const waiting = new Map<Element, Unit[]>();
  const reported = new Set<string>();
  let destroyed = false;

  function report(due: Unit[]): void {
    if (destroyed || due.length === 0) return;
    for (const unit of due) reported.add(unit.id);
    options.onNeeded(sortInDocumentOrder(due));
  }

  /** Takes the units of these elements out of the waiting set and returns them. */
  function take(elements: Iterable<Element>): Unit[] {
    const due: Unit[] = [];
    for (const element of elements) {
      const units = waiting.get(element);
      if (!units) continue;
      waiting.delete(element);
      io?.unobserve(element);
      due.push(...units);
    }
    return due;
  }

  const io = Observer
    ? new Observer(
        (entries: IntersectionObserverEntry[]) => {
          const visible = entries.filter((e) => e.isIntersecting || e.intersectionRatio > 0).map((e) => e.target);
          report(take(visible));
        },
        { rootMargin: options.rootMargin ?? DEFAULT_ROOT_MARGIN },
      )
    : null;

  // Without IntersectionObserver (jsdom, very old engines) everything is due, batched per task in order.
  let flushQueued = false;
  function queueFallbackFlush(): void {
    if (flushQueued) return;
    flushQueued = true;
    queueMicrotask(() => {
      flushQueued = false;
      report(take([...waiting.keys()]));
    });
  }

  /**
   * Elements already on screen (or within one screen) are due now, not one frame later when the
   * observer first reports: that frame is most of Duet's own delay before the first request.
   * Layout is clean when analysis just ran, so these rect reads cost one layout at most.
   */
  function dueNow(elements: Element[]): Element[] {
    const height = win?.innerHeight ?? 0;
    if (!io || height === 0) return [];
    return elements.filter((element) => {
      const rect = element.getBoundingClientRect();
      const rendered = rect.width > 0 || rect.height > 0;
      return rendered && rect.bottom >= -height && rect.top <= 2 * height;
    });
  }

  return {
    observe(units) {
      if (destroyed) return;
      const added: Element[] = [];
      for (const unit of units) {
        if (reported.has(unit.id)) continue;
        const list = waiting.get(unit.element);
        if (list) {
          if (!list.some((u) => u.id === unit.id)) list.push(unit);
          continue;
        }
        waiting.set(unit.element, [unit]);
        io?.observe(unit.element);
        added.push(unit.element);
      }
      if (!io && waiting.size > 0) queueFallbackFlush();
      report(take(dueNow(added)));
    },

    unobserve(unitIds) {
      const ids = new Set(unitIds);
      for (const [element, units] of waiting) {
        const left = units.filter((u) => !ids.has(u.id));
        if (left.length > 0) waiting.set(element, left);
        else {
          waiting.delete(element);
          io?.unobserve(element);
        }
      }
    },

    destroy() {
      destroyed = true;
      io?.disconnect();
      waiting.clear();
    },
  };
}
