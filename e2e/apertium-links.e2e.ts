/**
 * Issue 11 with a real engine: Apertium APy (Debian `apertium-apy` + `apertium-eng-spa`) translates a
 * Spanish article whose paragraphs hold links and emphasis, through the extension in Chromium, with
 * `format=html`. Each translated paragraph must hold the original's links (same href, target, rel) around
 * APy's translation of the link words, and read exactly what APy answers for the unit's markup directly.
 * Runs inside scripts/run-e2e.ts's loopback-only namespace; APy is bound to 127.0.0.1 and stopped afterwards.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApertium, type ApertiumServer } from '../scripts/e2e-kit/apertium';
import { serviceWorkerOf, setMode, waitForContentScript, type WorkerGlobals } from '../scripts/e2e-kit/extension';
import { waitForTranslations } from '../scripts/e2e-kit/page-state';
import { recordMetric, startSession, type E2ESession } from './helpers/session';

const PAGE = 'es-enlaces-embalse.html';
const norm = (s: string) => s.replace(/\s+/g, ' ').trim();

/** APy's own answer for a markup text, the way the extension asks (format=html). */
async function apyHtml(url: string, markup: string): Promise<string> {
  const response = await fetch(`${url}/translate`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ langpair: 'spa|eng', q: markup, markUnknown: 'no', format: 'html' }).toString(),
  });
  const body = (await response.json()) as { responseData?: { translatedText?: string } };
  return body.responseData?.translatedText ?? '';
}

describe('Apertium APy: a Spanish paragraph with a link comes back with the link', () => {
  let apy: ApertiumServer;
  let s: E2ESession;

  beforeAll(async () => {
    apy = await startApertium({ log: (line) => console.log(`[apertium] ${line}`) });
    s = await startSession({ settings: { provider: 'apertium', sourceLanguage: 'es', targetLanguage: 'en' } });
    const sw = await serviceWorkerOf(s.browser);
    await sw.evaluate((url) => (globalThis as unknown as WorkerGlobals).chrome.storage.local.set({ providerConfig: { apertium: { url } } }), apy.url);
  });
  afterAll(async () => {
    await s?.close();
    await apy?.close();
  });

  it('links keep their original href/target/rel around APy\'s words; emphasis comes back', async () => {
    await s.page.goto(s.server.url(PAGE));
    await waitForContentScript(s.browser, s.page);
    await setMode(s.browser, s.page, 'bilingual');
    const counts = await waitForTranslations(s.page, { scope: 'all', timeoutMs: 30_000 });
    expect(counts.error, 'units that failed').toBe(0);

    const units = await s.page.evaluate(() =>
      [...document.querySelectorAll('[data-duet-unit]')].map((original) => {
        const tr = document.querySelector(`duet-translation[data-duet-for="${original.getAttribute('data-duet-unit')}"]`)!;
        const links = (root: Element) =>
          [...root.querySelectorAll('a')].filter((a) => root === tr || !a.closest('duet-translation')).map((a) => ({ href: a.getAttribute('href'), target: a.getAttribute('target'), rel: a.getAttribute('rel'), text: a.textContent }));
        return { original: links(original), translated: links(tr), text: tr.textContent ?? '', html: tr.innerHTML, emphasis: tr.querySelectorAll('strong, em').length };
      }),
    );
    const withLinks = units.filter((u) => u.original.length > 0);
    expect(withLinks.length, 'units with links').toBe(2);
    let sent = 0;
    let kept = 0;
    for (const u of withLinks) {
      sent += u.original.length;
      u.translated.forEach((t, i) => (t.href === u.original[i]?.href && t.target === u.original[i]?.target && t.rel === u.original[i]?.rel ? kept++ : 0));
      expect(u.translated.map(({ href, target, rel }) => ({ href, target, rel }))).toEqual(u.original.map(({ href, target, rel }) => ({ href, target, rel })));
      for (const t of u.translated) expect(t.text, 'link words translated by APy').not.toBe(u.original.find((o) => o.href === t.href)?.text);
      console.log(`[apertium] translation: ${u.html}`);
    }
    expect(units.reduce((n, u) => n + u.emphasis, 0), '<strong>/<em> in translations').toBe(4);
    recordMetric('rich text: links kept through real Apertium (es→en)', (100 * kept) / sent, '%');

    // What the reader sees is what APy answers for the same markup asked directly.
    const first = withLinks[0]!;
    const direct = await apyHtml(apy.url, 'El nivel del agua en el embalse del norte ha caído este verano hasta el valor más bajo desde que existen registros. La agencia regional ha publicado <a0>el informe completo en PDF</a0> y los datos son <b1>preocupantes</b1>.');
    expect(direct).toMatch(/<a0>[^<]+<\/a0>/);
    expect(norm(first.text)).toBe(norm(direct.replace(/<[^>]+>/g, '')));
  });
});
