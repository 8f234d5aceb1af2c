// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { computeFigures, type LoadRecords } from '../figures';
import type { TappedRequest } from '../provider-tap';

const origin = 1_000_000;
const request = (startPage: number, delayMs: number, texts: string[]): TappedRequest => ({
  endpoint: 'translateHtml',
  start: origin + startPage,
  delayMs,
  texts,
  chars: texts.join('').length,
  requestBytes: 100,
  responseBytes: 120,
});

function records(patch: Partial<LoadRecords> = {}): LoadRecords {
  return {
    probe: {
      timeOrigin: origin,
      doneAt: { a: 400, b: 450, c: 900 },
      longTasks: [{ start: 50, duration: 120 }, { start: 320, duration: 60 }],
      // Frames: one during the page's own parsing, one ending after the script started, one later.
      longFrames: [
        { start: 40, duration: 90, renderStart: 100 },
        { start: 150, duration: 70, renderStart: 190 },
        { start: 420, duration: 130, renderStart: 440 },
      ],
      domContentLoaded: 100,
      firstUnitAt: 210,
    },
    contentScriptStartEpoch: origin + 200,
    // a, b on screen (height 500); c one screen ahead; d beyond.
    units: [
      { id: 'a', top: 10, bottom: 100, chars: 300 },
      { id: 'b', top: 120, bottom: 400, chars: 500 },
      { id: 'c', top: 600, bottom: 900, chars: 400 },
      { id: 'd', top: 1200, bottom: 1400, chars: 400 },
    ],
    viewportHeight: 500,
    requests: [request(220, 160, ['x'.repeat(800)]), request(230, 170, ['y'.repeat(400)])],
    limits: { maxTextsPerRequest: 20, maxCharsPerRequest: 1000 },
    ...patch,
  };
}

describe('computeFigures', () => {
  it('times the first and last on-screen translation and subtracts the provider delay', () => {
    const f = computeFigures(records());
    expect(f.firstOnScreen).toBe(400);
    expect(f.allOnScreen).toBe(450);
    // Provider busy from 220 to 400 (two overlapping requests count once): 180 ms.
    expect(f.firstMinusProvider).toBe(220);
    expect(f.overheadFirstFromCs).toBe(20);
    expect(f.allMinusProvider).toBe(270);
    expect(f.firstAfterCs).toBe(200);
    expect(f.contentScriptStart).toBe(200);
    expect(f.markedAfterCs).toBe(10);
    expect(f.firstRequestAfterCs).toBe(20);
  });

  it('counts requests, bytes and characters against the text on screen', () => {
    const f = computeFigures(records());
    expect(f).toMatchObject({ requests: 2, requestBytes: 200, responseBytes: 240, charsSent: 1200, charsOnScreen: 800, unitsOnScreen: 2, unitsOnScreenDone: 2 });
    expect(f.charsSentPerCharOnScreen).toBe(1.5);
    // a + b + c = 1,200 characters ahead with a 1,000-character limit: 2 requests at least.
    expect(f.minRequestsAhead).toBe(2);
  });

  it('leaves "all on screen" undefined while a unit on screen is untranslated', () => {
    const f = computeFigures(records({ probe: { timeOrigin: origin, doneAt: { a: 400 }, longTasks: [], longFrames: [] } }));
    expect(f.firstOnScreen).toBe(400);
    expect(f.allOnScreen).toBeUndefined();
    expect(f.unitsOnScreenDone).toBe(1);
  });

  it('splits long tasks at the content-script start, or at DOMContentLoaded without an extension', () => {
    const f = computeFigures(records());
    expect(f).toMatchObject({ longestTask: 120, longTaskTotal: 180, longestTaskAfterStart: 60, longTaskTotalAfterStart: 60 });
    // A frame still rendering when the script started counts: its rendering may include Duet's changes.
    expect(f).toMatchObject({ longFramesAfterStart: 2, longestFrameAfterStart: 130 });
    const base = computeFigures(records({ contentScriptStartEpoch: undefined, requests: [], units: [] }));
    expect(base.longestTaskAfterStart).toBe(60);
    expect(base.firstOnScreen).toBeUndefined();
  });

  it('issue 15: overhead against the physical limit, page ready + provider delay, from navigation start', () => {
    const f = computeFigures(records({ probe: { ...records().probe, loadEnd: 300, marks: { start: 180, requested: 215 } } }));
    // DOMContentLoaded at 100; first translation at 400 after 180 ms of provider delay.
    expect(f).toMatchObject({ pageReady: 100, pageLoad: 300, providerFirst: 180, overheadFirst: 120, markStart: 180, markRequested: 215, firstRequestAt: 220 });
    expect(f.firstOverLimit).toBeCloseTo(400 / 280);
    // The first request (220) reached the provider before the page's load ended (300).
    expect(f.requestBeforeLoad).toBe(1);
    expect(computeFigures(records({ probe: { ...records().probe, loadEnd: 210 } })).requestBeforeLoad).toBe(0);
    expect(f.longFrames).toBe(3);
    // A reload without requests: its overhead is first − ready.
    const warm = computeFigures(records({ requests: [] }));
    expect(warm.overheadFirst).toBe(300);
  });
});
