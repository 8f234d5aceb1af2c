/**
 * Issue 15: Duet starts when the article can be read (document_end), not when the page has finished
 * loading. On a page whose image and script take seconds, the first paragraph is translated while the
 * page is still loading; a page that builds its article from script after DOMContentLoaded is
 * translated once it has loaded (no later than the old document_idle start would have seen it).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitForTranslations } from '../scripts/e2e-kit/page-state';
import { pseudoTranslate } from '../scripts/e2e-kit/pseudo-translate';
import { loadExpectation, startSession, type E2ESession } from './helpers/session';

const expected = loadExpectation('krone-north-korea');
const TARGET = 'de';
const krone = readFileSync(fileURLToPath(new URL(`./fixtures/news/${expected.page}`, import.meta.url)), 'utf8');
/** How long the page's slow resources take: far longer than a translation with an instant provider. */
const SLOW_MS = 6_000;

/** The krone page plus an image and an async script that each take SLOW_MS: `load` waits for both. */
function slowPage(): string {
  return krone.replace('</body>', '<img src="/slow/photo.jpg" alt="" width="10" height="10"><script async src="/slow/widget.js"></script></body>');
}

/** The same article, but kept in a template and put into the page by script 300 ms after DOMContentLoaded. */
function lateArticlePage(): string {
  const [head, rest] = krone.split(/<body[^>]*>/);
  const body = rest!.split('</body>')[0]!;
  return `${head}<body><template id="later">${body}</template>
<script>document.addEventListener('DOMContentLoaded', () => setTimeout(() => document.body.append(document.getElementById('later').content.cloneNode(true)), 300));</script>
<img src="/slow/photo.jpg" alt="" width="10" height="10"></body></html>`;
}

describe('start at document_end', () => {
  let s: E2ESession;

  beforeAll(async () => {
    s = await startSession({ settings: { targetLanguage: TARGET, alwaysTranslateSites: ['127.0.0.1'] } });
    const context = s.browser.context;
    await context.route(`${s.server.origin}/slow/**`, async (route) => {
      await new Promise((r) => setTimeout(r, SLOW_MS));
      const js = route.request().url().endsWith('.js');
      await route.fulfill({ status: 200, contentType: js ? 'text/javascript' : 'image/gif', body: js ? '/* late widget */' : Buffer.from('R0lGODlhAQABAAAAACw=', 'base64') }).catch(() => {});
    });
    await context.route(`${s.server.origin}/issue15/slow.html`, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: slowPage() }));
    await context.route(`${s.server.origin}/issue15/late.html`, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: lateArticlePage() }));
  });
  afterAll(async () => {
    await s?.close();
  });

  it('translates the first paragraph and sends its request before the page has loaded', async () => {
    await s.page.goto(`${s.server.origin}/issue15/slow.html`, { waitUntil: 'commit' });
    await s.page.waitForFunction(() => document.querySelector('duet-translation[data-duet-state="done"]'), null, { timeout: SLOW_MS - 1000 });
    const state = await s.page.evaluate(() => ({ ready: document.readyState, load: (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventStart }));
    // The image and the script are still on their way: `load` has not fired, yet the request went out and came back.
    expect(state.ready).toBe('interactive');
    expect(state.load).toBe(0);
    expect(s.fake.requests).toBeGreaterThan(0);
    // What is shown is the provider's translation of an article unit.
    const allowed = new Set([...expected.mustTranslate, ...expected.eitherWay].map((t) => pseudoTranslate(t, TARGET)));
    const first = await s.page.evaluate(() => document.querySelector('duet-translation[data-duet-state="done"]')!.textContent);
    expect(allowed.has((first ?? '').replace(/\s+/g, ' ').trim()), `not an article unit's translation: "${first}"`).toBe(true);
  });

  it('a page that builds its article after DOMContentLoaded is translated once it has loaded', async () => {
    await s.page.goto(`${s.server.origin}/issue15/late.html`, { waitUntil: 'domcontentloaded' });
    // At DOMContentLoaded the body holds no article: nothing to translate yet.
    expect(await s.page.evaluate(() => document.querySelectorAll('duet-translation').length)).toBe(0);
    await s.page.waitForLoadState('load', { timeout: SLOW_MS + 30_000 });
    // Translations come from the cache (same text as the first test): what matters is that Duet found the article.
    const counts = await waitForTranslations(s.page, { scope: 'viewport', timeoutMs: 20_000 });
    expect(counts.done).toBeGreaterThan(3);
    expect(counts.error).toBe(0);
  });
});
