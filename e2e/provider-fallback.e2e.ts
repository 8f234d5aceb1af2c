/**
 * Issue 12 in Chromium with the fake providers (Google and Microsoft answered inside the browser with
 * their real wire formats): the keyless fallback chain, a same-language page, de-duplication across
 * tabs, and the cache partitioned by top-level site.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { sendToTab, setMode, waitForContentScript } from '../scripts/e2e-kit/extension';
import { countTranslations, waitForTranslations } from '../scripts/e2e-kit/page-state';
import { pseudoTranslate } from '../scripts/e2e-kit/pseudo-translate';
import { pillView } from '../utils/page-ui/pill-view';
import { probeUnits, scrollThrough } from './helpers/page-probe';
import { loadExpectation, recordMetric, startSession, type E2ESession } from './helpers/session';

const krone = loadExpectation('krone-north-korea'); // an English article
const spanish = loadExpectation('es-navalcruz-sequia');

async function open(s: E2ESession, page: Page, url: string): Promise<void> {
  await page.goto(url);
  await waitForContentScript(s.browser, page);
}

describe('fallback chain: Google refuses this network for the whole test', () => {
  let s: E2ESession;
  beforeAll(async () => {
    s = await startSession({ settings: { targetLanguage: 'de' } });
  });
  afterAll(async () => {
    await s?.close();
  });

  it('every paragraph is translated by Microsoft, the page says so, and Google is left alone once its breaker opens', async () => {
    s.fake.block(); // 429 with a CAPTCHA page, no Retry-After, on both Google endpoints
    s.fake.setLatency({ latencyMs: 150 });
    s.microsoft.setLatency(150);
    await open(s, s.page, s.server.url(krone.page));
    const started = Date.now();
    await setMode(s.browser, s.page, 'bilingual');
    await waitForTranslations(s.page, { scope: 'viewport', timeoutMs: 30_000 });
    recordMetric('Google blocked, breaker closed: first screen done', Date.now() - started, 'ms');
    recordMetric('Google blocked, breaker closed: requests to Google (first screen)', s.fake.requests, 'requests');
    await scrollThrough(s.page);
    const counts = await waitForTranslations(s.page, { scope: 'all', timeoutMs: 30_000 });
    expect(counts.error, 'no paragraph failed').toBe(0);

    const units = await probeUnits(s.page, krone.mustTranslate);
    for (const unit of units) expect(unit.translation?.text, unit.text).toBe(pseudoTranslate(unit.text, 'de'));
    const byMicrosoft = new Set(s.microsoft.log.flatMap((r) => r.texts));
    for (const unit of units) expect(byMicrosoft.has(unit.text), `Microsoft translated "${unit.text}"`).toBe(true);

    const status = await sendToTab(s.browser, s.page, { type: 'getStatus' });
    expect(status.notice).toBe('Google Translate is refusing requests from this network right now; using Microsoft Translator.');
    expect(pillView(status)?.text).toContain('using Microsoft Translator');
    const googleRequests = s.fake.requests;
    recordMetric('Google blocked: requests to Google for the whole article', googleRequests, 'requests');
    expect(googleRequests, 'a blocked Google is not hammered').toBeLessThanOrEqual(4);

    // A second article while the breaker is open: no request to Google at all.
    s.fake.resetCounts();
    s.microsoft.resetCounts();
    const second = await s.browser.context.newPage();
    await open(s, second, s.server.url(spanish.page));
    const secondStarted = Date.now();
    await setMode(s.browser, second, 'bilingual');
    await waitForTranslations(second, { scope: 'viewport', timeoutMs: 30_000 });
    recordMetric('Google blocked, breaker open: first screen done', Date.now() - secondStarted, 'ms');
    recordMetric('Google blocked, breaker open: requests to Google', s.fake.requests, 'requests');
    recordMetric('Google blocked, breaker open: requests to Microsoft', s.microsoft.requests, 'requests');
    expect(s.fake.requests).toBe(0);
    expect(s.microsoft.requests).toBeGreaterThan(0);
    await second.close();
  });
});

describe('the same session, Google healthy', () => {
  let s: E2ESession;
  const extra: Page[] = [];
  beforeAll(async () => {
    s = await startSession({ settings: { targetLanguage: 'en' } });
  });
  afterEach(async () => {
    for (const page of extra.splice(0)) await page.close();
  });
  afterAll(async () => {
    await s?.close();
  });

  it('a page already in the target language says so (pill and popup), instead of "Translated 0/12"', async () => {
    await open(s, s.page, s.server.url(krone.page));
    await setMode(s.browser, s.page, 'bilingual');
    await s.page.waitForTimeout(300);
    const deadline = Date.now() + 15_000;
    let status = await sendToTab(s.browser, s.page, { type: 'getStatus' });
    while ((status.pending > 0 || !status.sameLanguage) && Date.now() < deadline) {
      await s.page.waitForTimeout(100);
      status = await sendToTab(s.browser, s.page, { type: 'getStatus' });
    }
    expect(status.sameLanguage ?? 0).toBeGreaterThan(0);
    expect(status.translated).toBe(0);
    expect(pillView(status)?.text).toBe('This page is already in English');
  });

  it('ten tabs of one article: each distinct text is sent once', async () => {
    await sendToTab(s.browser, s.page, { type: 'setMode', mode: 'original' });
    await s.page.goto('about:blank');
    s.fake.resetCounts();
    s.fake.setLatency({ latencyMs: 300 });
    // A new target language: nothing of this article is cached or remembered for it yet.
    const { writeSettings } = await import('../scripts/e2e-kit/extension');
    await writeSettings(s.browser, { targetLanguage: 'fr' });
    const pages = await Promise.all(Array.from({ length: 10 }, () => s.browser.context.newPage()));
    extra.push(...pages);
    await Promise.all(pages.map((page) => page.goto(s.server.url(krone.page))));
    for (const page of pages) await waitForContentScript(s.browser, page);
    for (const page of pages) await setMode(s.browser, page, 'bilingual');
    for (const page of pages) await waitForTranslations(page, { scope: 'viewport', timeoutMs: 30_000 });
    const sent = s.fake.log.flatMap((r) => r.texts);
    recordMetric('10 tabs of one article: texts sent', sent.length, 'texts');
    recordMetric('10 tabs of one article: distinct texts', new Set(sent).size, 'texts');
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.length, 'a text was sent twice').toBe(new Set(sent).size);
  });

  it('cross-site: a paragraph read on one site is not answered from the cache on another (no timing difference)', async () => {
    s.fake.setLatency({ latencyMs: 300 });
    const { writeSettings } = await import('../scripts/e2e-kit/extension');
    await writeSettings(s.browser, { targetLanguage: 'it' });
    const siteA = s.server.url(krone.page);
    const siteB = siteA.replace('://127.0.0.1', '://localhost'); // another top-level site, the same text
    const timeToFirstScreen = async (url: string): Promise<number> => {
      const page = await s.browser.context.newPage();
      extra.push(page);
      await open(s, page, url);
      const started = Date.now();
      await setMode(s.browser, page, 'bilingual');
      await waitForTranslations(page, { scope: 'viewport', timeoutMs: 30_000, settleMs: 0 });
      const ms = Date.now() - started;
      expect((await countTranslations(page, 'viewport')).error).toBe(0);
      return ms;
    };
    const fresh = await timeToFirstScreen(siteA); // from the provider: ≥ 300 ms
    s.fake.resetCounts();
    const sameSite = await timeToFirstScreen(`${siteA}?again`); // the cache, same site
    const sameSiteRequests = s.fake.requests;
    s.fake.resetCounts();
    const crossSite = await timeToFirstScreen(siteB);
    recordMetric('cross-site: first screen, fresh (site A)', fresh, 'ms');
    recordMetric('cross-site: first screen, cached (site A again)', sameSite, 'ms');
    recordMetric('cross-site: first screen, same text on site B', crossSite, 'ms');
    expect(sameSiteRequests, 'site A again comes from the cache').toBe(0);
    const known = krone.mustTranslate[0]!;
    expect(s.fake.log.some((r) => r.texts.includes(known)), 'site B asked the provider for the known paragraph').toBe(true);
    expect(crossSite, 'site B waits for the provider like a fresh page').toBeGreaterThanOrEqual(300);
  });
});
