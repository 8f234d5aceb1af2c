import type { ProviderLimits } from '../../utils/translate/types';
import { minRequests } from './min-requests';
import type { ProbeData } from './page-probe';
import type { TappedRequest } from './provider-tap';
import { coveredTime, type Interval } from './stats';

/**
 * Turning one load's raw records into the figures issue 5 asks for. Pure, so the definitions
 * can be read and tested apart from the browser:
 * - "on screen" is the first viewport at scroll 0 in the page's original layout, "one screen
 *   ahead" the next viewport height (the scheduler's default rootMargin);
 * - the provider's delay is the time, up to a moment, during which at least one request was
 *   waiting on the fake provider (concurrent requests count once);
 * - Duet's overhead is a time minus that delay; "from CS" also minus the time before the content
 *   script started (page loading, which Duet cannot speed up);
 * - issue 15's measure is what the reader sees: the physical limit of a first translation is the
 *   page's own DOMContentLoaded ("page ready") plus one provider round trip, so
 *   overhead = first visible − (page ready + provider delay), and `firstOverLimit` the ratio.
 */
export interface UnitBox {
  id: string;
  top: number;
  bottom: number;
  chars: number;
}

export interface LoadFigures {
  /** ms from navigation start. */
  firstOnScreen?: number;
  allOnScreen?: number;
  firstMinusProvider?: number;
  allMinusProvider?: number;
  contentScriptStart?: number;
  /** firstOnScreen − content-script start − provider delay up to then. */
  overheadFirstFromCs?: number;
  overheadAllFromCs?: number;
  /** firstOnScreen − content-script start (the warm-cache budget). */
  firstAfterCs?: number;
  /** Where the time after the content-script start goes: first unit marked (extraction and scheduling done)… */
  markedAfterCs?: number;
  /** …and the first provider request reaching the provider (cold). */
  firstRequestAfterCs?: number;
  unitsOnScreen: number;
  unitsOnScreenDone: number;
  requests: number;
  requestBytes: number;
  responseBytes: number;
  charsSent: number;
  charsOnScreen: number;
  charsSentPerCharOnScreen?: number;
  /** The page's own DOMContentLoaded (end) and load (end) in this load, ms from navigation start. */
  pageReady?: number;
  pageLoad?: number;
  /** Provider delay up to the first / last on-screen translation (concurrent requests count once). */
  providerFirst?: number;
  providerAll?: number;
  /** firstOnScreen − (pageReady + providerFirst): what Duet adds to the physical limit. */
  overheadFirst?: number;
  /** allOnScreen − (pageReady + providerAll). */
  overheadAll?: number;
  /** firstOnScreen / (pageReady + providerFirst). */
  firstOverLimit?: number;
  /** Duet's own marks (utils/content/marks.ts), ms from navigation start. */
  markStart?: number;
  markRequested?: number;
  /** The first request reaching the provider, ms from navigation start. */
  firstRequestAt?: number;
  /** 1 when the first provider request arrived before the page's load event ended, 0 after, undefined without requests. */
  requestBeforeLoad?: number;
  /** Animation frames over 50 ms during the whole load (navigation start to the end of the measurement). */
  longFrames: number;
  /** Fewest requests the provider's limits allow for the text on screen plus one screen ahead. */
  minRequestsAhead: number;
  longestTask: number;
  longTaskTotal: number;
  /** Long tasks that start once the content script has started (or after DOMContentLoaded without it). */
  longestTaskAfterStart: number;
  longTaskTotalAfterStart: number;
  /** Animation frames over 50 ms from the same moment: rendering included (long tasks leave it out). */
  longestFrameAfterStart: number;
  longFramesAfterStart: number;
}

export interface LoadRecords {
  probe: ProbeData;
  /** Epoch ms: the content script's first message reaching the background (sw-probe.ts); undefined without the extension. */
  contentScriptStartEpoch?: number;
  requests: readonly TappedRequest[];
  units: readonly UnitBox[];
  viewportHeight: number;
  limits: Pick<ProviderLimits, 'maxTextsPerRequest' | 'maxCharsPerRequest'>;
}

const sum = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0);

