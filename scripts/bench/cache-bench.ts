import { fileURLToPath } from 'node:url';
import type { Worker } from 'playwright-core';
import { createRng } from './prng';
import { paragraph } from './news-text';
import type { CacheWorkloadResult } from './cache-workload';

/**
 * Cache figures for 1,000 units (issue 5): lookups per second and stored bytes, measured
 *  - in Node over fake-indexeddb (labelled so: an in-memory fake, not a browser's IndexedDB), and
 *  - in the extension's service worker over Chromium's IndexedDB: the product's cache module is
 *    bundled (vite, IIFE) and evaluated there, against a database of its own.
 */
export const CACHE_UNITS = 1000;
const WORKLOAD_ENTRY = fileURLToPath(new URL('./cache-workload.ts', import.meta.url));

export function cacheTexts(seed: number, units = CACHE_UNITS): string[] {
  const rng = createRng(seed + 99);
  return Array.from({ length: units }, (_, i) => paragraph(rng, rng.int(220, 520), i + 1));
}

export async function cacheInNode(texts: string[]): Promise<CacheWorkloadResult> {
  // @ts-expect-error -- the side-effect entry has no type declarations; it installs indexedDB globally.
  await import('fake-indexeddb/auto');
  const { runCacheWorkload } = await import('./cache-workload');
  return runCacheWorkload(texts, 'duet-bench-cache-node');
}

/** The workload bundled as one script that sets `globalThis.DuetBenchCache`. */
export async function bundleWorkload(): Promise<string> {
  const { build } = await import('vite');
  const result = await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      write: false,
      minify: false,
      lib: { entry: WORKLOAD_ENTRY, formats: ['iife'], name: 'DuetBenchCache', fileName: () => 'cache-workload.js' },
    },
  });
  const outputs = (Array.isArray(result) ? result : [result]) as Array<{ output?: Array<{ type: string; code?: string }> }>;
  const chunk = outputs.flatMap((o) => o.output ?? []).find((o) => o.type === 'chunk' && o.code);
  if (!chunk?.code) throw new Error('bundling the cache workload produced no code');
  return chunk.code;
}

export async function cacheInServiceWorker(sw: Worker, texts: string[], bundle: string): Promise<CacheWorkloadResult> {
  // `var DuetBenchCache = …` inside an indirect eval lands on the worker's global object.
  await sw.evaluate((code) => (0, eval)(code), bundle);
  return sw.evaluate(
    ([t, db]) => (globalThis as unknown as { DuetBenchCache: { runCacheWorkload: (t: string[], db: string) => Promise<CacheWorkloadResult> } }).DuetBenchCache.runCacheWorkload(t, db),
    [texts, 'duet-bench-cache'] as const,
  );
}

/** Lookups per second and bytes per 1,000 units, from one workload result. */
export function cacheRates(r: CacheWorkloadResult): { batchLookupsPerSec: number; singleLookupsPerSec: number; cacheBytesPer1000: number; storageBytesPer1000?: number } {
  return {
    batchLookupsPerSec: (r.units / r.batchLookupMs) * 1000,
    singleLookupsPerSec: (r.units / r.singleLookupsMs) * 1000,
    cacheBytesPer1000: (r.cacheBytes / r.units) * 1000,
    storageBytesPer1000: r.storageDeltaBytes === undefined ? undefined : (r.storageDeltaBytes / r.units) * 1000,
  };
}
