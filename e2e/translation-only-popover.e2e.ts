/**
 * Issue 13 (1): Translation only without reflow. The original of a paragraph shows in Duet's popover
 * over the page on hover, focus (keyboard shortcut) and tap; the article's boxes do not move by a pixel;
 * list items keep their markers; no paragraph becomes a Tab stop. Learning mode's blur, and Shift+hover
 * to translate one paragraph of an untranslated page, move nothing either.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setMode, waitForContentScript } from '../scripts/e2e-kit/extension';
import { waitForTranslations } from '../scripts/e2e-kit/page-state';
import { pseudoTranslate } from '../scripts/e2e-kit/pseudo-translate';
import { pageMetrics, scrollThrough } from './helpers/page-probe';
import { artifactPath, loadExpectation, recordMetric, startSession, type E2ESession } from './helpers/session';

const expected = loadExpectation('liveblog-election-night');
const LIST_ITEM = 'Whether the governing coalition keeps its majority of three seats.';
const PARAGRAPH = expected.mustTranslate.find((t) => t.startsWith('The returning officer'))!;

interface Layout {
  boxes: number[][];
  scrollHeight: number;
}

/** Every element's box inside the article (page nodes and Duet's), rounded to 0.1 px, in document order. */
function articleLayout(page: Page): Promise<Layout> {
  return page.evaluate(() => {
    const root = document.querySelector('article') ?? document.body;
    const boxes = [root, ...root.querySelectorAll('*')].map((el) => {
      const r = el.getBoundingClientRect();
      return [r.left, r.top + scrollY, r.width, r.height].map((v) => Math.round(v * 10) / 10);
    });
    return { boxes, scrollHeight: document.documentElement.scrollHeight };
  });
}

/** Largest difference between two layouts, in px (Infinity when the element count changed). */
function shift(a: Layout, b: Layout): number {
  if (a.boxes.length !== b.boxes.length) return Infinity;
  let max = Math.abs(a.scrollHeight - b.scrollHeight);
  a.boxes.forEach((box, i) => box.forEach((v, j) => (max = Math.max(max, Math.abs(v - b.boxes[i]![j]!)))));
  return max;
}

/** Duet's popover sits in a closed shadow root: read it through the accessibility tree (role tooltip), as a screen reader would. */
async function popover(page: Page): Promise<{ text: string; lang: string; top: number; bottom: number } | null> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: { ignored?: boolean; role?: { value?: string }; backendDOMNodeId?: number }[] };
    const node = nodes.find((n) => !n.ignored && n.role?.value === 'tooltip');
    if (!node?.backendDOMNodeId) return null;
    const { object } = (await cdp.send('DOM.resolveNode', { backendNodeId: node.backendDOMNodeId })) as { object: { objectId: string } };
    const { result } = (await cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId,
      returnByValue: true,
      functionDeclaration: 'function () { const r = this.getBoundingClientRect(); return { text: this.textContent, lang: this.lang, top: r.top, bottom: r.bottom }; }',
    })) as { result: { value: { text: string; lang: string; top: number; bottom: number } } };
    return result.value;
  } finally {
    await cdp.detach().catch(() => {});
  }
}

/** The translation element of the original whose text starts like `text`. */
function translationOf(page: Page, text: string) {
  return page.locator('[data-duet-unit]', { hasText: text.slice(0, 40) }).locator('> duet-translation').first();
}

/** Elements a Tab press can reach and that are rendered. */
function tabStops(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      [...document.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, [tabindex]')].filter(
        (el) => el.tabIndex >= 0 && el.checkVisibility({ visibilityProperty: true }),
      ).length,
  );
}

