import type { Page } from 'playwright-core';

/**
 * Reading Duet's progress from a page's DOM (contract: utils/dom-labels.ts): translation elements
 * `<duet-translation data-duet-for=ID data-duet-state=loading|done|error>`. Used by the e2e tests,
 * `npm start --screenshot` and the speed benchmark. Functions passed to `evaluate` run in the page,
 * so they repeat the attribute names instead of importing them. They also avoid named inner
 * functions: tsx (esbuild keepNames) would wrap those in a `__name()` helper the page lacks.
 */

export interface TranslationCounts {
  done: number;
  error: number;
  loading: number;
  /** Originals marked with data-duet-unit. */
  units: number;
}

/** Counts translation states, over the whole page or only what intersects the viewport. */
export function countTranslations(page: Page, scope: 'all' | 'viewport' = 'all'): Promise<TranslationCounts> {
  return page.evaluate((onlyViewport) => {
    const units = [...document.querySelectorAll('[data-duet-unit]')].filter((el) => {
      const r = el.getBoundingClientRect();
      return !onlyViewport || (r.bottom > 0 && r.top < innerHeight && r.right > 0 && r.left < innerWidth);
    });
    const counts = { done: 0, error: 0, loading: 0, units: units.length };
    const stateById = new Map<string | null, string | null>();
    for (const t of document.querySelectorAll('duet-translation')) stateById.set(t.getAttribute('data-duet-for'), t.getAttribute('data-duet-state'));
    for (const unit of units) {
      const state = stateById.get(unit.getAttribute('data-duet-unit'));
      if (state === 'done') counts.done++;
      else if (state === 'error') counts.error++;
      else counts.loading++;
    }
    return counts;
  }, scope === 'viewport');
}

/**
 * Waits until at least one unit is marked and every marked unit (in scope) is done or failed,
 * and stays so for `settleMs`. Throws with the last counts on timeout.
 */
export async function waitForTranslations(
  page: Page,
  { scope = 'all', timeoutMs = 30_000, settleMs = 300 }: { scope?: 'all' | 'viewport'; timeoutMs?: number; settleMs?: number } = {},
): Promise<TranslationCounts> {
  const deadline = Date.now() + timeoutMs;
  let counts: TranslationCounts = { done: 0, error: 0, loading: 0, units: 0 };
  let settledSince = 0;
  while (Date.now() < deadline) {
    counts = await countTranslations(page, scope);
    const finished = counts.units > 0 && counts.loading === 0;
    if (finished && !settledSince) settledSince = Date.now();
    if (!finished) settledSince = 0;
    if (finished && Date.now() - settledSince >= settleMs) return counts;
    await page.waitForTimeout(50);
  }
  throw new Error(`translations did not finish within ${timeoutMs} ms (${scope}): ${JSON.stringify(counts)}`);
}

/**
 * Records, in the page's own clock, when the first translation reaches `done`: installs a
 * MutationObserver before any page script runs. Read it with `firstTranslationMs`.
 */
export async function recordFirstTranslation(page: Page): Promise<void> {
  // A string, not a function: see the note at the top about __name.
  await page.addInitScript(`(() => {
    const observer = new MutationObserver(() => {
      if (window.__duetFirstDoneMs === undefined && document.querySelector('duet-translation[data-duet-state="done"]')) {
        window.__duetFirstDoneMs = performance.now();
        observer.disconnect();
      }
    });
    observer.observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-duet-state'] });
  })();`);
}

/** ms from navigation start to the first done translation, or undefined if none yet. */
export function firstTranslationMs(page: Page): Promise<number | undefined> {
  return page.evaluate(() => (window as unknown as { __duetFirstDoneMs?: number }).__duetFirstDoneMs);
}
