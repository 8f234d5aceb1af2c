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

/**
 * Issue 15: time budgets are ratios of figures taken in the same run (a shared machine's absolute
 * milliseconds are not a stable budget). The physical limit of a first translation is the page's own
 * DOMContentLoaded plus one provider round trip (the fake's delay plus the harness's own round trip).
 */
export const BUDGETS = {
  /** Article page: first visible − (page ready + provider delay) − harness round trip ≤ this × provider delay. */
  overheadShareOfProvider: 0.25,
  /** Every page: first visible ≤ this × (page ready + provider delay + harness round trip). */
  firstOverRoundTrip: 1.1,
  /** Reload: first visible − page ready ≤ this × the cold load's provider delay (Duet's own time, same allowance). */
  warmShareOfProvider: 0.25,
  extraRequests: 1,
  longTaskMs: 50,
  contentScriptGzipBytes: 40 * 1024,
  endlessBatchMs: 300,
};

const ms = (v: number | undefined) => (v === undefined ? 'n/a' : `${Math.round(v)} ms`);
const times = (v: number | undefined) => (v === undefined ? 'n/a' : `×${v.toFixed(2)}`);
const lte = (a: number | undefined, b: number | undefined) => a !== undefined && b !== undefined && a <= b;

export function checkBudgets(summary: BenchSummary): BudgetResult[] {
  const results: BudgetResult[] = [];
  for (const p of summary.pages) {
    const { cold, warm, impact } = p;
    if (p.page === 'article' || p.page === 'slow') {
      const allowed = cold.providerFirst === undefined ? undefined : BUDGETS.overheadShareOfProvider * cold.providerFirst;
      results.push({
        name: `cold: overhead = first visible − (page ready + provider delay), minus harness RT, ≤ ${BUDGETS.overheadShareOfProvider} × provider delay (article pages)`,
        page: p.page,
        measured: `${ms(cold.overheadFirstNetRt)} (raw ${ms(cold.overheadFirst)})`,
        limit: `≤ ${ms(allowed)}`,
        pass: lte(cold.overheadFirstNetRt, allowed),
      });
    }
    results.push({
      name: `cold: first visible ≤ ${BUDGETS.firstOverRoundTrip} × (page ready + provider delay + harness RT)`,
      page: p.page,
      measured: times(cold.firstOverRoundTrip),
      limit: `≤ ×${BUDGETS.firstOverRoundTrip.toFixed(2)}`,
      pass: lte(cold.firstOverRoundTrip, BUDGETS.firstOverRoundTrip),
    });
    const warmAllowed = cold.providerFirst === undefined ? undefined : BUDGETS.warmShareOfProvider * cold.providerFirst;
    results.push({
      name: `reload: first visible − page ready ≤ ${BUDGETS.warmShareOfProvider} × the cold load's provider delay`,
      page: p.page,
      measured: ms(warm.overheadFirst),
      limit: `≤ ${ms(warmAllowed)}`,
      pass: lte(warm.overheadFirst, warmAllowed),
    });
    for (const [what, delta, noise] of [
      ['DOMContentLoaded', impact.readyDelta, impact.readyNoise],
      ['load', impact.loadDelta, impact.loadNoise],
    ] as const) {
      results.push({
        name: `page's own ${what} with Duet − without (paired median) ≤ noise (largest gap between two plain loads)`,
        page: p.page,
        measured: `${ms(delta.median)} (${ms(delta.min)} … ${ms(delta.max)})`,
        limit: `≤ ${ms(noise)}`,
        pass: lte(delta.median, noise),
      });
    }
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
