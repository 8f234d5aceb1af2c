import type { Worker } from 'playwright-core';

/**
 * Probes inside the extension's service worker (epoch ms, comparable with a page's clock):
 * - runtime messages received: the content script's first act is `startPage`, so its arrival
 *   is the benchmark's "content script started" mark (CDP's execution-context event reaches Node
 *   too late and too irregularly to time anything; traced: up to 120 ms after the script ran);
 * - when the background calls `fetch` (the provider request leaving Duet);
 * - how long each `indexedDB.open` takes (the cache opens lazily on first use, utils/background/setup.ts).
 * Wraps globals the product calls by name at call time, so nothing else changes.
 */
export interface SwEvents {
  fetches: number[];
  idbOpens: Array<{ at: number; ms: number }>;
  /** Runtime messages received (type and time): a content script's first act is `startPage`. */
  messages: Array<{ type: string; at: number }>;
}

export async function installSwProbe(sw: Worker): Promise<void> {
  // Code from tsx may reference esbuild's `__name` helper, which the worker lacks.
  await sw.evaluate('globalThis.__name ??= (f) => f');
  await sw.evaluate(() => {
    type Listener = (message: unknown) => undefined;
    const g = globalThis as unknown as {
      __benchSw?: SwEvents;
      fetch: typeof fetch;
      indexedDB: IDBFactory;
      chrome: { runtime: { onMessage: { addListener(l: Listener): void } } };
    };
    if (g.__benchSw) return;
    const events: SwEvents = { fetches: [], idbOpens: [], messages: [] };
    g.__benchSw = events;
    const now = () => performance.timeOrigin + performance.now();
    const originalFetch = g.fetch.bind(g);
    g.fetch = (input, init) => {
      events.fetches.push(now());
      return originalFetch(input, init);
    };
    // Returns undefined: never answers, so the product's own listener still does.
    g.chrome.runtime.onMessage.addListener((message) => {
      const type = (message as { type?: unknown } | null)?.type;
      events.messages.push({ type: typeof type === 'string' ? type : '?', at: now() });
      return undefined;
    });
    const factory = g.indexedDB;
    const originalOpen = factory.open.bind(factory);
    factory.open = (name: string, version?: number) => {
      const at = now();
      const request = originalOpen(name, version);
      request.addEventListener('success', () => events.idbOpens.push({ at, ms: now() - at }));
      return request;
    };
  });
}

/** Events since the last read (the read clears them). Empty if the worker restarted (probe gone). */
export async function takeSwEvents(sw: Worker): Promise<SwEvents> {
  return sw.evaluate(() => {
    const g = globalThis as unknown as { __benchSw?: SwEvents };
    const e = g.__benchSw ?? { fetches: [], idbOpens: [], messages: [] };
    const copy = { fetches: [...e.fetches], idbOpens: [...e.idbOpens], messages: [...e.messages] };
    e.fetches.length = 0;
    e.idbOpens.length = 0;
    e.messages.length = 0;
    return copy;
  });
}
