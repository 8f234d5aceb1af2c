import type { BudgetResult } from './budgets';
import type { BenchSummary, Medians } from './summary';

/** The printed report: plain-text tables of medians, ratios against the baseline, then budgets. */
export function table(headers: string[], rows: string[][]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

const ms = (v: number | undefined) => (v === undefined ? '–' : `${Math.round(v)}`);
const int = (v: number | undefined) => (v === undefined ? '–' : `${Math.round(v)}`);
const kb = (v: number | undefined) => (v === undefined ? '–' : (v / 1024).toFixed(1));
const mb2 = (v: number | undefined) => (v === undefined ? '–' : (v / 1024 / 1024).toFixed(2));

export interface ReportContext {
  runs: number;
  latency: string;
}

export function formatReport(summary: BenchSummary, budgets: BudgetResult[], ctx: ReportContext): string {
  const out: string[] = [];
  const pages = summary.pages;
  out.push(`Duet speed and cost benchmark — medians of ${ctx.runs} run(s); fake Google translateHtml delay ${ctx.latency}; times in ms from navigation start unless said.`);
  const range = (r: [number, number] | undefined) => (r === undefined ? '' : ` (${Math.round(r[0])}–${Math.round(r[1])})`);
  const withRange = (v: number | undefined, r: [number, number] | undefined) => ms(v) + range(r);
  out.push('\nSpeed, cold cache (fresh profile), what the reader sees: ms from navigation start, median (min–max over runs).');
  out.push('ready = the page\'s own DOMContentLoaded; prov = provider delay until the first translation; RT = harness round trip per request;');
  out.push('overhead = first − (ready + prov), the time Duet adds to the physical limit; ratio = first ÷ (ready + prov + RT).');
  out.push(
    table(
      ['page', 'ready base', 'ready ext', 'load base', 'load ext', 'CS start', 'requested', '1st req at provider', 'prov', 'RT', 'first visible', 'all on screen', 'overhead first', '− RT', 'overhead all', 'ratio', 'req before load'],
      pages.map((p) => [
        p.page,
        ms(p.baseline.pageReady),
        ms(p.cold.pageReady),
        ms(p.baseline.pageLoad),
        ms(p.cold.pageLoad),
        ms(p.cold.markStart),
        ms(p.cold.markRequested),
        ms(p.cold.firstRequestAt),
        ms(p.cold.providerFirst),
        p.cold.harnessRoundTripMs === undefined ? '–' : p.cold.harnessRoundTripMs.toFixed(1),
        withRange(p.cold.firstOnScreen, p.coldRange.firstOnScreen),
        ms(p.cold.allOnScreen) + (p.coldTimeouts ? ` (${p.coldTimeouts} timeout)` : ''),
        withRange(p.cold.overheadFirst, p.coldRange.overheadFirst),
        ms(p.cold.overheadFirstNetRt),
        ms(p.cold.overheadAll),
        p.cold.firstOverRoundTrip === undefined ? '–' : `×${p.cold.firstOverRoundTrip.toFixed(2)}`,
        p.cold.requestBeforeLoad === undefined ? '–' : `${Math.round(p.cold.requestBeforeLoad * 100)}%`,
      ]),
    ),
  );
  out.push('CS start, requested = Duet\'s own marks (duet:start, duet:requested) on the page\'s timeline; 1st req at provider = the fake provider receiving it;');
  out.push('req before load = share of runs whose first request reached the provider before the page\'s load event ended.');
  out.push('\nSpeed, reload (same profile: cache and page memory warm); overhead = first − ready');
  out.push(
    table(
      ['page', 'ready', 'load', 'CS start', 'first visible', 'all on screen', 'overhead first'],
      pages.map((p) => [
        p.page,
        ms(p.warm.pageReady),
        ms(p.warm.pageLoad),
        ms(p.warm.markStart),
        withRange(p.warm.firstOnScreen, p.warmRange.firstOnScreen),
        ms(p.warm.allOnScreen) + (p.warmTimeouts ? ` (${p.warmTimeouts} timeout)` : ''),
        withRange(p.warm.overheadFirst, p.warmRange.overheadFirst),
      ]),
    ),
  );
  out.push('\nThe page\'s own timings with and without Duet, paired by run: cold Duet load − plain load, median (min … max);');
  out.push('noise = the largest gap between two plain loads of the same page in one run.');
  out.push(
    table(
      ['page', 'ready base', 'ready Δ', 'ready noise', 'load base', 'load Δ', 'load noise'],
      pages.map((p) => {
        const i = p.impact;
        const d = (s: typeof i.readyDelta) => `${ms(s.median)} (${ms(s.min)} … ${ms(s.max)})`;
        return [p.page, withRange(p.baseline.pageReady, p.baselineRange.pageReady), d(i.readyDelta), ms(i.readyNoise), withRange(p.baseline.pageLoad, p.baselineRange.pageLoad), d(i.loadDelta), ms(i.loadNoise)];
      }),
    ),
  );
  out.push('\nCost (cold load, until the provider is quiet; before any scrolling)');
  out.push(
    table(
      ['page', 'requests', 'min+1 allowed', 'KB sent', 'KB received', 'chars sent', 'chars on screen', 'sent/on screen', 'units on screen', 'warm requests (max)'],
      pages.map((p) => [
        p.page,
        int(p.cold.requests),
        int(p.cold.minRequestsAhead === undefined ? undefined : p.cold.minRequestsAhead + 1),
        kb(p.cold.requestBytes),
        kb(p.cold.responseBytes),
        int(p.cold.charsSent),
        int(p.cold.charsOnScreen),
        p.cold.charsSentPerCharOnScreen === undefined ? '–' : p.cold.charsSentPerCharOnScreen.toFixed(2),
        int(p.cold.unitsOnScreen),
        `${p.warmRequestsMax}`,
      ]),
    ),
  );
  out.push('\nMain thread and memory (cold with extension vs plain without). Long tasks and long animation frames (> 50 ms; frames include rendering,');
  out.push('long tasks do not): for the whole load, and "after start" = from the content-script start (plain: from DOMContentLoaded).');
  out.push('heap = the page\'s JS heap after GC (its isolate holds the page and the content script); CS share = ext − base.');
  out.push(
    table(
      ['page', 'long tasks ms ext', 'base', 'after start ext', 'base', 'frames >50 ext', 'base', 'after start ext', 'base', 'longest frame ext', 'base', 'heap MB ext', 'base', 'CS share MB'],
      pages.map((p) => {
        const e: Medians = p.cold;
        const b: Medians = p.baseline;
        return [
          p.page,
          ms(e.longTaskTotal),
          ms(b.longTaskTotal),
          ms(e.longTaskTotalAfterStart),
          ms(b.longTaskTotalAfterStart),
          int(e.longFrames),
          int(b.longFrames),
          int(e.longFramesAfterStart),
          int(b.longFramesAfterStart),
          ms(e.longestFrameAfterStart),
          ms(b.longestFrameAfterStart),
          mb2(e.heapBytes),
          mb2(b.heapBytes),
          e.heapBytes === undefined || b.heapBytes === undefined ? '–' : mb2(e.heapBytes - b.heapBytes),
        ];
      }),
    ),
  );
  if (summary.swHeap) {
    const h = summary.swHeap;
    out.push(`service worker JS heap after GC: ${mb2(h.before)} MB at start, ${mb2(h.after)} MB after ${h.units} units went through the translate port into the cache (memory tier included)`);
  }
  for (const p of pages) {
    if (!p.endless) continue;
    const e = p.endless;
    out.push(`\nEndless page: ms from a batch of 10 paragraphs appearing to first / all translated, per batch (median over runs)`);
    out.push(table(['batch', ...e.batchAllMs.map((_, i) => `${i + 1}`)], [['first', ...e.batchFirstMs.map(ms)], ['all', ...e.batchAllMs.map(ms)]]));
    out.push(`unfinished batches: ${e.unfinishedBatches}; paragraphs sent twice: ${e.repeatedTexts}`);
  }
  if (summary.extract) {
    out.push('\nDiagnosis: the extractor (utils/extract) in Chromium without the extension, ms (first call; median of 4 more; phases of the median)');
    out.push(
      table(
        ['page', 'elements', 'extractUnits first', 'median', 'collectBlocks', 'chooseArticle', 'units', 'article'],
        Object.entries(summary.extract).map(([page, t]) => [page, `${t.elements}`, t.firstMs.toFixed(1), t.medianMs.toFixed(1), t.collectMs.toFixed(1), t.chooseMs.toFixed(1), `${t.units}`, t.isArticle ? 'yes' : 'no']),
      ),
    );
  }
  if (summary.bundles) {
    const { contentScript: c, background: bg } = summary.bundles;
    out.push('\nBundles (.output/chrome-mv3)');
    out.push(table(['bundle', 'raw KB', 'gzip KB', 'files'], [['content script', kb(c.raw), kb(c.gzip), c.files.join(' ')], ['background', kb(bg.raw), kb(bg.gzip), bg.files.join(' ')]]));
  }
  if (summary.cache.length || summary.realCacheBytesPer1000 !== undefined) {
    out.push('\nCache (product module utils/cache/translation-cache.ts, 1,000 units of ~400 characters)');
    out.push(
      table(
        ['where', 'lookups/s (one call, 1,000 keys)', 'lookups/s (1 key a call)', 'cache-counted KB / 1,000', 'IndexedDB usage KB / 1,000'],
        summary.cache.map((c) => [c.label, int(c.batchLookupsPerSec), int(c.singleLookupsPerSec), kb(c.cacheBytesPer1000), kb(c.storageBytesPer1000)]),
      ),
    );
    if (summary.realCacheBytesPer1000 !== undefined) out.push(`after real page loads: ${kb(summary.realCacheBytesPer1000)} KB of IndexedDB usage per 1,000 cached units (extension origin, storage.estimate)`);
  }
  out.push('\nBudgets');
  out.push(table(['', 'budget', 'page', 'measured', 'limit'], budgets.map((b) => [b.pass ? 'PASS' : 'FAIL', b.name, b.page ?? '', b.measured, b.limit])));
  return out.join('\n');
}
