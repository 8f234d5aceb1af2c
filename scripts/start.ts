/**
 * `npm start`: build Duet, serve the bundled demo news pages on 127.0.0.1 and open Chromium with the
 * extension loaded on the demo article, set to translate it (site on the always-translate list).
 *
 *   npm start                                   headed (needs DISPLAY), real provider
 *   npm start -- --fake-provider                answer Google locally (machines without internet)
 *   npm start -- --headless --screenshot a.png  no display: wait for the on-screen units, save a PNG, exit
 *   npm start -- --page NAME                    another fixture (e2e/fixtures/news/NAME.html)
 *   npm start -- --provider ID --target LANG    provider and target language (default google, de)
 *   npm start -- --provider apertium --page es-navalcruz-sequia --target en --source es
 *                                               a local Apertium APy (Debian packages; started and stopped here)
 *   npm start -- --no-build                     skip `wxt build`
 *
 * Ctrl-C or closing the browser stops the server.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { launchWithExtension } from './e2e-kit/chromium';
import { serviceWorkerOf, writeSettings, type WorkerGlobals } from './e2e-kit/extension';
import { FakeGoogle } from './e2e-kit/fake-google';
import { NEWS_FIXTURES_DIR, startFixtureServer } from './e2e-kit/fixture-server';
import { reexecInNetworkSandbox } from './e2e-kit/network-sandbox';
import { waitForTranslations } from './e2e-kit/page-state';
import { ProviderIdSchema } from '../utils/settings/schema';
import { startApertium, type ApertiumServer } from './e2e-kit/apertium';
import { ensureApertium } from './ensure-apertium';

const DEMO_PAGE = 'krone-north-korea';

const { values: flags } = parseArgs({
  options: {
    headless: { type: 'boolean', default: false },
    screenshot: { type: 'string' },
    'fake-provider': { type: 'boolean', default: false },
    page: { type: 'string', default: DEMO_PAGE },
    provider: { type: 'string', default: 'google' },
    target: { type: 'string', default: 'de' },
    source: { type: 'string', default: 'auto' },
    'no-build': { type: 'boolean', default: false },
    timeout: { type: 'string', default: '45' },
  },
});

function fail(message: string): never {
  console.error(`[start] ${message}`);
  process.exit(1);
}

async function main(): Promise<void> {
  const provider = ProviderIdSchema.safeParse(flags.provider);
  if (!provider.success) fail(`unknown provider "${flags.provider}" (one of: ${ProviderIdSchema.options.join(', ')})`);
  const pageName = flags.page!.replace(/\.html$/, '');
  if (!existsSync(resolve(NEWS_FIXTURES_DIR, `${pageName}.html`))) fail(`no fixture e2e/fixtures/news/${pageName}.html`);
  if (flags.screenshot && !flags.headless) fail('--screenshot needs --headless');
  if (!flags.headless && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    fail('no display (DISPLAY is not set). Run with a display, or: npm start -- --headless --screenshot duet.png --fake-provider');
  }

  if (!flags['no-build'] && !process.env.DUET_NETNS) {
    console.log('[start] building the extension (wxt build)…');
    const build = spawnSync(process.platform === 'win32' ? 'npx.cmd' : 'npx', ['wxt', 'build'], { stdio: 'inherit' });
    if (build.status !== 0) fail('wxt build failed');
  }
  const apertium = provider.data === 'apertium';
  if (apertium && !process.env.DUET_NETNS) ensureApertium((line) => console.log(`[start] ${line}`)); // apt-get needs the network
  // A headless run with the fake provider (or a local engine) needs no network at all: keep Chromium's background
  // traffic off it (loopback-only namespace when possible, else a blocking proxy — see the kit).
  if (flags.headless && (flags['fake-provider'] || apertium)) await reexecInNetworkSandbox();

  const apy: ApertiumServer | undefined = apertium ? await startApertium({ log: (line) => console.log(`[start] ${line}`) }) : undefined;
  const server = await startFixtureServer();
  const browser = await launchWithExtension({
    headless: flags.headless,
    viewport: { width: 1280, height: 900 },
    // Real providers need the real network; with the fake one nothing should leave the machine.
    blockNetwork: flags['fake-provider'] || apertium,
  });
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    await browser.close();
    await server.close();
    await apy?.close();
    process.exit(code);
  };
  process.on('SIGINT', () => void stop(130));
  process.on('SIGTERM', () => void stop(143));

  if (flags['fake-provider']) await new FakeGoogle().attach(browser.context);
  await writeSettings(browser, {
    targetLanguage: flags.target!,
    sourceLanguage: flags.source!,
    provider: provider.data!,
    alwaysTranslateSites: ['127.0.0.1'],
  });
  if (apy) {
    // Provider settings live under their own key, read only by the background (see e2e/apertium.e2e.ts).
    const sw = await serviceWorkerOf(browser);
    await sw.evaluate((url) => (globalThis as unknown as WorkerGlobals).chrome.storage.local.set({ providerConfig: { apertium: { url } } }), apy.url);
  }
  const page = browser.context.pages()[0] ?? (await browser.context.newPage());
  const url = server.url(`${pageName}.html`);
  console.log(`[start] demo pages: ${server.origin}/  — opening ${url}`);
  await page.goto(url);

  if (flags.headless) {
    try {
      const counts = await waitForTranslations(page, { scope: 'viewport', timeoutMs: Number(flags.timeout) * 1000 });
      console.log(`[start] on-screen units: ${counts.done} translated, ${counts.error} failed`);
      if (flags.screenshot) {
        await page.screenshot({ path: flags.screenshot, fullPage: true, caret: 'initial' });
        console.log(`[start] screenshot saved to ${flags.screenshot}`);
      }
      if (counts.error > 0) console.error(`[start] ${counts.error} on-screen unit(s) failed to translate`);
      await stop(counts.done > 0 && counts.error === 0 ? 0 : 1);
    } catch (error) {
      console.error(`[start] ${error instanceof Error ? error.message : String(error)}`);
      if (flags.screenshot) await page.screenshot({ path: flags.screenshot, fullPage: true, caret: 'initial' }).catch(() => {});
      await stop(1);
    }
    return;
  }
  console.log('[start] close the browser window or press Ctrl-C to stop');
  browser.context.on('close', () => void stop(0));
}

main().catch((error: unknown) => fail(error instanceof Error ? error.message : String(error)));
