/**
 * `bench:extract --browser`: every page loaded in Debian's Chromium at its own URL (answered locally with
 * `context.route()`, so host-based signals see the real site; every other request is refused), page scripts
 * on as a reader has them, then Duet's detector and Readability run in the page (browser-entry.ts).
 * Run inside the loopback-only namespace or behind the 502 sink (scripts/e2e-kit/network-sandbox.ts).
 */
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_PATH, ensureChromium } from '../e2e-kit/chromium';
import { inNetworkSandbox, startSinkProxy, type SinkProxy } from '../e2e-kit/network-sandbox';
import type { BenchPage } from './dataset';
import type { PageOutput } from './run';
import { halfOf } from './split';

const ENTRY = fileURLToPath(new URL('./browser-entry.ts', import.meta.url));

async function bundle(): Promise<string> {
  const { build } = await import('vite');
  const result = await build({
    configFile: false,
    logLevel: 'silent',
    build: { write: false, minify: false, lib: { entry: ENTRY, formats: ['iife'], name: 'DuetBenchBrowser', fileName: () => 'bench.js' } },
  });
  const outputs = (Array.isArray(result) ? result : [result]) as Array<{ output?: Array<{ type: string; code?: string }> }>;
  const code = outputs.flatMap((o) => o.output ?? []).find((o) => o.type === 'chunk' && o.code)?.code;
  if (!code) throw new Error('bundling the benchmark entry produced no code');
  return code;
}

const withoutHash = (url: string): string => url.split('#')[0]!;

async function runOne(browser: Browser, page: BenchPage, code: string): Promise<PageOutput> {
  const out: PageOutput = { id: page.id, url: page.url, half: halfOf(page.id), texts: {}, ms: {}, isArticle: false, stylesEmptied: false };
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const html = page.html();
    const target = withoutHash(page.url);
    await context.route('**/*', (route) => {
      const url = withoutHash(route.request().url());
      if (url === target && route.request().resourceType() === 'document') {
        return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
      }
      return route.abort();
    });
    const tab = await context.newPage();
    await tab.goto(page.url, { waitUntil: 'load', timeout: 45_000 }).catch(() => tab.waitForLoadState('domcontentloaded'));
    await tab.evaluate(code);
    const r = await tab.evaluate(() =>
      (window as unknown as { DuetBenchBrowser: { runInPage: () => { duet: string; isArticle: boolean; duetMs: number; readability: string; readabilityMs: number } } }).DuetBenchBrowser.runInPage(),
    );
    out.texts = { duet: r.duet, readability: r.readability };
    out.ms = { duet: r.duetMs, readability: r.readabilityMs };
    out.isArticle = r.isArticle;
  } catch (error) {
    console.error(`[browser] ${page.id}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
    out.texts = { duet: '', readability: '' };
  } finally {
    await context.close().catch(() => {});
  }
  return out;
}

export async function runInBrowser(pages: BenchPage[], onPage: (done: number) => void = () => {}): Promise<PageOutput[]> {
  ensureChromium();
  const code = await bundle();
  let sink: SinkProxy | undefined;
  if (!inNetworkSandbox()) sink = await startSinkProxy();
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--no-first-run', ...(sink ? [`--proxy-server=${sink.proxyServer}`] : []),
    ],
  });
  const results: PageOutput[] = new Array(pages.length);
  try {
    let next = 0;
    let done = 0;
    const worker = async (): Promise<void> => {
      while (next < pages.length) {
        const i = next++;
        results[i] = await runOne(browser, pages[i]!, code);
        onPage(++done);
      }
    };
    await Promise.all([worker(), worker()]);
  } finally {
    await browser.close().catch(() => {});
    await sink?.close();
  }
  return results;
}
