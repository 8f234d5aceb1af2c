import type { Page } from 'playwright-core';

/**
 * The endless page's check: scroll to the end, the page appends a batch of paragraphs (logged with
 * its page-clock time in `window.__benchEndless`), and we time how long until every paragraph of
 * that batch shows a finished translation. Bounded: `batches` scrolls, BATCH_TIMEOUT_MS each.
 */
export interface BatchTiming {
  batch: number;
  /** ms from the batch appearing to its first / last paragraph translated; undefined if not in time. */
  first?: number;
  all?: number;
  paragraphs: number;
  translated: number;
}

const BATCH_TIMEOUT_MS = 5_000;

interface BatchState {
  appendedAt?: number;
  doneAt: Array<number | undefined>;
}

function batchState(page: Page, batch: number): Promise<BatchState> {
  return page.evaluate((b) => {
    const w = window as unknown as { __benchEndless?: Array<{ batch: number; at: number }>; __benchProbe?: { doneAt: Record<string, number> } };
    const entry = w.__benchEndless?.find((e) => e.batch === b);
    const doneAt = [...document.querySelectorAll(`p[data-bench-batch="${b}"]`)].map((p) => {
      const id = p.getAttribute('data-duet-unit');
      return id === null ? undefined : w.__benchProbe?.doneAt[id];
    });
    return { appendedAt: entry?.at, doneAt };
  }, batch);
}

export async function scrollThroughEndless(page: Page, batches: number): Promise<BatchTiming[]> {
  const timings: BatchTiming[] = [];
  for (let batch = 0; batch < batches; batch++) {
    await page.evaluate(() => scrollTo(0, document.documentElement.scrollHeight));
    const deadline = Date.now() + BATCH_TIMEOUT_MS;
    let state: BatchState = { doneAt: [] };
    while (Date.now() < deadline) {
      state = await batchState(page, batch);
      if (state.appendedAt !== undefined && state.doneAt.length > 0 && state.doneAt.every((t) => t !== undefined)) break;
      await page.waitForTimeout(50);
    }
    if (state.appendedAt === undefined) throw new Error(`endless page did not append batch ${batch} after scrolling to its end`);
    const done = state.doneAt.filter((t): t is number => t !== undefined);
    const at = state.appendedAt;
    timings.push({
      batch,
      first: done.length ? Math.min(...done) - at : undefined,
      all: done.length === state.doneAt.length && done.length > 0 ? Math.max(...done) - at : undefined,
      paragraphs: state.doneAt.length,
      translated: done.length,
    });
  }
  return timings;
}
