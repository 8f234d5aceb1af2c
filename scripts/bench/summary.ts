import type { BundleSizes } from './bundle-size';
import type { BatchTiming } from './endless';
import type { ExtractTiming } from './extract-timing';
import type { PageName } from './generate-pages';
import type { LoadSample } from './load-page';
import { max, median } from './stats';

/** Everything one run measured for one page. */
export interface PageRun {
  baseline: LoadSample;
  cold: LoadSample;
  warm: LoadSample;
  endless?: { batches: BatchTiming[]; repeatedTexts: string[] };
}

/** Medians over runs, field by field (numbers only; missing values are skipped). */
export type Medians = { [K in keyof LoadSample]?: number };

export interface PageSummary {
  page: PageName;
  runs: number;
  baseline: Medians;
  cold: Medians;
  warm: Medians;
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

export function summarisePage(page: PageName, runs: readonly PageRun[]): PageSummary {
  const summary: PageSummary = {
    page,
    runs: runs.length,
    baseline: mediansOf(runs.map((r) => r.baseline)),
    cold: mediansOf(runs.map((r) => r.cold)),
    warm: mediansOf(runs.map((r) => r.warm)),
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
  /** The product's extractor timed per page in Chromium without the extension (diagnosis). */
  extract?: Partial<Record<PageName, ExtractTiming>>;
}
