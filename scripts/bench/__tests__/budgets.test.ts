// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { checkBudgets } from '../budgets';
import type { BenchSummary, PageSummary } from '../summary';
import { formatReport } from '../report';

function page(patch: Partial<PageSummary> = {}): PageSummary {
  return {
    page: 'long',
    runs: 5,
    baseline: { longestTaskAfterStart: 0 },
    cold: { overheadFirstNetRt: 30, overheadFirst: 45, providerFirst: 160, firstOverRoundTrip: 1.05, requests: 3, minRequestsAhead: 2, longestTaskAfterStart: 20 },
    warm: { overheadFirst: 30, requests: 0 },
    coldRange: {},
    warmRange: {},
    baselineRange: {},
    impact: { readyDelta: { median: 2, min: -3, max: 6 }, loadDelta: { median: 1, min: -5, max: 9 }, readyNoise: 8, loadNoise: 12 },
    coldTimeouts: 0,
    warmTimeouts: 0,
    warmRequestsMax: 0,
    ...patch,
  };
}
const bundles = { contentScript: { files: ['c.js'], raw: 100_000, gzip: 30_000 }, background: { files: ['b.js'], raw: 1, gzip: 1 } };

describe('checkBudgets', () => {
  it('passes a page within every budget', () => {
    const results = checkBudgets({ pages: [page({ page: 'article' })], bundles, cache: [] });
    expect(results.every((r) => r.pass)).toBe(true);
    // overhead (article only), first ÷ round trip, reload, DOMContentLoaded and load within noise, two request counts, gzip.
    expect(results).toHaveLength(8);
    expect(checkBudgets({ pages: [page()], cache: [] })).toHaveLength(6);
  });

  it('time budgets are ratios of the same run: the allowance follows the provider delay', () => {
    const overhead = (cold: PageSummary['cold']) => checkBudgets({ pages: [page({ page: 'article', cold: { ...page().cold, ...cold } })], cache: [] })[0]!;
    // 0.25 × 160 ms = 40 ms allowed.
    expect(overhead({ overheadFirstNetRt: 40 }).pass).toBe(true);
    expect(overhead({ overheadFirstNetRt: 41 }).pass).toBe(false);
    // A slower provider in the same run allows more.
    expect(overhead({ overheadFirstNetRt: 60, providerFirst: 300 }).pass).toBe(true);
  });

  it('fails each budget on its own miss', () => {
    const base = page();
    const failing = (p: Partial<PageSummary>) => checkBudgets({ pages: [page(p)], cache: [] }).filter((r) => !r.pass).map((r) => r.name);
    expect(failing({ page: 'article', cold: { ...base.cold, overheadFirstNetRt: 45 } })).toEqual([expect.stringContaining('overhead')]);
    expect(failing({ cold: { ...base.cold, firstOverRoundTrip: 1.2 } })).toEqual([expect.stringContaining('× (page ready')]);
    expect(failing({ warm: { overheadFirst: 41 } })).toEqual([expect.stringContaining('reload')]);
    expect(failing({ impact: { ...base.impact, readyDelta: { median: 9 } } })).toEqual([expect.stringContaining('DOMContentLoaded')]);
    expect(failing({ impact: { ...base.impact, loadDelta: { median: 13 } } })).toEqual([expect.stringContaining('own load')]);
    expect(failing({ cold: { ...base.cold, requests: 4, minRequestsAhead: 2 } })).toEqual([expect.stringContaining('cold requests')]);
    expect(failing({ warmRequestsMax: 1 })).toEqual([expect.stringContaining('warm requests')]);
    expect(failing({ page: 'heavy', cold: { ...base.cold, longestTaskAfterStart: 120 } })).toEqual([expect.stringContaining('longest task')]);
  });

  it('a missing figure is a miss, not a pass', () => {
    const results = checkBudgets({ pages: [page({ cold: {}, warm: {}, impact: { readyDelta: {}, loadDelta: {} } })], cache: [] });
    // first ÷ round trip, reload, DOMContentLoaded, load, cold requests.
    expect(results.filter((r) => !r.pass)).toHaveLength(5);
  });

  it('checks the endless page and the content-script size', () => {
    const endless = { batchAllMs: [250, 320], batchFirstMs: [200, 210], worstAllMs: 320, unfinishedBatches: 0, repeatedTexts: 2 };
    const summary: BenchSummary = { pages: [page({ page: 'endless', endless })], bundles: { ...bundles, contentScript: { files: ['c.js'], raw: 1, gzip: 41 * 1024 } }, cache: [] };
    const failed = checkBudgets(summary).filter((r) => !r.pass).map((r) => r.name);
    expect(failed).toEqual([expect.stringContaining('each new batch'), expect.stringContaining('twice'), 'content script gzip']);
    const report = formatReport(summary, checkBudgets(summary), { runs: 5, latency: '150 ms' });
    expect(report).toContain('FAIL');
    expect(report).toMatch(/all\s+250\s+320/);
  });
});
