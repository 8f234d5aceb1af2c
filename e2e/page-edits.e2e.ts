/**
 * Issue 9: a static article whose own scripts change it after Duet translated it — nodes inserted
 * next to translated paragraphs (after, insertAdjacentElement, insertBefore), translated paragraphs
 * removed with removeChild, texts replaced (textContent, innerHTML) — a live blog prepending an entry
 * every second, and a paragraph next to an empty float. None of the page's DOM calls may throw, every
 * change is followed, nothing is translated twice, and Original leaves nothing of Duet's.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, type DuetBrowser } from '../scripts/e2e-kit/chromium';
import { setMode, waitForContentScript, writeSettings } from '../scripts/e2e-kit/extension';
import { FakeGoogle } from '../scripts/e2e-kit/fake-google';
import { startFixtureServer, type FixtureServer } from '../scripts/e2e-kit/fixture-server';
import { normalizeText, pseudoTranslate } from '../scripts/e2e-kit/pseudo-translate';
import { duetTraces, waitUntilTranslated } from './helpers/live-page';
import { recordMetric } from './helpers/session';

const TARGET = 'de';
const expected = (text: string) => pseudoTranslate(text, TARGET);
const sentence = (n: number) => `Paragraph ${n} of the harbour story explains, with commas and some detail, what the new ferry timetable means for the island.`;

const ARTICLE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Ferry timetable changes</title>
<style>body{font:17px/1.5 Georgia,serif;max-width:1000px;margin:0 auto} .ad-float{float:left;width:100%;height:0}</style></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article id="story"><h1>The island ferry gets a new timetable</h1>
${Array.from({ length: 8 }, (_, i) => `<p id="p${i}">${sentence(i)}</p>`).join('\n')}
<div class="ad-float"></div>
<p id="after-float">A paragraph right after an empty floated ad box must still be as wide as the article, and readable on both sides.</p>
</article><footer>© Harbour News</footer></body></html>`;

const LIVE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Live: election night</title></head><body>
<nav><a href="/">Home</a></nav>
<main><h1>Live: election night as it happens</h1><section id="feed">
${Array.from({ length: 4 }, (_, i) => `<article class="entry"><p>Update ${i}: polling stations report turnout, with long queues in the city and in several villages.</p></article>`).join('\n')}
</section></main>
<script>
  let n = 100;
  const feed = document.getElementById('feed');
  window.__liveTimer = setInterval(() => {
    const entry = document.createElement('article');
    entry.className = 'entry';
    entry.innerHTML = '<p>Update ' + (n++) + ': the count goes on, with results from the northern districts expected within the hour.</p>';
    feed.prepend(entry);
    if (n % 3 === 0) feed.append(entry.cloneNode(true));
  }, 1000);
</script></body></html>`;

describe('a page that edits itself after Duet translated it', () => {
  let dir: string;
  let server: FixtureServer;
  let browser: DuetBrowser;
  let fake: FakeGoogle;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'duet-edits-'));
    writeFileSync(join(dir, 'article.html'), ARTICLE);
    writeFileSync(join(dir, 'live.html'), LIVE);
    server = await startFixtureServer(dir);
    browser = await launchWithExtension({ viewport: { width: 1280, height: 1200 } });
    fake = new FakeGoogle();
    await fake.attach(browser.context);
    await writeSettings(browser, { targetLanguage: TARGET });
    page = browser.context.pages()[0] ?? (await browser.context.newPage());
    page.on('pageerror', (error) => errors.push(String(error)));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('inserts next to, removes and rewrites translated paragraphs without an exception, and follows each change', async () => {
    await page.goto(server.url('article.html'));
    await waitForContentScript(browser, page);
    await setMode(browser, page, 'bilingual');
    await waitUntilTranslated(page, '#story h1, #story p', expected);

    // A block after an empty float keeps its width (it used to collapse to 0 px inside a pair).
    const widths = await page.evaluate(() => {
      const p = document.getElementById('after-float')!;
      const t = p.querySelector('duet-translation')!;
      return { p: p.getBoundingClientRect().width, t: t.getBoundingClientRect().width, article: document.getElementById('story')!.getBoundingClientRect().width };
    });
    expect(widths.p, 'paragraph after a float').toBeGreaterThan(widths.article * 0.9);
    expect(widths.t, 'its translation').toBeGreaterThan(widths.article * 0.3);

    const thrown = await page.evaluate(() => {
      const out: string[] = [];
      const attempt = (name: string, fn: () => void) => {
        try {
          fn();
        } catch (error) {
          out.push(`${name}: ${String(error)}`);
        }
      };
      const para = (text: string) => Object.assign(document.createElement('p'), { className: 'inserted', textContent: text });
      const p1 = document.getElementById('p1')!;
      const p2 = document.getElementById('p2')!;
      const p3 = document.getElementById('p3')!;
      attempt('after', () => p1.after(para('Inserted with after(): a ticker item that the page slipped in after the first paragraph, with details.')));
      attempt('insertAdjacentElement', () => p2.insertAdjacentElement('afterend', para('Inserted with insertAdjacentElement(): a second ticker item, placed right after paragraph two.')));
      attempt('insertBefore', () => p3.parentNode!.insertBefore(para('Inserted with insertBefore(): a third ticker item, placed right before paragraph three.'), p3));
      attempt('removeChild', () => document.getElementById('p4')!.parentNode!.removeChild(document.getElementById('p4')!));
      attempt('textContent', () => (document.getElementById('p5')!.textContent = 'Rewritten with textContent: the ferry will now also stop at the northern pier on Sundays.'));
      attempt('innerHTML', () => (document.getElementById('p6')!.innerHTML = 'Rewritten with innerHTML: tickets can be bought <b>on board</b>, and children under five travel free.'));
      return out;
    });
    expect(thrown, 'DOM calls the page made on translated paragraphs').toEqual([]);

    const states = await waitUntilTranslated(page, '#story h1, #story p', expected);
    const texts = states.map((s) => s.text);
    expect(texts).toContain('Inserted with after(): a ticker item that the page slipped in after the first paragraph, with details.');
    expect(texts).toContain('Rewritten with innerHTML: tickets can be bought on board, and children under five travel free.');
    expect(texts).not.toContain(sentence(4));
    for (const s of states) {
      expect(s.translations, `"${s.text.slice(0, 50)}…"`).toEqual([{ state: 'done', text: expected(s.text) }]);
      expect(s.parentTag).toBe('article');
    }
    const inserted = await page.evaluate(() => [...document.querySelectorAll('p.inserted')].map((p) => p.parentElement!.id));
    expect(inserted, 'inserted paragraphs stay where the page put them').toEqual(['story', 'story', 'story']);
    expect(await page.locator('duet-translation').count(), 'the removed paragraph took its translation along').toBe(states.length);

    await setMode(browser, page, 'original');
    await page.waitForTimeout(200);
    expect(await duetTraces(page)).toEqual([]);
    expect(await page.locator('duet-ui').count(), 'the progress pill is gone after Original').toBe(0);
    expect(errors).toEqual([]);
  });

  it('live blog: entries prepended (and appended) every second are translated, none twice', async () => {
    fake.resetCounts();
    await page.goto(server.url('live.html'));
    await waitForContentScript(browser, page);
    await setMode(browser, page, 'bilingual');
    await page.waitForTimeout(5_500);
    await page.evaluate(() => clearInterval((window as unknown as { __liveTimer: number }).__liveTimer));
    const states = await waitUntilTranslated(page, '#feed p', expected, 15_000);
    expect(states.length).toBeGreaterThanOrEqual(8);
    for (const s of states) expect(s.translations, `"${s.text}"`).toEqual([{ state: 'done', text: expected(s.text) }]);
    const sent = fake.log.flatMap((r) => r.texts.map(normalizeText));
    const twice = sent.filter((t, i) => sent.indexOf(t) !== i);
    expect(twice, 'texts sent to the provider more than once').toEqual([]);
    recordMetric('live blog: entries translated after 5.5 s', states.length, 'entries');
    recordMetric('live blog: provider requests', fake.requests, 'requests');
    await setMode(browser, page, 'original');
    expect(await duetTraces(page)).toEqual([]);
    expect(errors).toEqual([]);
  });
});
