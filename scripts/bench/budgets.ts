import type { BenchSummary } from './summary';

/**
 * Issue 5's budgets, checked on the medians (`npm run bench -- --check` fails on any miss).
 * Each result says what was measured against what limit, so the report needs no other context.
 */
export interface BudgetResult {
  name: string;
  page?: string;
  measured: string;
  limit: string;
  pass: boolean;
}

export const BUDGETS = {
  overheadFirstColdMs: 50,
  warmFirstAfterCsMs: 50,
  extraRequests: 1,
  longTaskMs: 50,
  contentScriptGzipBytes: 40 * 1024,
  endlessBatchMs: 300,
};

const ms = (v: number | undefined) => (v === undefined ? 'n/a' : `${Math.round(v)} ms`);

export function checkBudgets(summary: BenchSummary): BudgetResult[] {
  const results: BudgetResult[] = [];
  for (const p of summary.pages) {
    const { cold, warm } = p;
    results.push({
      name: 'cold: Duet overhead to first translated paragraph (after CS start, minus provider wait and harness round trip)',
      page: p.page,
      measured: `${ms(cold.overheadFirstNet)} (raw ${ms(cold.overheadFirstFromCs)})`,
      limit: `≤ ${BUDGETS.overheadFirstColdMs} ms`,
      pass: cold.overheadFirstNet !== undefined && cold.overheadFirstNet <= BUDGETS.overheadFirstColdMs,
    });
    results.push({
      name: 'warm cache: first paragraph translated after content-script start',
      page: p.page,
      measured: ms(warm.firstAfterCs),
      limit: `≤ ${BUDGETS.warmFirstAfterCsMs} ms`,
      pass: warm.firstAfterCs !== undefined && warm.firstAfterCs <= BUDGETS.warmFirstAfterCsMs,
    });
    const allowed = cold.minRequestsAhead === undefined ? undefined : cold.minRequestsAhead + BUDGETS.extraRequests;
    results.push({
      name: 'cold requests ≤ minimum for screen + one ahead, plus one',
      page: p.page,
      measured: `${cold.requests ?? 'n/a'}`,
      limit: `≤ ${allowed ?? 'n/a'}`,
      pass: cold.requests !== undefined && allowed !== undefined && cold.requests <= allowed,
    });
    results.push({ name: 'warm requests (every run)', page: p.page, measured: `${p.warmRequestsMax}`, limit: '0', pass: p.warmRequestsMax === 0 && p.runs > 0 });
    if (p.page === 'heavy') {
      results.push({
        name: 'longest task once the content script runs (heavy page)',
        page: p.page,
        measured: `${ms(cold.longestTaskAfterStart)} (baseline after DOMContentLoaded: ${ms(p.baseline.longestTaskAfterStart)})`,
        limit: `≤ ${BUDGETS.longTaskMs} ms`,
        pass: cold.longestTaskAfterStart !== undefined && cold.longestTaskAfterStart <= BUDGETS.longTaskMs,
      });
    }
    if (p.endless) {
      const e = p.endless;
      results.push({
        name: 'endless page: each new batch fully translated after appearing (slowest batch median)',
        page: p.page,
        measured: `${ms(e.worstAllMs)}${e.unfinishedBatches ? ` (${e.unfinishedBatches} batch(es) unfinished after 5 s)` : ''}`,
        limit: `≤ ${BUDGETS.endlessBatchMs} ms, none unfinished`,
        pass: e.worstAllMs !== undefined && e.worstAllMs <= BUDGETS.endlessBatchMs && e.unfinishedBatches === 0,
      });
      results.push({ name: 'endless page: paragraphs sent to the provider twice', page: p.page, measured: `${e.repeatedTexts}`, limit: '0', pass: e.repeatedTexts === 0 });
    }
  }
  if (summary.bundles) {
    const gz = summary.bundles.contentScript.gzip;
    results.push({ name: 'content script gzip', measured: `${(gz / 1024).toFixed(1)} KB`, limit: `≤ ${BUDGETS.contentScriptGzipBytes / 1024} KB`, pass: gz <= BUDGETS.contentScriptGzipBytes });
  }
  return results;
}