describe('Translation only: the original over the page, nothing moves', () => {
  let s: E2ESession;
  let tabsBefore = 0;

  beforeAll(async () => {
    s = await startSession({ settings: { targetLanguage: 'de' }, viewport: { width: 1280, height: 900 } });
    await s.page.goto(s.server.url(expected.page));
    await waitForContentScript(s.browser, s.page);
    tabsBefore = await tabStops(s.page);
    await setMode(s.browser, s.page, 'translation');
    await scrollThrough(s.page);
    await waitForTranslations(s.page, { scope: 'all', timeoutMs: 30_000 });
  });
  afterAll(async () => {
    await s?.close();
  });

  it('list items keep their markers and are as tall as their translation; no Tab stop is added', async () => {
    const li = await s.page.locator('li[data-duet-unit]', { hasText: LIST_ITEM.slice(0, 40) }).first().evaluate((el) => {
      const tr = el.querySelector(':scope > duet-translation')!;
      const cs = getComputedStyle(el);
      const ts = getComputedStyle(tr);
      return {
        liFontSize: cs.fontSize,
        liVisibility: cs.visibility,
        trDisplay: ts.display,
        marker: ts.listStyleType,
        markerFont: getComputedStyle(tr, '::marker').fontSize,
        liHeight: el.getBoundingClientRect().height,
        trHeight: tr.getBoundingClientRect().height,
        trVisible: ts.visibility,
      };
    });
    expect(li.liFontSize).not.toBe('0px');
    expect(li.liVisibility).toBe('hidden'); // the original's own text, marker included, is hidden…
    expect(li.trVisible).toBe('visible');
    expect(li.trDisplay).toBe('list-item'); // …and its translation draws the page's marker
    expect(li.marker).not.toBe('none');
    expect(li.markerFont).not.toBe('0px');
    expect(Math.abs(li.liHeight - li.trHeight)).toBeLessThanOrEqual(1);
    expect(await s.page.locator('duet-translation[tabindex]').count()).toBe(0);
    const tabsAfter = await tabStops(s.page);
    recordMetric('translation only: Tab stops before translation', tabsBefore, 'stops');
    recordMetric('translation only: Tab stops in Translation only', tabsAfter, 'stops');
    expect(tabsAfter).toBeLessThanOrEqual(tabsBefore);
    await s.page.locator('ul li[data-duet-unit]').first().scrollIntoViewIfNeeded();
    await s.page.screenshot({ path: artifactPath('translation-only-list-1280.png'), caret: 'initial' });
  });

  it('hover shows the original over the paragraph and moves nothing', async () => {
    const tr = translationOf(s.page, PARAGRAPH);
    await tr.scrollIntoViewIfNeeded();
    await s.page.mouse.move(5, 5);
    const before = await articleLayout(s.page);
    expect(await popover(s.page)).toBeNull();
    await tr.hover();
    await s.page.waitForTimeout(400);
    const shown = await popover(s.page);
    expect(shown?.text).toBe(PARAGRAPH);
    expect(shown?.lang).toBe('en');
    const box = (await tr.boundingBox())!;
    expect(shown!.bottom <= box.y + 1 || shown!.top >= box.y + box.height - 1, 'popover beside the paragraph, not on it').toBe(true);
    const during = await articleLayout(s.page);
    await s.page.screenshot({ path: artifactPath('translation-only-hover-1280.png'), caret: 'initial' });
    await s.page.mouse.move(5, 5);
    await s.page.waitForTimeout(200);
    expect(await popover(s.page)).toBeNull();
    const hoverShift = shift(before, during);
    recordMetric('translation only: layout shift on hover', hoverShift, 'px');
    expect(hoverShift).toBe(0);
    expect(shift(before, await articleLayout(s.page))).toBe(0);

    // At 390 px too (a phone): the popover fits the width and nothing moves.
    await s.page.setViewportSize({ width: 390, height: 844 });
    await tr.scrollIntoViewIfNeeded();
    await s.page.mouse.move(1, 1);
    const narrow = await articleLayout(s.page);
    await tr.hover();
    await expect.poll(async () => (await popover(s.page))?.text).toBe(PARAGRAPH);
    const narrowShift = shift(narrow, await articleLayout(s.page));
    await s.page.screenshot({ path: artifactPath('translation-only-hover-390.png'), caret: 'initial' });
    await s.page.mouse.move(1, 1);
    await s.page.setViewportSize({ width: 1280, height: 900 });
    recordMetric('translation only: layout shift on hover at 390 px', narrowShift, 'px');
    expect(narrowShift).toBe(0);
  });

  it('keyboard (Alt+Shift+O, then Alt+Shift+↓) and tap show originals without moving anything', async () => {
    const tr = translationOf(s.page, LIST_ITEM);
    await tr.scrollIntoViewIfNeeded();
    // The reader's caret/selection is in the list item: the shortcut shows that paragraph's original.
    await tr.evaluate((el) => getSelection()!.collapse(el.firstChild, 0));
    const before = await articleLayout(s.page);
    await s.page.keyboard.press('Alt+Shift+KeyO');
    await s.page.waitForTimeout(100);
    expect((await popover(s.page))?.text).toBe(LIST_ITEM);
    await s.page.keyboard.press('Alt+Shift+ArrowDown');
    await s.page.waitForTimeout(100);
    expect((await popover(s.page))?.text).toBe(expected.mustTranslate[expected.mustTranslate.indexOf(LIST_ITEM) + 1]);
    const keyShift = shift(before, await articleLayout(s.page));
    await s.page.keyboard.press('Escape');
    await s.page.waitForTimeout(100);
    expect(await popover(s.page)).toBeNull();
    recordMetric('translation only: layout shift on keyboard reveal', keyShift, 'px');
    expect(keyShift).toBe(0);

    // A tap (touch pointer) toggles it.
    const box = (await translationOf(s.page, PARAGRAPH).boundingBox())!;
    const tap = (x: number, y: number) =>
      s.page.evaluate(
        ([px, py]) => {
          const target = document.elementFromPoint(px!, py!)!;
          target.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, pointerType: 'touch', clientX: px!, clientY: py! }));
        },
        [x, y],
      );
    await translationOf(s.page, PARAGRAPH).scrollIntoViewIfNeeded();
    const b2 = (await translationOf(s.page, PARAGRAPH).boundingBox())!;
    await tap(b2.x + 10, b2.y + 5);
    expect((await popover(s.page))?.text).toBe(PARAGRAPH);
    await tap(b2.x + 10, b2.y + 5);
    expect(await popover(s.page)).toBeNull();
    expect(box.height).toBeGreaterThan(0);
  });
});

