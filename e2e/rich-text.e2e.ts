/**
 * Issue 11 in Chromium: links, bold, italic, code and a footnote mark survive translation. The fake
 * Google answers translateHtml as the real one does (HTML in, HTML out, tags kept around their words).
 * - Bilingual and Translation only: each translated link has its original's href, target and rel, is the
 *   element hit at its own centre (clickable), and opens the original's destination;
 * - Translation only: every article link takes exactly one Tab stop, in the translation;
 * - hostile answers leave no element or attribute outside the whitelist and run nothing;
 * - Original restores the body byte for byte.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { setMode, waitForContentScript } from '../scripts/e2e-kit/extension';
import { waitForTranslations } from '../scripts/e2e-kit/page-state';
import { pageMetrics } from './helpers/page-probe';
import { loadExpectation, recordMetric, startSession, type E2ESession } from './helpers/session';

const expected = loadExpectation('rich-inline-de');
const TARGET = 'en';
/** Elements a translation may contain (utils/rich-text/inline-tags.ts) and the attributes each may carry. */
const WHITELIST: Record<string, string[]> = {
  a: ['href', 'target', 'rel', 'hreflang', 'referrerpolicy'],
  abbr: ['title'],
  ...Object.fromEntries(['strong', 'b', 'em', 'i', 'u', 's', 'strike', 'sub', 'sup', 'code', 'mark', 'small', 'q', 'br'].map((t) => [t, []])),
};

interface LinkPair {
  unit: string;
  original: { href: string | null; target: string | null; rel: string | null; text: string }[];
  translated: { href: string | null; target: string | null; rel: string | null; text: string; hit: boolean; inline: string[] }[];
}

/** For each unit with links: the original's links and its translation's, with a hit test at each translated link's centre. */
function linkPairs(page: Page): Promise<LinkPair[]> {
  return page.evaluate(() => {
    const pairs: LinkPair[] = [];
    for (const original of document.querySelectorAll('[data-duet-unit]')) {
      const id = original.getAttribute('data-duet-unit');
      const tr = document.querySelector(`duet-translation[data-duet-for="${id}"]`);
      const own = [...original.querySelectorAll('a')].filter((a) => !a.closest('duet-translation'));
      if (!tr || own.length === 0) continue;
      const attrs = (a: Element) => ({ href: a.getAttribute('href'), target: a.getAttribute('target'), rel: a.getAttribute('rel'), text: a.textContent ?? '' });
      pairs.push({
        unit: id!,
        original: own.map(attrs),
        translated: [...tr.querySelectorAll('a')].map((a) => {
          const r = a.getBoundingClientRect();
          a.scrollIntoView({ block: 'center' });
          const box = a.getBoundingClientRect();
          const hitEl = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
          return { ...attrs(a), hit: r.width > 0 && !!hitEl && (hitEl === a || a.contains(hitEl)), inline: [...tr.querySelectorAll('*')].map((e) => e.localName) };
        }),
      });
    }
    return pairs;
  }) as Promise<LinkPair[]>;
}

/** Every element under Duet's translations, with its attributes. */
function translationElements(page: Page): Promise<{ tag: string; attrs: string[]; href: string | null }[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('duet-translation *')].map((e) => ({ tag: e.localName, attrs: [...e.attributes].map((a) => a.name), href: e.getAttribute('href') })),
  );
}

