import type { BudgetResult } from './budgets';
import { ratio } from './stats';
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
const mb = (v: number | undefined) => (v === undefined ? '–' : (v / 1024 / 1024).toFixed(1));
const x = (a: number | undefined, b: number | undefined) => {
  const r = ratio(a, b);
  return r === undefined ? '–' : `×${r.toFixed(2)}`;
};

export interface ReportContext {
  runs: number;
  latency: string;
}

export function formatReport(summary: BenchSummary, budgets: BudgetResult[], ctx: ReportContext): string {
  const out: string[] = [];
  const pages = summary.pages;
  out.push(`Duet speed and cost benchmark — medians of ${ctx.runs} run(s); fake Google translateHtml delay ${ctx.latency}; times in ms from navigation start unless said.`);
  out.push('\nSpeed, cold cache (fresh profile). CS = content-script start; prov = time waiting on the fake provider; RT = harness round trip per request');
  out.push(
    table(
      ['page', 'CS start', 'marked−CS', 'SW fetch−marked', 'IDB open', '1st req−CS', 'first', 'all on screen', 'first−prov', 'all−prov', 'overhead first', 'same − RT', 'overhead all', 'RT', 'load ext', 'load base'],
      pages.map((p) => [
        p.page,
        ms(p.cold.contentScriptStart),
        ms(p.cold.markedAfterCs),
        ms(p.cold.swFetchAfterMarked),
        ms(p.cold.swIdbOpenMs),
        ms(p.cold.firstRequestAfterCs),
        ms(p.cold.firstOnScreen),
        ms(p.cold.allOnScreen) + (p.coldTimeouts ? ` (${p.coldTimeouts} timeout)` : ''),
        ms(p.cold.firstMinusProvider),
        ms(p.cold.allMinusProvider),
        ms(p.cold.overheadFirstFromCs),
        ms(p.cold.overheadFirstNet),
        ms(p.cold.overheadAllFromCs),
        p.cold.harnessRoundTripMs === undefined ? '–' : p.cold.harnessRoundTripMs.toFixed(1),
        ms(p.cold.loadEnd),
        ms(p.baseline.loadEnd),
      ]),
    ),
  );
  out.push('overhead = time − provider wait − content-script start (page loading is not Duet\'s); "same − RT" also minus one harness round trip.');
  out.push('CS start = the content script\'s first message (startPage) reaching the background: after content.js was evaluated');
  out.push('(traced once: 20–40 ms of evaluation per load, not included). marked = first unit marked in the page;');
  out.push('SW fetch = the background\'s provider fetch; IDB open = time the cache database took to open during the load.');
  out.push('\nSpeed, warm cache (reload in the same profile)');
  out.push(
    table(
      ['page', 'CS start', 'marked−CS', 'first', 'first−CS', 'all on screen', 'load ext'],
      pages.map((p) => [
        p.page,
        ms(p.warm.contentScriptStart),
        ms(p.warm.markedAfterCs),
        ms(p.warm.firstOnScreen),
        ms(p.warm.firstAfterCs),
        ms(p.warm.allOnScreen) + (p.warmTimeouts ? ` (${p.warmTimeouts} timeout)` : ''),
        ms(p.warm.loadEnd),
      ]),
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
  out.push('\nMain thread and memory (cold with extension vs baseline without; "after start" = tasks from the content-script start, baseline from DOMContentLoaded;');
  out.push('frames = long animation frames, which include rendering: long tasks do not)');
  out.push(
    table(
      ['page', 'longest ext', 'longest base', 'long total ext', 'long total base', 'ratio', 'longest after start ext', 'base', 'total after start ext', 'base', 'frames >50 after start ext', 'base', 'longest frame ext', 'base', 'heap MB ext', 'heap MB base', 'ratio'],
      pages.map((p) => {
        const e: Medians = p.cold;
        const b: Medians = p.baseline;
        return [
          p.page,
          ms(e.longestTask),
          ms(b.longestTask),
          ms(e.longTaskTotal),
          ms(b.longTaskTotal),
          x(e.longTaskTotal, b.longTaskTotal),
          ms(e.longestTaskAfterStart),
          ms(b.longestTaskAfterStart),
          ms(e.longTaskTotalAfterStart),
          ms(b.longTaskTotalAfterStart),
          int(e.longFramesAfterStart),
          int(b.longFramesAfterStart),
          ms(e.longestFrameAfterStart),
          ms(b.longestFrameAfterStart),
          mb(e.heapBytes),
          mb(b.heapBytes),
          x(e.heapBytes, b.heapBytes),
        ];
      }),
    ),
  );
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