/** A real (trusted) mouse click on the button the accessibility tree names `name` (Duet's pill, closed shadow root). */
async function clickButtonNamed(page: Page, name: string): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: { ignored?: boolean; role?: { value?: string }; name?: { value?: string }; backendDOMNodeId?: number }[] };
    const node = nodes.find((n) => !n.ignored && n.role?.value === 'button' && n.name?.value === name);
    if (!node?.backendDOMNodeId) throw new Error(`no button named "${name}"`);
    const { model } = (await cdp.send('DOM.getBoxModel', { backendNodeId: node.backendDOMNodeId })) as { model: { content: number[] } };
    const [x1, y1, , , x3, y3] = model.content as [number, number, number, number, number, number];
    await page.mouse.click((x1 + x3) / 2, (y1 + y3) / 2);
  } finally {
    await cdp.detach().catch(() => {});
  }
}

async function buttonNames(page: Page): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: { ignored?: boolean; role?: { value?: string }; name?: { value?: string } }[] };
    return nodes.filter((n) => !n.ignored && n.role?.value === 'button').map((n) => n.name?.value ?? '');
  } finally {
    await cdp.detach().catch(() => {});
  }
}

/** Polled: the blur has a .15 s transition, and the computed filter follows it. */
const blurred = (page: Page, text: string) => translationOf(page, text).evaluate((el) => getComputedStyle(el).filter.includes('blur'));

