/**
 * Issue 2 (a) layout, (b) exact restore, (c) Translation only — driven like the popup does:
 * `setMode` sent to the tab's content script from the service worker. The page is captured
 * before Duet touches it, so Original can be compared byte for byte.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setMode, waitForContentScript } from '../scripts/e2e-kit/extension';
import { waitForTranslations } from '../scripts/e2e-kit/page-state';
import { pseudoTranslate } from '../scripts/e2e-kit/pseudo-translate';
import { pageMetrics, probeUnits, scrollThrough, tagOriginals, type UnitProbe } from './helpers/page-probe';
import { artifactPath, loadExpectation, recordMetric, startSession, type E2ESession } from './helpers/session';

const expected = loadExpectation('krone-north-korea');
const TARGET = 'de';
/** Tops of an original and its translation may differ this much and still count as aligned. */
const ALIGN_PX = 4;

describe('krone fixture: modes, layout and restore', () => {
  let s: E2ESession;
  let bodyBefore = '';
  let before: UnitProbe[] = [];

  beforeAll(async () => {
    s = await startSession({ settings: { targetLanguage: TARGET }, viewport: { width: 1280, height: 900 } });
    await s.page.goto(s.server.url(expected.page));
    const untouched = (await pageMetrics(s.page)).bodyHtml;
    const status = await waitForContentScript(s.browser, s.page);
    // Not on the always-translate list: nothing happens until the reader asks…
    expect(status.mode).toBe('original');
    // …but the popup's status already says what Duet found, and finding it changed nothing.
    expect(status.isArticle).toBe(true);
    expect(status.found).toBeGreaterThanOrEqual(expected.mustTranslate.length);
    expect((await pageMetrics(s.page)).bodyHtml).toBe(untouched);
    expect(await s.page.locator('duet-translation').count()).toBe(0);
    expect(s.fake.requests).toBe(0);
    bodyBefore = (await pageMetrics(s.page)).bodyHtml;
    expect(await tagOriginals(s.page, expected.mustTranslate)).toBe(expected.mustTranslate.length);
    before = await probeUnits(s.page, expected.mustTranslate);
  });
  afterAll(async () => {
    await s?.close();
  });

  it('Bilingual at 1280 px: each translation right of its original, tops aligned, original look unchanged', async () => {
    expect((await pageMetrics(s.page)).scrollWidth, 'fixture has no horizontal scroll to begin with').toBeLessThanOrEqual(1280);
    await setMode(s.browser, s.page, 'bilingual');
    await scrollThrough(s.page);
    await waitForTranslations(s.page, { scope: 'all', timeoutMs: 30_000 });
    await s.page.screenshot({ path: artifactPath('krone-bilingual-1280.png'), fullPage: true, caret: 'initial' });

    const units = await probeUnits(s.page, expected.mustTranslate);
    units.forEach((unit, i) => {
      const tr = unit.translation;
      expect(tr?.state, `"${unit.text}"`).toBe('done');
      expect(tr!.text).toBe(pseudoTranslate(unit.text, TARGET));
      expect(unit.tag, `original element replaced: "${unit.text}"`).toBe(i);
      expect(tr!.box.left, `translation not right of original: "${unit.text}"`).toBeGreaterThanOrEqual(unit.box!.right - 1);
      expect(Math.abs(tr!.box.top - unit.box!.top), `tops not aligned: "${unit.text}"`).toBeLessThanOrEqual(ALIGN_PX);
      expect(unit.style, `original's look changed: "${unit.text}"`).toEqual(before[i]!.style);
    });
    const m = await pageMetrics(s.page);
    expect(m.scrollWidth, 'horizontal scrollbar at 1280 px').toBeLessThanOrEqual(m.clientWidth);
    recordMetric('bilingual: provider requests (manual trigger, cold)', s.fake.requests, 'requests');
  });

  it('Bilingual at 600 px: each translation stacked under its original, no horizontal scroll', async () => {
    await s.page.setViewportSize({ width: 600, height: 900 });
    await s.page.waitForTimeout(300); // layout follows the resize (CSS or a ResizeObserver)
    const units = await probeUnits(s.page, expected.mustTranslate);
    for (const unit of units) {
      expect(unit.translation?.state).toBe('done');
      expect(unit.translation!.box.top, `translation not under original: "${unit.text}"`).toBeGreaterThanOrEqual(unit.box!.bottom - 1);
    }
    const m = await pageMetrics(s.page);
    expect(m.scrollWidth, 'horizontal scrollbar at 600 px').toBeLessThanOrEqual(m.clientWidth);
    await s.page.screenshot({ path: artifactPath('krone-bilingual-600.png'), fullPage: true, caret: 'initial' });
    await s.page.setViewportSize({ width: 1280, height: 900 });
  });

  it('(c) Translation only hides the originals, shows the translations, and asks the provider nothing', async () => {
    const requestsBefore = s.fake.requests;
    await setMode(s.browser, s.page, 'translation');
    await s.page.waitForTimeout(200);
    const units = await probeUnits(s.page, expected.mustTranslate);
    units.forEach((unit, i) => {
      expect(unit.tag, `original element replaced: "${unit.text}"`).toBe(i);
      expect(unit.visible, `original still visible: "${unit.text}"`).toBe(false);
      expect(unit.translation?.visible, `translation not visible: "${unit.text}"`).toBe(true);
      expect(unit.translation!.text).toBe(pseudoTranslate(unit.text, TARGET));
    });
    await s.page.screenshot({ path: artifactPath('krone-translation-only.png'), fullPage: true, caret: 'initial' });
    await setMode(s.browser, s.page, 'bilingual');
    await s.page.waitForTimeout(200);
    expect(s.fake.requests - requestsBefore, 'provider requests caused by mode switches').toBe(0);
  });

  it('(b) Original restores the exact body HTML and keeps the same element nodes', async () => {
    await setMode(s.browser, s.page, 'original');
    await s.page
      .waitForFunction(() => !document.querySelector('duet-translation, duet-pair, [data-duet-unit]'), null, { timeout: 5_000 })
      .catch(() => {});
    const after = await pageMetrics(s.page);
    expect(after.bodyHtml === bodyBefore, `body.innerHTML differs from before translation: ${firstDifference(bodyBefore, after.bodyHtml)}`).toBe(
      true,
    );
    expect(await s.page.evaluate(() => document.documentElement.hasAttribute('data-duet-mode'))).toBe(false);
    const units = await probeUnits(s.page, expected.mustTranslate);
    units.forEach((unit, i) => {
      expect(unit.tag, `not the same node after restore: "${unit.text}"`).toBe(i);
      expect(unit.visible).toBe(true);
      expect(unit.style).toEqual(before[i]!.style);
    });

    // And back to Bilingual without asking the provider again.
    const requestsBefore = s.fake.requests;
    await setMode(s.browser, s.page, 'bilingual');
    await waitForTranslations(s.page, { scope: 'viewport', timeoutMs: 15_000 });
    expect(s.fake.requests - requestsBefore, 'provider requests when switching back to Bilingual').toBe(0);
  });
});

/** Where two strings first differ, with a little context either side (for failure messages). */
function firstDifference(a: string, b: string): string {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (i === a.length && i === b.length) return 'none';
  return `at ${i}: before …${JSON.stringify(a.slice(Math.max(0, i - 60), i + 60))}… after …${JSON.stringify(b.slice(Math.max(0, i - 60), i + 60))}…`;
}
