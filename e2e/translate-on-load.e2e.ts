/**
 * Issue 2 (a) and (d): a site on the "always translate" list is translated as it loads; every
 * article unit of the krone fixture gets its translation beside it, nothing else is sent to the
 * provider, and a reload is served entirely from the cache.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstTranslationMs, recordFirstTranslation, waitForTranslations } from '../scripts/e2e-kit/page-state';
import { normalizeText, pseudoTranslate } from '../scripts/e2e-kit/pseudo-translate';
import { listTranslations, probeUnits, scrollThrough } from './helpers/page-probe';
import { loadExpectation, recordMetric, startSession, type E2ESession } from './helpers/session';

const expected = loadExpectation('krone-north-korea');
const TARGET = 'de';
const allowed = new Set([...expected.mustTranslate, ...expected.eitherWay]);

describe('krone fixture, translated on load (always-translate site)', () => {
  let s: E2ESession;
  let coldRequests = 0;

  beforeAll(async () => {
    s = await startSession({ settings: { targetLanguage: TARGET, alwaysTranslateSites: ['127.0.0.1'], debugMarks: true } });
    await recordFirstTranslation(s.page);
  });
  afterAll(async () => {
    await s?.close();
  });

  it('(a) shows the translation of every article unit beside it and translates nothing else', async () => {
    await s.page.goto(s.server.url(expected.page));
    await s.page.waitForFunction(() => document.querySelector('duet-translation[data-duet-state="done"]'), null, { timeout: 30_000 });
    const firstMs = await firstTranslationMs(s.page);
    await scrollThrough(s.page);
    await waitForTranslations(s.page, { scope: 'all', timeoutMs: 30_000 });
    coldRequests = s.fake.requests;

    const units = await probeUnits(s.page, expected.mustTranslate);
    for (const unit of units) {
      expect(unit.candidates, `no element shows "${unit.text}"`).toBeGreaterThan(0);
      expect(unit.unitId, `not marked as a unit: "${unit.text}"`).not.toBeNull();
      expect(unit.translation, `no translation for "${unit.text}"`).not.toBeNull();
      expect(unit.translation!.state).toBe('done');
      expect(unit.translation!.text).toBe(pseudoTranslate(unit.text, TARGET));
      expect(unit.translation!.translate).toBe('no');
      expect(unit.translation!.lang).toBe(TARGET);
      expect(unit.translation!.dir).toBe('ltr');
      expect(unit.translation!.visible, `translation not visible: "${unit.text}"`).toBe(true);
    }
    expect(new Set(units.map((u) => u.unitId)).size, 'unit ids are unique').toBe(units.length);

    // Nothing else on the page is translated…
    const translations = await listTranslations(s.page);
    for (const t of translations) {
      expect(allowed.has(t.originalText ?? ''), `translated something outside the article: "${t.originalText}"`).toBe(true);
      for (const banned of expected.mustNotTranslate) expect(t.text).not.toContain(banned);
    }
    // …and nothing else was even sent to the provider.
    const sent = s.fake.log.flatMap((r) => r.texts.map(normalizeText));
    for (const text of sent) expect(allowed.has(text), `sent to the provider: "${text.slice(0, 80)}"`).toBe(true);
    expect(s.fake.log.every((r) => r.to === TARGET)).toBe(true);

    expect(firstMs, 'first translation time recorded').toBeTypeOf('number');
    recordMetric('cold: navigation start → first translated paragraph', firstMs!, 'ms');
    recordMetric('cold: provider requests', s.fake.requests, 'requests');
    recordMetric('cold: provider characters', s.fake.chars, 'chars');
    recordMetric('cold: texts sent', s.fake.texts, 'texts');
  });

  it('(d) reload: the first screen comes from the page memory, the rest from the cache, zero provider requests', async () => {
    expect(coldRequests, 'the cold load must have asked the provider').toBeGreaterThan(0);
    s.fake.resetCounts();
    await s.page.reload();
    await s.page.waitForFunction(() => document.querySelector('duet-translation[data-duet-state="done"]'), null, { timeout: 30_000 });
    const firstMs = await firstTranslationMs(s.page);
    // The first screen came with the content script's settings (page memory): shown before the page
    // asked for anything at all. Content-script marks share the page's performance timeline.
    const marks = await s.page.evaluate(() => performance.getEntriesByType('mark').map((m) => m.name));
    expect(marks).toContain('duet:first-result');
    expect(marks, 'the first screen after a reload must not wait for a translate request').not.toContain('duet:requested');
    await scrollThrough(s.page);
    const counts = await waitForTranslations(s.page, { scope: 'all', timeoutMs: 30_000 });
    expect(counts.error).toBe(0);

    const units = await probeUnits(s.page, expected.mustTranslate);
    for (const unit of units) {
      expect(unit.translation?.state, `not translated after reload: "${unit.text}"`).toBe('done');
      expect(unit.translation!.text).toBe(pseudoTranslate(unit.text, TARGET));
    }
    // Give stragglers a moment: a late request would still be a cache failure.
    await s.page.waitForTimeout(500);
    expect(s.fake.requests, 'provider requests on a warm reload').toBe(0);
    recordMetric('warm (cache): navigation start → first translated paragraph', firstMs!, 'ms');
    recordMetric('warm (cache): provider requests', s.fake.requests, 'requests');
  });
});
