import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { CHROMIUM_PATH, ensureChromium, launchWithExtension, type DuetBrowser } from '../e2e-kit/chromium';
import { writeSettings } from '../e2e-kit/extension';
import { inNetworkSandbox, startSinkProxy, type SinkProxy } from '../e2e-kit/network-sandbox';
import type { ProviderTap } from './provider-tap';
import { attachSlowResources } from './slow-resources';

/**
 * The two browsers of a run: the baseline (same Chromium, same flags, no extension) and, per page,
 * a fresh profile with the built extension (a fresh profile is the simplest cold cache).
 */
export const VIEWPORT = { width: 1280, height: 900 };
const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--no-default-browser-check'];

export interface PlainBrowser {
  context: BrowserContext;
  close(): Promise<void>;
}

/**
 * `tap`: the same provider routes as the extension's browser. Playwright intercepts every request of a
 * context once any route is set, which slows the page's own loading (a 5 MB page most): the plain
 * browser must carry the same harness for "the page's timings with and without Duet" to compare Duet alone.
 */
export async function launchBaseline(tap?: ProviderTap): Promise<PlainBrowser> {
  ensureChromium();
  const dir = await mkdtemp(join(tmpdir(), 'duet-bench-base-'));
  let sink: SinkProxy | undefined;
  if (!inNetworkSandbox()) sink = await startSinkProxy();
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    viewport: VIEWPORT,
    args: [...FLAGS, ...(sink ? [`--proxy-server=${sink.proxyServer}`] : [])],
  });
  await tap?.attach(context);
  await attachSlowResources(context);
  return {
    context,
    async close() {
      await context.close().catch(() => {});
      await sink?.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** A fresh profile with the extension, the provider answered by `tap`, and 127.0.0.1 set to translate on load into German. */
export async function launchDuet(tap: ProviderTap, extensionDir?: string): Promise<DuetBrowser> {
  const browser = await launchWithExtension({ viewport: VIEWPORT, ...(extensionDir ? { extensionDir } : {}) });
  try {
    await tap.attach(browser.context);
    await attachSlowResources(browser.context);
    // debugMarks: the bench reads Duet's step marks (duet:start, duet:requested) from the page's timeline,
    // which Duet writes there only when asked (utils/content/marks.ts).
    await writeSettings(browser, { alwaysTranslateSites: ['127.0.0.1'], targetLanguage: 'de', debugMarks: true });
    return browser;
  } catch (error) {
    await browser.close();
    throw error;
  }
}

/**
 * One throw-away navigation before measuring, so the first measured page does not pay for the
 * browser's first-navigation set-up (renderer process, network stack). With the extension it uses
 * the host name `localhost`, which is not in alwaysTranslateSites: the content script runs but
 * translates nothing, so the translation cache stays cold.
 */
export async function warmUp(context: BrowserContext, origin: string): Promise<void> {
  const page = await context.newPage();
  try {
    await page.goto(origin.replace('127.0.0.1', 'localhost') + '/', { waitUntil: 'load', timeout: 30_000 });
    await page.waitForTimeout(200);
  } catch {
    // Warming up is best effort; the measured loads report their own failures.
  } finally {
    await page.close().catch(() => {});
  }
}
