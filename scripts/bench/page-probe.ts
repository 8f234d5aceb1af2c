import type { CDPSession, Page } from 'playwright-core';

/**
 * What the benchmark records inside each page, installed with `addInitScript` before any page
 * script runs, identically with and without the extension (so its own cost cancels out):
 * - long tasks (PerformanceObserver 'longtask', buffered from navigation start);
 * - long animation frames ('long-animation-frame'): rendering (style, layout, pre-paint, paint) is
 *   not part of any long task, and on a heavy page it is where a DOM change costs the most;
 * - when each translation reaches `done`, by unit id, and when the first unit was marked.
 * The DOM observer starts at DOMContentLoaded: the content script runs at document_end, right after it,
 * and observing a 5 MB page while it parses would cost the page more than the extension does.
 * Duet's own performance marks (utils/content/marks.ts: `duet:start`, `duet:requested`, …) share the
 * page's timeline and are read with the rest.
 * Functions passed to the browser repeat attribute names (utils/dom-labels.ts) instead of importing.
 */
export interface ProbeData {
  longTasks: Array<{ start: number; duration: number }>;
  /** Animation frames over 50 ms: start, duration, and when rendering began (renderStart). */
  longFrames: Array<{ start: number; duration: number; renderStart: number }>;
  /** performance.now() when each unit's translation reached done (first time only). */
  doneAt: Record<string, number>;
  firstUnitAt?: number;
  /** The page's own DOMContentLoaded (end of its handlers): "page ready". */
  domContentLoaded?: number;
  loadEnd?: number;
  /** Duet's marks by step ('start', 'settings', 'analysed', 'requested', 'first-result'), page clock. */
  marks?: Record<string, number>;
  /** performance.timeOrigin, to put Node-side timestamps on the page's clock. */
  timeOrigin: number;
}

export async function installProbe(page: Page): Promise<void> {
  // tsx (esbuild keepNames) wraps named functions in `__name(...)`, a helper that does not exist in
  // the page; the probe below has such functions, so give the page a no-op one first.
  await page.addInitScript({ content: 'globalThis.__name ??= (f) => f;' });
  await page.addInitScript(() => {
    type Frame = { start: number; duration: number; renderStart: number };
    type W = { __benchProbe?: { longTasks: Array<{ start: number; duration: number }>; longFrames: Frame[]; doneAt: Record<string, number>; firstUnitAt?: number } };
    const probe = { longTasks: [] as Array<{ start: number; duration: number }>, longFrames: [] as Frame[], doneAt: {} as Record<string, number>, firstUnitAt: undefined as number | undefined };
    (window as unknown as W).__benchProbe = probe;
    try {
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) probe.longTasks.push({ start: e.startTime, duration: e.duration });
      }).observe({ type: 'longtask', buffered: true });
    } catch {
      // No long-task API: the figures stay empty and the report says so.
    }
    try {
      new PerformanceObserver((list) => {
        for (const e of list.getEntries() as Array<PerformanceEntry & { renderStart: number }>) probe.longFrames.push({ start: e.startTime, duration: e.duration, renderStart: e.renderStart });
      }).observe({ type: 'long-animation-frame', buffered: true });
    } catch {
      // No long-animation-frame API (Chromium < 123): frame figures stay empty.
    }
    const DONE = 'duet-translation[data-duet-state="done"]';
    const markDone = (el: Element, now: number) => {
      const id = el.getAttribute('data-duet-for');
      if (id !== null && probe.doneAt[id] === undefined) probe.doneAt[id] = now;
    };
    const observer = new MutationObserver((records) => {
      const now = performance.now();
      for (const r of records) {
        if (r.type === 'attributes') {
          const el = r.target as Element;
          if (r.attributeName === 'data-duet-unit') probe.firstUnitAt ??= el.hasAttribute('data-duet-unit') ? now : undefined;
          else if (el.matches(DONE)) markDone(el, now);
          continue;
        }
        for (const node of r.addedNodes) {
          if (node.nodeType !== 1) continue;
          const el = node as Element;
          if (el.matches(DONE)) markDone(el, now);
          // Only our own wrappers can hold translations; never search the page's subtrees.
          if (el.tagName.startsWith('DUET-')) for (const t of el.querySelectorAll(DONE)) markDone(t, now);
        }
      }
    });
    const start = () => observer.observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-duet-state', 'data-duet-unit'] });
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start, { once: true });
    else start();
  });
}

export function readProbe(page: Page): Promise<ProbeData> {
  return page.evaluate(() => {
    type P = { longTasks: Array<{ start: number; duration: number }>; longFrames: Array<{ start: number; duration: number; renderStart: number }>; doneAt: Record<string, number>; firstUnitAt?: number };
    const probe = (window as unknown as { __benchProbe?: P }).__benchProbe ?? { longTasks: [], longFrames: [], doneAt: {} };
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    const marks: Record<string, number> = {};
    for (const m of performance.getEntriesByType('mark')) if (m.name.startsWith('duet:')) marks[m.name.slice(5)] ??= m.startTime;
    return {
      marks,
      longTasks: [...probe.longTasks],
      longFrames: [...probe.longFrames],
      doneAt: { ...probe.doneAt },
      firstUnitAt: probe.firstUnitAt,
      domContentLoaded: nav?.domContentLoadedEventEnd || undefined,
      loadEnd: nav?.loadEventEnd || undefined,
      timeOrigin: performance.timeOrigin,
    };
  });
}

/** Epoch ms with sub-millisecond precision, comparable with a page's `timeOrigin + now()`. */
export function epochNow(): number {
  return performance.timeOrigin + performance.now();
}

/** JS heap in use after a full garbage collection (bytes): the page's world and content scripts share the isolate. */
export async function heapUsedAfterGc(session: CDPSession): Promise<number> {
  await session.send('HeapProfiler.collectGarbage');
  const usage = (await session.send('Runtime.getHeapUsage')) as { usedSize: number };
  return usage.usedSize;
}
