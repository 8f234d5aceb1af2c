/**
 * Issue 3, a real engine end to end: Apertium APy (Debian `apertium-apy` + `apertium-eng-spa`) translates
 * the Spanish fixture page into English in Chromium through the extension. Every article unit must show
 * exactly what APy answers for that text when asked directly, and nothing of the page chrome is translated.
 * Runs inside scripts/run-e2e.ts's loopback-only namespace; APy is bound to 127.0.0.1 and stopped afterwards.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { apertiumTranslate, listeningAddresses, processGroupMembers, startApertium, type ApertiumServer } from '../scripts/e2e-kit/apertium';
import { serviceWorkerOf, type WorkerGlobals } from '../scripts/e2e-kit/extension';
import { firstTranslationMs, recordFirstTranslation, waitForTranslations } from '../scripts/e2e-kit/page-state';
import { listTranslations, probeUnits, scrollThrough } from './helpers/page-probe';
import { loadExpectation, recordMetric, startSession, type E2ESession } from './helpers/session';

const expected = loadExpectation('es-navalcruz-sequia');
const allowed = new Set([...expected.mustTranslate, ...expected.eitherWay]);
const norm = (s: string) => s.replace(/\s+/g, ' ').trim();

/**
 * Page-clock time (ms since navigation start) of the latest translation to reach "done": once the page
 * has settled, that is when everything was translated.
 */
async function recordLastDone(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __duetLastDoneMs?: number; __duetDoneCount?: number };
    w.__duetDoneCount = 0;
    new MutationObserver(() => {
      const done = document.querySelectorAll('duet-translation[data-duet-state="done"]').length;
      if (done > (w.__duetDoneCount ?? 0)) w.__duetLastDoneMs = performance.now();
      w.__duetDoneCount = done;
    }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-duet-state'] });
  });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

describe('Apertium APy: Spanish news page → English, end to end', () => {
  let apy: ApertiumServer;
  let s: E2ESession;

  beforeAll(async () => {
    apy = await startApertium({ log: (line) => console.log(`[apertium] ${line}`) });
    recordMetric('apertium: APy start → /listPairs answers', apy.startMs, 'ms');
    // Tall viewport: the whole article is on screen, so "all translated" measures the engine, not scrolling.
    s = await startSession({
      settings: { provider: 'apertium', sourceLanguage: 'es', targetLanguage: 'en', alwaysTranslateSites: ['127.0.0.1'] },
      viewport: { width: 1280, height: 2400 },
    });
    const sw = await serviceWorkerOf(s.browser);
    await sw.evaluate(
      (url) => (globalThis as unknown as WorkerGlobals).chrome.storage.local.set({ providerConfig: { apertium: { url } } }),
      apy.url,
    );
    await recordFirstTranslation(s.page);
    await recordLastDone(s.page);
  });
  afterAll(async () => {
    await s?.close();
    await apy?.close();
  });

  it('shows APy\'s own translation beside every article unit and translates nothing else', async () => {
    expect(apy.loopbackOnly || process.env.DUET_NETNS === '1', 'APy reachable beyond loopback').toBe(true);
    await s.page.goto(s.server.url(expected.page));
    await s.page
      .waitForFunction(() => document.querySelector('duet-translation[data-duet-state="done"]'), null, { timeout: 30_000 })
      .catch(async (error: unknown) => {
        const states = await listTranslations(s.page);
        throw new Error(`no translation reached "done": ${JSON.stringify(states.slice(0, 3))}\nAPy log:\n${apy.output()}\n${String(error)}`);
      });
    await scrollThrough(s.page);
    const counts = await waitForTranslations(s.page, { scope: 'all', timeoutMs: 30_000 });
    expect(counts.error, 'units that failed').toBe(0);
    // Before this test's own direct calls below: APy's log of the extension's requests.
    const extensionDurations = apy.translateDurations();
    const extensionRequests = extensionDurations.length;

    const lastDoneMs = await s.page.evaluate(() => (window as unknown as { __duetLastDoneMs?: number }).__duetLastDoneMs);
    const units = await probeUnits(s.page, expected.mustTranslate);
    const latencies: number[] = [];
    // Soft checks: one missing unit (an extraction miss) must not hide whether APy's output is shown right elsewhere.
    for (const unit of units) {
      if (!unit.translation) {
        expect.soft(unit.translation, `no translation for "${unit.text}"`).not.toBeNull();
        continue;
      }
      expect.soft(unit.translation!.state).toBe('done');
      expect.soft(unit.translation!.lang).toBe('en');
      expect.soft(unit.translation!.visible, `translation not visible: "${unit.text}"`).toBe(true);
      const started = performance.now();
      const direct = norm(await apertiumTranslate(apy.url, unit.text, 'spa|eng'));
      latencies.push(performance.now() - started);
      expect.soft(unit.translation!.text, `shown translation differs from APy's for "${unit.text}"`).toBe(direct);
      expect.soft(direct).not.toBe(unit.text); // APy really translated it
    }
    expect(latencies.length, 'units checked against APy').toBeGreaterThan(0);

    const firstMs = await firstTranslationMs(s.page);
    expect(firstMs, 'first translation time recorded').toBeTypeOf('number');
    expect(lastDoneMs, 'last translation time recorded').toBeTypeOf('number');
    recordMetric('apertium: navigation start → first translated paragraph', firstMs!, 'ms');
    recordMetric(`apertium: navigation start → all ${counts.done} units translated`, lastDoneMs!, 'ms');
    recordMetric('apertium: APy warm latency per unit, median (direct from Node)', median(latencies), 'ms');
    recordMetric('apertium: APy /translate requests during the page load', extensionRequests, 'requests');
    if (extensionRequests > 0) {
      recordMetric('apertium: first request in APy (includes starting the spa-eng pipeline)', extensionDurations[0]!, 'ms');
      recordMetric('apertium: APy server time per unit during the page load, median', median(extensionDurations), 'ms');
    }

    const translations = await listTranslations(s.page);
    for (const t of translations) {
      expect(allowed.has(t.originalText ?? ''), `translated something outside the article: "${t.originalText}"`).toBe(true);
      for (const banned of expected.mustNotTranslate) expect(t.originalText ?? '').not.toContain(banned);
    }
    // The extension reached APy itself (one request per text, no batching), and never Google.
    expect(extensionRequests, 'APy /translate requests logged').toBeGreaterThanOrEqual(counts.done);
    expect(s.fake.requests, 'requests to (fake) Google').toBe(0);
  });

  it('close() stops APy and the apertium pipelines it started, and frees the port', async () => {
    expect(processGroupMembers(apy.pid).length, 'APy plus its spa-eng pipeline').toBeGreaterThan(1);
    await apy.close();
    expect(processGroupMembers(apy.pid)).toEqual([]);
    expect(listeningAddresses(apy.port)).toEqual([]);
  });
});