describe('rich text: links and emphasis survive translation', () => {
  let s: E2ESession;
  let bodyBefore = '';

  beforeAll(async () => {
    s = await startSession({ settings: { targetLanguage: TARGET, sourceLanguage: 'de' } });
    await s.page.goto(s.server.url(expected.page));
    await waitForContentScript(s.browser, s.page);
    bodyBefore = (await pageMetrics(s.page)).bodyHtml;
  });
  afterAll(async () => {
    await s?.close();
  });

  it('Bilingual: translated links carry the original href/target/rel, are clickable; emphasis, code and the footnote mark come back', async () => {
    await setMode(s.browser, s.page, 'bilingual');
    const counts = await waitForTranslations(s.page, { scope: 'all', timeoutMs: 30_000 });
    expect(counts.error).toBe(0);
    const pairs = await linkPairs(s.page);
    const sent = pairs.reduce((n, p) => n + p.original.length, 0);
    const kept = pairs.reduce((n, p) => n + p.translated.filter((t, i) => t.href === p.original[i]?.href).length, 0);
    expect(sent, 'article links in translated units').toBe(4);
    for (const p of pairs) {
      expect(p.translated.map(({ href, target, rel, text }) => ({ href, target, rel, text })), `unit ${p.unit}`).toEqual(p.original);
      for (const t of p.translated) expect(t.hit, `translated link "${t.text}" is covered or has no box`).toBe(true);
    }
    recordMetric('rich text: article links kept in translations (fake Google)', (100 * kept) / sent, '%');
    const inline = await translationElements(s.page);
    const tags = inline.map((e) => e.tag);
    for (const tag of ['a', 'strong', 'em', 'code', 'sup']) expect(tags, `<${tag}> in translations`).toContain(tag);
    expect(await s.page.locator('duet-translation code').first().textContent()).toBe('curl -O daten.csv');
    // Requests did not grow with the markup: one translateHtml request for the whole article.
    expect(s.fake.requests).toBe(1);
    recordMetric('rich text: markup overhead on the fixture article', (1000 * (s.fake.wireChars - s.fake.chars)) / s.fake.chars, 'chars per 1,000');
  });

  it('Translation only: originals hidden, each article link takes exactly one Tab stop, in the translation', async () => {
    await setMode(s.browser, s.page, 'translation');
    await s.page.waitForTimeout(200);
    const pairs = await linkPairs(s.page);
    for (const p of pairs) for (const t of p.translated) expect(t.hit, `translated link "${t.text}" not clickable in Translation only`).toBe(true);
    const unitHrefs = pairs.flatMap((p) => p.original.map((o) => o.href!));
    expect(unitHrefs).toHaveLength(4);
    await s.page.evaluate(() => {
      (document.activeElement as HTMLElement | null)?.blur();
      window.scrollTo(0, 0);
    });
    const stops: { href: string | null; inTranslation: boolean }[] = [];
    for (let i = 0; i < 40; i++) {
      await s.page.keyboard.press('Tab');
      const stop = await s.page.evaluate(() => {
        const el = document.activeElement;
        return el && el !== document.body ? { tag: el.localName, href: el.getAttribute('href'), inTranslation: !!el.closest('duet-translation') } : null;
      });
      if (!stop) break;
      if (stop.tag === 'a') stops.push({ href: stop.href, inTranslation: stop.inTranslation });
      if (stop.href === '/impressum') break; // the page's last link
    }
    for (const href of unitHrefs) {
      const hits = stops.filter((st) => st.href === href);
      expect(hits.length, `Tab stops on ${href}`).toBe(1);
      expect(hits[0]!.inTranslation, `the Tab stop on ${href} is the translation's link`).toBe(true);
    }
  });

  it('Original restores the body byte for byte', async () => {
    await setMode(s.browser, s.page, 'original');
    await s.page.waitForFunction(() => !document.querySelector('duet-translation, duet-pair, [data-duet-unit]'), null, { timeout: 5_000 });
    expect((await pageMetrics(s.page)).bodyHtml === bodyBefore, 'body differs after Original').toBe(true);
  });

  it('a translated link opens what the original opens', async () => {
    await setMode(s.browser, s.page, 'bilingual');
    await waitForTranslations(s.page, { scope: 'all', timeoutMs: 15_000 });
    const link = s.page.locator('duet-translation a[href="krone-north-korea.html"]');
    await link.scrollIntoViewIfNeeded();
    await Promise.all([s.page.waitForURL(/krone-north-korea\.html$/, { timeout: 10_000 }), link.click()]);
    expect(s.page.url()).toBe(s.server.url('krone-north-korea.html'));
  });
});

