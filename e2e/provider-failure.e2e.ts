/**
 * Issue 2 (e): when the provider fails, each affected paragraph says so and offers a retry button;
 * once the provider works again, clicking retry translates that paragraph.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setMode, waitForContentScript } from '../scripts/e2e-kit/extension';
import { waitForTranslations } from '../scripts/e2e-kit/page-state';
import { pseudoTranslate } from '../scripts/e2e-kit/pseudo-translate';
import { probeUnits } from './helpers/page-probe';
import { loadExpectation, recordMetric, startSession, type E2ESession } from './helpers/session';

const expected = loadExpectation('krone-north-korea');
const TARGET = 'de';

describe('provider failures', () => {
  let s: E2ESession;

  beforeAll(async () => {
    s = await startSession({ settings: { targetLanguage: TARGET } });
  });
  afterAll(async () => {
    await s?.close();
  });

  async function openAndTranslate(): Promise<void> {
    await s.page.goto(s.server.url(expected.page));
    await waitForContentScript(s.browser, s.page);
    await setMode(s.browser, s.page, 'bilingual');
  }

  it('403 (not retried): per-paragraph errors with a retry button, and no retry storm', async () => {
    s.fake.failAll(403);
    const started = Date.now();
    await openAndTranslate();
    const counts = await waitForTranslations(s.page, { scope: 'viewport', timeoutMs: 30_000 });
    recordMetric('403: time until errors shown', Date.now() - started, 'ms');
    expect(counts.error, 'units shown as failed').toBeGreaterThan(0);
    expect(counts.done).toBe(0);

    const units = await probeUnits(s.page, expected.mustTranslate);
    const failed = units.filter((u) => u.translation?.state === 'error');
    expect(failed.length).toBeGreaterThan(0);
    for (const unit of failed) {
      expect(unit.translation!.hasRetry, `no retry button: "${unit.text}"`).toBe(true);
      expect(unit.translation!.visible).toBe(true);
      expect(unit.translation!.text.length, 'the error says something').toBeGreaterThan(0);
    }
    const requests = s.fake.requests;
    await s.page.waitForTimeout(2_000);
    expect(s.fake.requests, 'requests kept coming after a 403').toBe(requests);
    s.fake.heal();
  });

  it('500 past retries: errors shown; after healing, clicking retry translates that paragraph', async () => {
    s.fake.failAll(500);
    const started = Date.now();
    await openAndTranslate();
    const counts = await waitForTranslations(s.page, { scope: 'viewport', timeoutMs: 60_000 });
    recordMetric('500: time until errors shown (after retries)', Date.now() - started, 'ms');
    recordMetric('500: provider requests until giving up', s.fake.requests, 'requests');
    expect(counts.error).toBeGreaterThan(0);

    const units = await probeUnits(s.page, expected.mustTranslate);
    const target = units.find((u) => u.translation?.state === 'error' && u.translation.hasRetry);
    expect(target, 'a failed paragraph with a retry button').toBeDefined();

    s.fake.heal();
    s.fake.resetCounts();
    await s.page.locator(`duet-translation[data-duet-for="${target!.unitId}"] button.duet-retry`).click();
    await s.page.waitForFunction(
      (id) => [...document.querySelectorAll('duet-translation')].some((t) => t.getAttribute('data-duet-for') === id && t.getAttribute('data-duet-state') === 'done'),
      target!.unitId,
      { timeout: 30_000 },
    );
    const [after] = await probeUnits(s.page, [target!.text]);
    expect(after!.translation!.text).toBe(pseudoTranslate(target!.text, TARGET));
    expect(after!.translation!.hasRetry).toBe(false);
    expect(s.fake.log.some((r) => r.texts.includes(target!.text)), 'the retry asked the provider for that paragraph').toBe(true);
  });
});