export function computeFigures(records: LoadRecords): LoadFigures {
  const { probe, requests, units, viewportHeight: h } = records;
  const onScreen = units.filter((u) => u.bottom > 0 && u.top < h);
  const ahead = units.filter((u) => u.bottom > 0 && u.top < 2 * h);
  const doneTimes = onScreen.map((u) => probe.doneAt[u.id]).filter((t): t is number => t !== undefined);
  const firstOnScreen = doneTimes.length ? Math.min(...doneTimes) : undefined;
  const allOnScreen = onScreen.length > 0 && doneTimes.length === onScreen.length ? Math.max(...doneTimes) : undefined;
  const intervals: Interval[] = requests.map((r) => ({ start: r.start - probe.timeOrigin, end: r.start - probe.timeOrigin + r.delayMs }));
  const providerUntil = (t: number | undefined) => (t === undefined ? undefined : coveredTime(intervals, t));
  const minus = (a: number | undefined, b: number | undefined) => (a === undefined || b === undefined ? undefined : a - b);
  const cs = records.contentScriptStartEpoch === undefined ? undefined : records.contentScriptStartEpoch - probe.timeOrigin;
  const firstMinusProvider = minus(firstOnScreen, providerUntil(firstOnScreen));
  const allMinusProvider = minus(allOnScreen, providerUntil(allOnScreen));
  const taskFrom = cs ?? probe.domContentLoaded ?? 0;
  const after = probe.longTasks.filter((t) => t.start >= taskFrom - 1);
  const framesAfter = (probe.longFrames ?? []).filter((f) => f.start + f.duration > taskFrom);
  const charsOnScreen = sum(onScreen.map((u) => u.chars));
  const ready = probe.domContentLoaded;
  const providerFirst = providerUntil(firstOnScreen);
  const providerAll = providerUntil(allOnScreen);
  const limitFirst = ready === undefined || providerFirst === undefined ? undefined : ready + providerFirst;
  const firstRequestAt = intervals.length ? Math.min(...intervals.map((i) => i.start)) : undefined;
  const charsSent = sum(requests.map((r) => r.chars));
  return {
    firstOnScreen,
    allOnScreen,
    firstMinusProvider,
    allMinusProvider,
    contentScriptStart: cs,
    overheadFirstFromCs: minus(firstMinusProvider, cs),
    overheadAllFromCs: minus(allMinusProvider, cs),
    firstAfterCs: minus(firstOnScreen, cs),
    markedAfterCs: minus(probe.firstUnitAt, cs),
    firstRequestAfterCs: minus(intervals.length ? Math.min(...intervals.map((i) => i.start)) : undefined, cs),
    pageReady: ready,
    pageLoad: probe.loadEnd,
    providerFirst,
    providerAll,
    overheadFirst: minus(firstOnScreen, limitFirst),
    overheadAll: minus(allOnScreen, ready === undefined || providerAll === undefined ? undefined : ready + providerAll),
    firstOverLimit: firstOnScreen === undefined || !limitFirst ? undefined : firstOnScreen / limitFirst,
    markStart: probe.marks?.start,
    markRequested: probe.marks?.requested,
    firstRequestAt,
    requestBeforeLoad: firstRequestAt === undefined || probe.loadEnd === undefined ? undefined : firstRequestAt < probe.loadEnd ? 1 : 0,
    longFrames: (probe.longFrames ?? []).length,
    unitsOnScreen: onScreen.length,
    unitsOnScreenDone: doneTimes.length,
    requests: requests.length,
    requestBytes: sum(requests.map((r) => r.requestBytes)),
    responseBytes: sum(requests.map((r) => r.responseBytes)),
    charsSent,
    charsOnScreen,
    charsSentPerCharOnScreen: charsOnScreen > 0 ? charsSent / charsOnScreen : undefined,
    minRequestsAhead: minRequests(ahead.map((u) => u.chars), records.limits),
    longestTask: Math.max(0, ...probe.longTasks.map((t) => t.duration)),
    longTaskTotal: sum(probe.longTasks.map((t) => t.duration)),
    longestTaskAfterStart: Math.max(0, ...after.map((t) => t.duration)),
    longTaskTotalAfterStart: sum(after.map((t) => t.duration)),
    longestFrameAfterStart: Math.max(0, ...framesAfter.map((f) => f.duration)),
    longFramesAfterStart: framesAfter.length,
  };
}