describe('rich text: hostile provider answers stay inert', () => {
  let s: E2ESession;
  const dialogs: string[] = [];
  const evilRequests: string[] = [];

  beforeAll(async () => {
    s = await startSession({ settings: { targetLanguage: 'fr', sourceLanguage: 'de' } });
    s.page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await s.browser.context.route('https://evil.example/**', (route) => {
      evilRequests.push(route.request().url());
      return route.fulfill({ status: 204, body: '' });
    });
    s.fake.setAnswer((markup) =>
      markup.startsWith('Stausee Nord')
        ? `<a0>${'x'.repeat(1_000_000)}</a0>` // 1 MB for a 60-character headline
        : '<img src="https://evil.example/img" onerror="window.__duetPwned=1;alert(1)"><script>window.__duetPwned=2</script>' +
          '<svg onload="window.__duetPwned=3"><a0>svg</a0></svg><math><mi>m</mi></math><iframe srcdoc="<script>parent.__duetPwned=4</script>"></iframe>' +
          `<a0 href="javascript:window.__duetPwned=5" onclick="window.__duetPwned=6" style="position:fixed;inset:0">${markup}</a0>` +
          '<a href="https://evil.example/phish">evil</a><b9 onmouseover="window.__duetPwned=7">forged</b9><a0>again</a0>' +
          '<style>body{display:none}</style><base href="https://evil.example/"><form action="https://evil.example/f"><button>go</button></form>' +
          '&lt;script&gt;alert(1)&lt;/script&gt;',
    );
  });
  afterAll(async () => {
    await s?.close();
  });

  it('no element or attribute outside the whitelist, no link off the original hrefs, nothing runs, Original restores exactly', async () => {
    await s.page.goto(s.server.url(expected.page));
    await waitForContentScript(s.browser, s.page);
    const before = (await pageMetrics(s.page)).bodyHtml;
    const hrefs = await s.page.evaluate(() => [...document.querySelectorAll('a')].map((a) => a.getAttribute('href')));
    await setMode(s.browser, s.page, 'bilingual');
    const counts = await waitForTranslations(s.page, { scope: 'all', timeoutMs: 30_000 });
    expect(counts.error).toBe(0);
    const elements = await translationElements(s.page);
    expect(elements.length).toBeGreaterThan(0);
    for (const e of elements) {
      expect(Object.keys(WHITELIST), `<${e.tag}> in a translation`).toContain(e.tag);
      for (const name of e.attrs) expect(WHITELIST[e.tag], `attribute ${name} on <${e.tag}>`).toContain(name);
      if (e.tag === 'a') expect(hrefs).toContain(e.href);
    }
    // Hover and click everything that came back, then look for any effect.
    for (const a of await s.page.locator('duet-translation b, duet-translation strong, duet-translation em').all()) await a.hover();
    await s.page.waitForTimeout(300);
    expect(await s.page.evaluate(() => (window as unknown as { __duetPwned?: number }).__duetPwned)).toBeUndefined();
    expect(dialogs).toEqual([]);
    expect(evilRequests).toEqual([]);
    expect(await s.page.evaluate(() => getComputedStyle(document.body).display)).not.toBe('none');
    const headline = await s.page.locator('duet-translation').first().textContent();
    expect(headline!.length, 'the 1 MB answer is capped').toBeLessThan(1_000);

    await setMode(s.browser, s.page, 'original');
    await s.page.waitForFunction(() => !document.querySelector('duet-translation, duet-pair, [data-duet-unit]'), null, { timeout: 5_000 });
    expect((await pageMetrics(s.page)).bodyHtml === before, 'body differs after Original').toBe(true);
  });
});
