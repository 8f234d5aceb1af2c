// @vitest-environment node
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { ENDLESS_BATCH, ENDLESS_INITIAL, ENDLESS_MAX_BATCHES, HEAVY_MIN_BYTES, HEAVY_MIN_ELEMENTS, endlessPage, heavyPage, longPage } from '../generate-pages';

const paragraphTexts = (html: string) => [...new JSDOM(html).window.document.querySelectorAll('article p:not(.lead)')].map((p) => p.textContent ?? '');

describe('benchmark pages', () => {
  it('are identical for the same seed and differ for another', () => {
    expect(longPage(7)).toBe(longPage(7));
    expect(endlessPage(7)).toBe(endlessPage(7));
    expect(longPage(7)).not.toBe(longPage(8));
  });

  it('long page: 150 unique paragraphs, about 60,000 characters', () => {
    const texts = paragraphTexts(longPage(1));
    expect(texts).toHaveLength(150);
    const chars = texts.reduce((s, t) => s + t.length, 0);
    expect(chars).toBeGreaterThan(54_000);
    expect(chars).toBeLessThan(66_000);
    expect(new Set(texts).size).toBe(texts.length);
  });

  it('heavy page: over 5 MB and 50,000 elements, with the article, ads, comments and related lists', () => {
    const html = heavyPage(1);
    expect(Buffer.byteLength(html)).toBeGreaterThan(HEAVY_MIN_BYTES);
    // Our generator writes no "<" inside text (escaped), so opening tags count elements.
    expect(html.match(/<[a-z][a-z0-9-]*/gi)!.length).toBeGreaterThan(HEAVY_MIN_ELEMENTS);
    for (const marker of ['<article class="article-body">', 'class="ad-slot', 'id="comments"', '<aside class="related">']) expect(html).toContain(marker);
    expect(html.match(/<article/g)).toHaveLength(1);
  });

  it('endless page: 20 paragraphs now, 10 more on each scroll to the end, all texts unique', () => {
    const dom = new JSDOM(endlessPage(3));
    const doc = dom.window.document;
    expect(doc.querySelectorAll('article p:not(.lead)')).toHaveLength(ENDLESS_INITIAL);
    const pool = JSON.parse(doc.getElementById('bench-pool')!.textContent!) as string[][];
    expect(pool).toHaveLength(ENDLESS_MAX_BATCHES);
    expect(pool.every((b) => b.length === ENDLESS_BATCH)).toBe(true);
    const all = [...paragraphTexts(dom.serialize()), ...pool.flat()];
    expect(new Set(all).size).toBe(all.length);
    expect(Math.max(...pool.flat().map((t) => t.length))).toBeLessThan(500);
  });

  it('endless page script appends a logged batch when scrolled to the end', () => {
    const dom = new JSDOM(endlessPage(3), { runScripts: 'dangerously', pretendToBeVisual: true });
    const win = dom.window as unknown as typeof dom.window & { __benchEndless: Array<{ batch: number }> };
    // jsdom has no layout: scrollHeight is 0, so any scroll event counts as "at the end".
    win.dispatchEvent(new win.Event('scroll'));
    win.dispatchEvent(new win.Event('scroll'));
    expect(win.__benchEndless.map((e) => e.batch)).toEqual([0, 1]);
    expect(win.document.querySelectorAll('p[data-bench-batch="1"]')).toHaveLength(ENDLESS_BATCH);
    dom.window.close();
  });
});
