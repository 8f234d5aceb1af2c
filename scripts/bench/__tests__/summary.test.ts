// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { LoadSample } from '../load-page';
import { pageImpact, summarisePage, type PageRun } from '../summary';

const sample = (patch: Partial<LoadSample>): LoadSample =>
  ({ unitsOnScreen: 1, unitsOnScreenDone: 1, requests: 0, requestBytes: 0, responseBytes: 0, charsSent: 0, charsOnScreen: 0, minRequestsAhead: 1, longestTask: 0, longTaskTotal: 0, longestTaskAfterStart: 0, longTaskTotalAfterStart: 0, heapBytes: 0, timedOut: false, ...patch }) as LoadSample;

const run = (first: number, warmRequests: number, batches?: Array<number | undefined>, repeated: string[] = []): PageRun => ({
  baseline: sample({ heapBytes: 100 }),
  cold: sample({ firstOnScreen: first, requests: 2 }),
  warm: sample({ requests: warmRequests, timedOut: warmRequests > 0 }),
  ...(batches ? { endless: { batches: batches.map((all, batch) => ({ batch, all, first: all, paragraphs: 10, translated: all === undefined ? 0 : 10 })), repeatedTexts: repeated } } : {}),
});

describe('summarisePage', () => {
  it('takes medians per figure and the worst warm request count', () => {
    const s = summarisePage('long', [run(300, 0), run(900, 0), run(500, 2)]);
    expect(s.cold.firstOnScreen).toBe(500);
    expect(s.cold.requests).toBe(2);
    expect(s.baseline.heapBytes).toBe(100);
    expect(s.warmRequestsMax).toBe(2);
    expect(s.warmTimeouts).toBe(1);
    expect(s.endless).toBeUndefined();
  });

  it('endless: per-batch medians, the slowest batch, unfinished batches and repeated texts', () => {
    const s = summarisePage('endless', [run(1, 0, [200, 400], ['a']), run(1, 0, [220, undefined], ['a', 'b']), run(1, 0, [260, 300])]);
    expect(s.endless).toEqual({ batchAllMs: [220, 350], batchFirstMs: [220, 350], worstAllMs: 350, unfinishedBatches: 1, repeatedTexts: 2 });
  });

  it('pairs each run\'s Duet load with its plain load, and takes the noise from two plain loads', () => {
    const pair = (plain: number, again: number, duet: number): PageRun => ({
      baseline: sample({ pageReady: plain, pageLoad: plain * 2 }),
      baselineAgain: sample({ pageReady: again, pageLoad: again * 2 }),
      cold: sample({ pageReady: duet, pageLoad: duet * 2 }),
      warm: sample({}),
    });
    const impact = pageImpact([pair(100, 104, 103), pair(120, 111, 118), pair(90, 92, 99)]);
    expect(impact.readyDelta).toEqual({ median: 3, min: -2, max: 9 });
    expect(impact.readyNoise).toBe(9);
    expect(impact.loadDelta.median).toBe(6);
    expect(impact.loadNoise).toBe(18);
    const s = summarisePage('long', [pair(100, 104, 103), pair(120, 111, 118)]);
    expect(s.coldRange.pageReady).toEqual([103, 118]);
  });
});
