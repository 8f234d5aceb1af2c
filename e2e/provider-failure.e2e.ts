/**
 * Issue 2 (e), revised by issue 12: with the service pinned (no fallback), a failure of the service is
 * said once for the page (the pill and popup: the service's own words, one Retry where it can help)
 * and each paragraph only says it is not translated; a failure of one text keeps its own Retry button;
 * a long Retry-After never freezes the page: one Retry after the service healed translates everything.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendToTab, setMode, waitForContentScript } from '../scripts/e2e-kit/extension';
import { waitForTranslations } from '../scripts/e2e-kit/page-state';
import { pseudoTranslate } from '../scripts/e2e-kit/pseudo-translate';
import { probeUnits } from './helpers/page-probe';
import { loadExpectation, recordMetric, startSession, type E2ESession } from './helpers/session';

const expected = loadExpectation('krone-north-korea');
const TARGET = 'de';

describe('provider failures', () => {
  let s: E2ESession;

  beforeAll(async () => {
    // Pinned: these are the failures a reader sees when no other service may stand in.
    s = await startSession({ settings: { targetLanguage: TARGET, fallbackChain: false } });
  });
  afterAll(async () => {
    await s?.close();
  });

  async function openAndTranslate(): Promise<void> {
    await s.page.goto(s.server.url(expected.page));
    await waitForContentScript(s.browser, s.page);
    await setMode(s.browser, s.page, 'bilingual');
  }

  it('403 from keyless Google: one page-wide message in its words (not "the key"), no Retry per paragraph, no retry storm', async () => {
    s.fake.failAll(403);
    const started = Date.now();
    await openAndTranslate();
    const counts = await waitForTranslations(s.page, { scope: 'viewport', timeoutMs: 30_000 });
    recordMetric('403: time until errors shown', Date.now() - started, 'ms');
    expect(counts.error, 'units shown as failed').toBeGreaterThan(0);
    expect(counts.done).toBe(0);

    const status = await sendToTab(s.browser, s.page, { type: 'getStatus' });
    expect(status.problem?.message).toMatch(/^Google Translate is refusing requests from this network right now/);
    expect(status.problem?.message).not.toMatch(/key/i);
    const units = await probeUnits(s.page, expected.mustTranslate);
    const failed = units.filter((u) => u.translation?.state === 'error');
    expect(failed.length).toBeGreaterThan(0);
    for (const unit of failed) {
      expect(unit.translation!.hasRetry, `a Retry under every paragraph: "${unit.text}"`).toBe(false);
      expect(unit.translation!.visible).toBe(true);
      expect(unit.translation!.text.length, 'the paragraph says something').toBeGreaterThan(0);
    }
    const requests = s.fake.requests;
    await s.page.waitForTimeout(2_000);
    expect(s.fake.requests, 'requests kept coming after a 403').toBe(requests);

    // Healed: the one Retry (pill or popup) is used at once, although Google's breaker was still open.
    s.fake.heal();
    await sendToTab(s.browser, s.page, { type: 'retryFailed' });
    const healed = await waitForTranslations(s.page, { scope: 'viewport', timeoutMs: 20_000 });
    expect(healed.error).toBe(0);
    expect((await sendToTab(s.browser, s.page, { type: 'getStatus' })).problem).toBeUndefined();
  });

  it('Retry-After: 3600, then healed: one Retry translates every paragraph within 20 s', async () => {
    s.fake.failAll(429, { headers: { 'retry-after': '3600' } });
    const started = Date.now();
    await s.page.goto(s.server.url(loadExpectation('es-navalcruz-sequia').page)); // nothing of it cached yet
    await waitForContentScript(s.browser, s.page);
    await setMode(s.browser, s.page, 'bilingual');
    await waitForTranslations(s.page, { scope: 'viewport', timeoutMs: 30_000 });
    recordMetric('Retry-After 3600: time until the page says so', Date.now() - started, 'ms');
    const status = await sendToTab(s.browser, s.page, { type: 'getStatus' });
    expect(status.problem?.kind).toBe('rate-limit');
    expect(status.problem?.retryAt, 'a retry time no more than the 60 s cap away').toBeLessThanOrEqual(Date.now() + 61_000);

    s.fake.heal();
    s.fake.resetCounts();
    const retried = Date.now();
    await sendToTab(s.browser, s.page, { type: 'retryFailed' }); // what the pill's and the popup's Retry send
    const counts = await waitForTranslations(s.page, { scope: 'viewport', timeoutMs: 20_000 });
    recordMetric('Retry-After 3600: all on-screen paragraphs done after one Retry', Date.now() - retried, 'ms');
    expect(counts.error).toBe(0);
    expect(counts.done).toBeGreaterThan(0);
  });
});
