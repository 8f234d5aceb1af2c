import type { BrowserContext, Page } from 'playwright-core';
import type { DuetBrowser } from '../e2e-kit/chromium';
import { sendToTab } from '../e2e-kit/extension';
import { waitForTranslations } from '../e2e-kit/page-state';
import { google } from '../../utils/translate/providers/google';
import { computeFigures, type LoadFigures, type UnitBox } from './figures';
import { epochNow, heapUsedAfterGc, installProbe, readProbe } from './page-probe';
import type { ProviderTap, TappedRequest } from './provider-tap';
import { installSwProbe, takeSwEvents } from './sw-probe';
import { serviceWorkerOf } from '../e2e-kit/extension';

/**
 * One measured page load, with the extension (cold or warm) or without it (baseline).
 * Every wait is bounded; a load that never finishes translating is reported, not retried.
 */
export interface LoadSample extends LoadFigures {
  heapBytes: number;
  /** Harness round trip per provider request (see calibrate.ts), measured in this browser. */
  harnessRoundTripMs?: number;
  /** overheadFirstFromCs minus one harness round trip: the first paragraph needs one request. */
  overheadFirstNet?: number;
  /** Service worker: first provider fetch, ms after the first unit was marked (port, keys, cache lookup, queue). */
  swFetchAfterMarked?: number;
  /** Service worker: time the cache's IndexedDB open took during this load (0 when already open). */
  swIdbOpenMs?: number;
  loadEnd?: number;
  /** overheadFirst minus one harness round trip (cold loads with requests): Duet's own share. */
  overheadFirstNetRt?: number;
  /** firstOnScreen / (pageReady + provider delay + harness round trip): issue 15's "≤ 1.1". */
  firstOverRoundTrip?: number;
  /** The load's translations did not all finish in time. */
  timedOut: boolean;
  /** Requests kept for the endless-page check (texts only). */
  requestTexts?: string[][];
}

const TRANSLATE_TIMEOUT_MS = 20_000;
const QUIET_MS = 500;

/** Waits until no provider request started or was answered in the last QUIET_MS (at most 10 s). */
async function providerQuiet(page: Page, requests: readonly TappedRequest[]): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const last = Math.max(0, ...requests.map((r) => r.start + r.delayMs));
    if (epochNow() - last >= QUIET_MS) return;
    await page.waitForTimeout(100);
  }
}

/**
 * Marks each unit with our own attribute, asks Duet to show the Original (which restores the page
 * exactly), and reads where the units sit in the page's own layout at scroll 0.
 */
async function unitBoxesInOriginalLayout(browser: DuetBrowser, page: Page): Promise<{ units: UnitBox[]; height: number }> {
  await page.evaluate(() => {
    for (const el of document.querySelectorAll('[data-duet-unit]')) el.setAttribute('data-bench-unit', el.getAttribute('data-duet-unit')!);
  });
  await sendToTab(browser, page, { type: 'setMode', mode: 'original' }).catch(() => undefined);
  return page.evaluate(() => {
    scrollTo(0, 0);
    const units = [...document.querySelectorAll('[data-bench-unit]')].map((el) => {
      const r = el.getBoundingClientRect();
      return { id: el.getAttribute('data-bench-unit')!, top: r.top, bottom: r.bottom, chars: (el.textContent ?? '').replace(/\s+/g, ' ').trim().length };
    });
    return { units, height: innerHeight };
  });
}

export interface ExtensionLoadOptions {
  harnessRoundTripMs?: number;
  /** Runs after the on-screen translations settle and before the page is restored (the endless page's scrolling). */
  afterSettled?: (page: Page) => Promise<void>;
}

export async function loadWithExtension(browser: DuetBrowser, tap: ProviderTap, url: string, options: ExtensionLoadOptions = {}): Promise<LoadSample> {
  const page = await browser.context.newPage();
  try {
    await installProbe(page);
    const cdp = await browser.context.newCDPSession(page);
    tap.reset();
    const sw = await serviceWorkerOf(browser);
    await installSwProbe(sw);
    await takeSwEvents(sw);
    await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
    let timedOut = false;
    await waitForTranslations(page, { scope: 'viewport', timeoutMs: TRANSLATE_TIMEOUT_MS, settleMs: 300 }).catch(() => {
      timedOut = true;
    });
    await providerQuiet(page, tap.requests);
    const requests = [...tap.requests];
    const probe = await readProbe(page);
    const swEvents = await takeSwEvents(await serviceWorkerOf(browser)).catch(() => undefined);
    const settingsAsked = swEvents?.messages.find((m) => m.type === 'startPage')?.at;
    const firstFetch = swEvents?.fetches.length ? Math.min(...swEvents.fetches) - probe.timeOrigin : undefined;
    const heapBytes = await heapUsedAfterGc(cdp);
    await options.afterSettled?.(page);
    const { units, height } = await unitBoxesInOriginalLayout(browser, page);
    const figures = computeFigures({ probe, contentScriptStartEpoch: settingsAsked, requests, units, viewportHeight: height, limits: google.limits });
    const rt = options.harnessRoundTripMs;
    const net = figures.overheadFirstFromCs === undefined || rt === undefined || figures.requests === 0 ? figures.overheadFirstFromCs : figures.overheadFirstFromCs - rt;
    const roundTrip = figures.requests > 0 ? (figures.providerFirst ?? 0) + (rt ?? 0) : 0;
    const limit = figures.pageReady === undefined ? undefined : figures.pageReady + roundTrip;
    return {
      ...figures,
      overheadFirstNetRt: figures.overheadFirst === undefined ? undefined : figures.overheadFirst - (figures.requests > 0 ? (rt ?? 0) : 0),
      firstOverRoundTrip: figures.firstOnScreen === undefined || !limit ? undefined : figures.firstOnScreen / limit,
      heapBytes,
      loadEnd: probe.loadEnd,
      timedOut,
      harnessRoundTripMs: rt,
      overheadFirstNet: net,
      swFetchAfterMarked: firstFetch === undefined || probe.firstUnitAt === undefined ? undefined : firstFetch - probe.firstUnitAt,
      swIdbOpenMs: swEvents ? swEvents.idbOpens.reduce((sum, o) => sum + o.ms, 0) : undefined,
    };
  } finally {
    await page.close().catch(() => {});
  }
}

/** The same page without the extension: load, a quiet second for late long tasks, heap after GC. */
export async function loadBaseline(context: BrowserContext, url: string): Promise<LoadSample> {
  const page = await context.newPage();
  try {
    await installProbe(page);
    const cdp = await context.newCDPSession(page);
    await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
    await page.waitForTimeout(1000);
    const probe = await readProbe(page);
    const heapBytes = await heapUsedAfterGc(cdp);
    const figures = computeFigures({ probe, requests: [], units: [], viewportHeight: 1, limits: google.limits });
    return { ...figures, heapBytes, loadEnd: probe.loadEnd, timedOut: false };
  } finally {
    await page.close().catch(() => {});
  }
}
