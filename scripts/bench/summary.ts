import type { BundleSizes } from './bundle-size';
import type { BatchTiming } from './endless';
import type { ExtractTiming } from './extract-timing';
import type { PageName } from './generate-pages';
import type { LoadSample } from './load-page';
import { max, median } from './stats';

/** Everything one run measured for one page. */
export interface PageRun {
  baseline: LoadSample;
  /** The same page loaded a second time without the extension, in the same browser: the noise between two plain loads. */
  baselineAgain?: LoadSample;
  cold: LoadSample;
  warm: LoadSample;
  endless?: { batches: BatchTiming[]; repeatedTexts: string[] };
}

/** Medians over runs, field by field (numbers only; missing values are skipped). */
export type Medians = { [K in keyof LoadSample]?: number };
/** Smallest and largest value over runs, field by field. */
export type Ranges = { [K in keyof LoadSample]?: [number, number] };

/** A paired difference over runs (Duet's load minus the plain load of the same run). */
export interface Spread {
  median?: number;
  min?: number;
  max?: number;
}

/** The page's own timings with Duet against without, paired by run (issue 15: "unchanged within noise"). */
export interface PageImpact {
  /** DOMContentLoaded and load: cold Duet load − plain load, per run. */
  readyDelta: Spread;
  loadDelta: Spread;
  /** The largest |second plain load − first plain load| of any run: how much two loads without Duet differ. */
  readyNoise?: number;
  loadNoise?: number;
}

export interface PageSummary {
  page: PageName;
  runs: number;
  baseline: Medians;
  cold: Medians;
  warm: Medians;
  coldRange: Ranges;
  warmRange: Ranges;
  baselineRange: Ranges;
  impact: PageImpact;
  /** Loads whose on-screen translations never all finished. */
  coldTimeouts: number;
  warmTimeouts: number;
  /** Most warm-cache requests seen in any run (the budget is 0 in every run). */
  warmRequestsMax: number;
  endless?: {
    /** Per batch index: median over runs of ms until all its paragraphs were translated. */
    batchAllMs: Array<number | undefined>;
    batchFirstMs: Array<number | undefined>;
    /** Slowest batch, by its median over runs (undefined when none finished). */
    worstAllMs?: number;
    unfinishedBatches: number;
    repeatedTexts: number;
  };
}

export function mediansOf(samples: readonly LoadSample[]): Medians {
  const out: Medians = {};
  const keys = new Set(samples.flatMap((s) => Object.keys(s))) as Set<keyof LoadSample>;
  for (const key of keys) {
    const values = samples.map((s) => s[key]).filter((v): v is number => typeof v === 'number');
    if (values.length) (out as Record<string, number | undefined>)[key] = median(values);
  }
  return out;
}

export function rangesOf(samples: readonly LoadSample[]): Ranges {
  const out: Ranges = {};
  const keys = new Set(samples.flatMap((s) => Object.keys(s))) as Set<keyof LoadSample>;
  for (const key of keys) {
    const values = samples.map((s) => s[key]).filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
    if (values.length) (out as Record<string, [number, number]>)[key] = [Math.min(...values), Math.max(...values)];
  }
  return out;
}

export function spread(values: ReadonlyArray<number | undefined>): Spread {
  const xs = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  return xs.length ? { median: median(xs), min: Math.min(...xs), max: Math.max(...xs) } : {};
}

const diff = (a: number | undefined, b: number | undefined) => (a === undefined || b === undefined ? undefined : a - b);

export function pageImpact(runs: readonly PageRun[]): PageImpact {
  const noise = (key: 'pageReady' | 'pageLoad') => max(runs.map((r) => (r.baselineAgain ? diff(r.baselineAgain[key], r.baseline[key]) : undefined)).map((d) => (d === undefined ? undefined : Math.abs(d))));
  return {
    readyDelta: spread(runs.map((r) => diff(r.cold.pageReady, r.baseline.pageReady))),
    loadDelta: spread(runs.map((r) => diff(r.cold.pageLoad, r.baseline.pageLoad))),
    readyNoise: noise('pageReady'),
    loadNoise: noise('pageLoad'),
  };
}

export function summarisePage(page: PageName, runs: readonly PageRun[]): PageSummary {
  const summary: PageSummary = {
    page,
    runs: runs.length,
    baseline: mediansOf(runs.map((r) => r.baseline)),
    cold: mediansOf(runs.map((r) => r.cold)),
    warm: mediansOf(runs.map((r) => r.warm)),
    coldRange: rangesOf(runs.map((r) => r.cold)),
    warmRange: rangesOf(runs.map((r) => r.warm)),
    baselineRange: rangesOf(runs.map((r) => r.baseline)),
    impact: pageImpact(runs),
    coldTimeouts: runs.filter((r) => r.cold.timedOut).length,
    warmTimeouts: runs.filter((r) => r.warm.timedOut).length,
    warmRequestsMax: max(runs.map((r) => r.warm.requests)) ?? 0,
  };
  const endless = runs.map((r) => r.endless).filter((e) => e !== undefined);
  if (endless.length) {
    const batches = Math.max(...endless.map((e) => e.batches.length));
    const at = (i: number, key: 'all' | 'first') => median(endless.map((e) => e.batches[i]?.[key]));
    const all = endless.flatMap((e) => e.batches);
    const unfinished = all.filter((b) => b.all === undefined).length;
    const batchAllMs = Array.from({ length: batches }, (_, i) => at(i, 'all'));
    summary.endless = {
      batchAllMs,
      batchFirstMs: Array.from({ length: batches }, (_, i) => at(i, 'first')),
      worstAllMs: max(batchAllMs),
      unfinishedBatches: unfinished,
      repeatedTexts: new Set(endless.flatMap((e) => e.repeatedTexts)).size,
    };
  }
  return summary;
}

export interface CacheFigures {
  label: string;
  units: number;
  batchLookupsPerSec: number;
  singleLookupsPerSec: number;
  cacheBytesPer1000: number;
  storageBytesPer1000?: number;
}

export interface BenchSummary {
  pages: PageSummary[];
  bundles?: BundleSizes;
  cache: CacheFigures[];
  /** IndexedDB usage per 1,000 cached units after real page loads (the extension origin's storage estimate). */
  realCacheBytesPer1000?: number;
  /** Service worker's JS heap after 1,000 units went through the product's port into its cache (bytes, after GC). */
  swHeap?: { before: number; after: number; units: number };
  /** The product's extractor timed per page in Chromium without the extension (diagnosis). */
  extract?: Partial<Record<PageName, ExtractTiming>>;
}