describe('Learning mode: translations blurred until asked for, nothing moves', () => {
  let s: E2ESession;

  beforeAll(async () => {
    s = await startSession({ settings: { targetLanguage: 'de', learning: true }, viewport: { width: 1280, height: 900 } });
    await s.page.goto(s.server.url(expected.page));
    await waitForContentScript(s.browser, s.page);
    await setMode(s.browser, s.page, 'bilingual');
    await waitForTranslations(s.page, { scope: 'viewport', timeoutMs: 30_000 });
  });
  afterAll(async () => {
    await s?.close();
  });

  it('hover and Alt+Shift+R reveal one paragraph, "Reveal all" every one; no layout shift', async () => {
    await s.page.mouse.move(5, 5);
    expect(await s.page.evaluate(() => document.documentElement.getAttribute('data-duet-learning'))).toBe('hidden');
    const tr = translationOf(s.page, PARAGRAPH);
    await tr.scrollIntoViewIfNeeded();
    await expect.poll(() => blurred(s.page, PARAGRAPH), { timeout: 2_000 }).toBe(true);
    await expect.poll(() => blurred(s.page, LIST_ITEM), { timeout: 2_000 }).toBe(true);
    await s.page.screenshot({ path: artifactPath('learning-blurred-1280.png'), caret: 'initial' });
    const before = await articleLayout(s.page);
    // Pointing at the original paragraph (not its translation) reveals its translation.
    await s.page.locator('[data-duet-unit]', { hasText: PARAGRAPH.slice(0, 40) }).first().hover({ position: { x: 20, y: 5 } });
    await expect.poll(() => blurred(s.page, PARAGRAPH), { timeout: 2_000 }).toBe(false);
    await expect.poll(() => blurred(s.page, LIST_ITEM), { timeout: 2_000 }).toBe(true);
    const hoverShift = shift(before, await articleLayout(s.page));
    await s.page.mouse.move(5, 5);
    await expect.poll(() => blurred(s.page, PARAGRAPH), { timeout: 2_000 }).toBe(true);

    // The keyboard: caret in the list item, Alt+Shift+R toggles its translation.
    await translationOf(s.page, LIST_ITEM).evaluate((el) => getSelection()!.collapse(el.firstChild, 0));
    await s.page.keyboard.press('Alt+Shift+KeyR');
    await expect.poll(() => blurred(s.page, LIST_ITEM), { timeout: 2_000 }).toBe(false);
    await s.page.keyboard.press('Alt+Shift+KeyR');
    await expect.poll(() => blurred(s.page, LIST_ITEM), { timeout: 2_000 }).toBe(true);

    await clickButtonNamed(s.page, 'Reveal all');
    await s.page.mouse.move(5, 5);
    expect(await s.page.evaluate(() => document.documentElement.getAttribute('data-duet-learning'))).toBe('revealed');
    await expect.poll(() => blurred(s.page, PARAGRAPH), { timeout: 2_000 }).toBe(false);
    await expect.poll(() => blurred(s.page, LIST_ITEM), { timeout: 2_000 }).toBe(false);
    expect(await buttonNames(s.page)).toContain('Blur again');
    const revealShift = shift(before, await articleLayout(s.page));
    recordMetric('learning mode: layout shift on hover reveal', hoverShift, 'px');
    recordMetric('learning mode: layout shift on reveal all', revealShift, 'px');
    expect(hoverShift).toBe(0);
    expect(revealShift).toBe(0);

    // Translation only has nothing to blur: learning mode is off there.
    await setMode(s.browser, s.page, 'translation');
    await s.page.waitForTimeout(200);
    expect(await s.page.evaluate(() => document.documentElement.hasAttribute('data-duet-learning'))).toBe(false);
    await expect.poll(() => blurred(s.page, PARAGRAPH), { timeout: 2_000 }).toBe(false);
  });
});

describe('Shift + point: one paragraph translated in a popover, through the same cache', () => {
  let s: E2ESession;

  beforeAll(async () => {
    s = await startSession({ settings: { targetLanguage: 'de' }, viewport: { width: 1280, height: 900 } });
    await s.page.goto(s.server.url(expected.page));
    await waitForContentScript(s.browser, s.page); // not translated: nothing happens on its own
  });
  afterAll(async () => {
    await s?.close();
  });

  it('shows the translation over the page, leaves the page untouched, and asks the provider once', async () => {
    const bodyBefore = (await pageMetrics(s.page)).bodyHtml;
    const paragraph = s.page.locator('p', { hasText: PARAGRAPH.slice(0, 40) }).first();
    await paragraph.scrollIntoViewIfNeeded();
    const before = await articleLayout(s.page);
    const box = (await paragraph.boundingBox())!;
    await s.page.mouse.move(box.x + 30, box.y + 5);
    const requests = s.fake.requests;
    await s.page.keyboard.down('Shift');
    await expect.poll(async () => (await popover(s.page))?.text, { timeout: 10_000 }).toBe(pseudoTranslate(PARAGRAPH, 'de'));
    await s.page.keyboard.up('Shift');
    expect((await popover(s.page))?.lang).toBe('de');
    expect(s.fake.requests - requests).toBe(1);
    await s.page.screenshot({ path: artifactPath('hover-translate-1280.png'), caret: 'initial' });
    const during = await articleLayout(s.page);
    expect((await pageMetrics(s.page)).bodyHtml).toBe(bodyBefore);
    await s.page.mouse.move(5, 5);
    await expect.poll(() => popover(s.page)).toBeNull();

    // Pointing with Shift held: the same paragraph again comes from the cache.
    await s.page.keyboard.down('Shift');
    await s.page.mouse.move(box.x + 40, box.y + 6);
    await expect.poll(async () => (await popover(s.page))?.text, { timeout: 10_000 }).toBe(pseudoTranslate(PARAGRAPH, 'de'));
    await s.page.keyboard.up('Shift');
    expect(s.fake.requests - requests, 'second look asked the provider again').toBe(1);
    const hoverShift = shift(before, during);
    recordMetric('hover translate: layout shift', hoverShift, 'px');
    expect(hoverShift).toBe(0);
    expect(await s.page.locator('duet-translation').count()).toBe(0);
  });
});
