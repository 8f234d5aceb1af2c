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
    cold: { overheadFirstNet: 40, overheadFirstFromCs: 45, requests: 3, minRequestsAhead: 2, longestTaskAfterStart: 20 },
    warm: { firstAfterCs: 30, requests: 0 },
    coldTimeouts: 0,
    warmTimeouts: 0,
    warmRequestsMax: 0,
    ...patch,
  };
}
const bundles = { contentScript: { files: ['c.js'], raw: 100_000, gzip: 30_000 }, background: { files: ['b.js'], raw: 1, gzip: 1 } };

describe('checkBudgets', () => {
  it('passes a page within every budget', () => {
    const results = checkBudgets({ pages: [page()], bundles, cache: [] });
    expect(results.every((r) => r.pass)).toBe(true);
    expect(results).toHaveLength(5);
  });

  it('fails each budget on its own miss', () => {
    const failing = (p: Partial<PageSummary>) => checkBudgets({ pages: [page(p)], cache: [] }).filter((r) => !r.pass).map((r) => r.name);
    expect(failing({ cold: { overheadFirstNet: 51, requests: 1, minRequestsAhead: 1 } })).toEqual([expect.stringContaining('overhead')]);
    expect(failing({ cold: { overheadFirstNet: 10, requests: 4, minRequestsAhead: 2 } })).toEqual([expect.stringContaining('cold requests')]);
    expect(failing({ warm: { firstAfterCs: 80 } })).toEqual([expect.stringContaining('warm cache')]);
    expect(failing({ warmRequestsMax: 1 })).toEqual([expect.stringContaining('warm requests')]);
    expect(failing({ page: 'heavy', cold: { overheadFirstNet: 1, requests: 1, minRequestsAhead: 1, longestTaskAfterStart: 120 } })).toEqual([expect.stringContaining('longest task')]);
  });

  it('a missing figure is a miss, not a pass', () => {
    const results = checkBudgets({ pages: [page({ cold: {}, warm: {} })], cache: [] });
    expect(results.filter((r) => !r.pass)).toHaveLength(3);
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
