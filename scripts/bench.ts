/**
 * `npm run bench` (after `npx wxt build`): Duet's speed and cost in Debian Chromium (issue 5).
 *
 * Loads generated pages (scripts/bench/generate-pages.ts) from 127.0.0.1 with the built extension
 * — cold (fresh profile) and warm (reload) — and without it (baseline), with Google's translateHtml
 * answered locally in its wire format after a configurable delay. Prints medians and budgets;
 * `--json FILE` writes every sample, `--check` exits 1 on a missed budget. Runs inside a
 * loopback-only network namespace when it can (root), like the e2e tests.
 */
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import type { BrowserContext } from 'playwright-core';
import { join } from 'node:path';
import { EXTENSION_DIR, ensureChromium, ensureExtensionBuilt } from './e2e-kit/chromium';
import { serviceWorkerOf } from './e2e-kit/extension';
import { startFixtureServer } from './e2e-kit/fixture-server';
import { inNetworkSandbox, reexecInNetworkSandbox } from './e2e-kit/network-sandbox';
import { parseArgs, USAGE, type BenchArgs } from './bench/args';
import { launchBaseline, launchDuet, warmUp } from './bench/browsers';
import { checkBudgets } from './bench/budgets';
import { harnessRoundTripMs as measureRoundTrip } from './bench/calibrate';
import { bundleSizes } from './bench/bundle-size';
import { bundleWorkload, cacheInNode, cacheInServiceWorker, cacheRates, cacheTexts } from './bench/cache-bench';
import { scrollThroughEndless } from './bench/endless';
import { bundleExtractor, timeExtractor } from './bench/extract-timing';
import { generatePages, type PageName } from './bench/generate-pages';
import { loadBaseline, loadWithExtension } from './bench/load-page';
import { ProviderTap, repeatedTexts } from './bench/provider-tap';
import { bytesPer1000, readRealCache } from './bench/real-cache';
import { formatReport } from './bench/report';
import { swHeapAfterUnits } from './bench/sw-heap';
import { summarisePage, type BenchSummary, type CacheFigures, type PageRun } from './bench/summary';

const log = (line: string) => console.log(`[bench] ${line}`);

async function runPage(args: BenchArgs, extensionDir: string, url: string, page: PageName, baseline: PageRun['baseline'], measureRealCache: boolean): Promise<{ run: PageRun; realCache?: number }> {
  const tap = new ProviderTap(args);
  const browser = await launchDuet(tap, extensionDir);
  try {
    await warmUp(browser.context, new URL(url).origin);
    const sw = await serviceWorkerOf(browser);
    const before = measureRealCache ? await readRealCache(sw) : undefined;
    const harnessRoundTripMs = await measureRoundTrip(browser.context, sw);
    let endless: PageRun['endless'];
    const cold = await loadWithExtension(browser, tap, url, {
      harnessRoundTripMs,
      afterSettled:
        page === 'endless'
          ? async (p) => {
              const batches = await scrollThroughEndless(p, args.endlessBatches);
              endless = { batches, repeatedTexts: repeatedTexts(tap.requests) };
            }
          : undefined,
    });
    const realCache = before ? bytesPer1000(before, await readRealCache(await serviceWorkerOf(browser))) : undefined;
    const warm = await loadWithExtension(browser, tap, url, { harnessRoundTripMs });
    return { run: { baseline, cold, warm, ...(endless ? { endless } : {}) }, realCache };
  } finally {
    await browser.close();
  }
}

async function cacheFigures(args: BenchArgs, extensionDir: string): Promise<CacheFigures[]> {
  const texts = cacheTexts(args.seed);
  const figures: CacheFigures[] = [];
  const node = await cacheInNode(texts);
  figures.push({ label: 'Node + fake-indexeddb (in-memory fake)', units: node.units, ...cacheRates(node) });
  const bundle = await bundleWorkload();
  const tap = new ProviderTap(args);
  const browser = await launchDuet(tap, extensionDir);
  try {
    const sw = await cacheInServiceWorker(await serviceWorkerOf(browser), texts, bundle);
    figures.push({ label: 'Chromium service worker, IndexedDB', units: sw.units, ...cacheRates(sw) });
  } finally {
    await browser.close();
  }
  return figures;
}

async function extractTimings(args: BenchArgs, context: BrowserContext, urlOf: (p: PageName) => string): Promise<BenchSummary['extract']> {
  try {
    const bundle = await bundleExtractor();
    const out: NonNullable<BenchSummary['extract']> = {};
    for (const page of args.pages) out[page] = await timeExtractor(context, urlOf(page), bundle);
    return out;
  } catch (error) {
    log(`extractor timing failed: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  if (args.help) {
    console.log(USAGE);
    return 0;
  }
  if (!inNetworkSandbox()) {
    ensureChromium(log);
    ensureExtensionBuilt();
    await reexecInNetworkSandbox(); // exits with the sandboxed run's code when it can sandbox
    log('network namespaces unavailable: browsers use a local blocking proxy instead');
  }
  const work = await mkdtemp(join(tmpdir(), 'duet-bench-'));
  // A private copy of the build, so a rebuild during the run cannot change what is measured.
  const extensionDir = join(work, 'extension');
  await cp(args.extension ?? EXTENSION_DIR, extensionDir, { recursive: true });
  const { dir, files } = await generatePages(join(work, 'pages'), args.seed);
  const server = await startFixtureServer(dir);
  const started = Date.now();
  try {
    const summary: BenchSummary = { pages: [], cache: [] };
    summary.bundles = await bundleSizes(extensionDir);
    const runs = new Map<PageName, PageRun[]>(args.pages.map((p) => [p, []]));
    const samples: Record<string, unknown>[] = [];
    for (let i = 0; i < args.runs; i++) {
      const base = await launchBaseline(new ProviderTap(args));
      const baselines = new Map<PageName, PageRun['baseline']>();
      const againBaselines = new Map<PageName, PageRun['baseline']>();
      try {
        await warmUp(base.context, server.origin);
        for (const page of args.pages) baselines.set(page, await loadBaseline(base.context, server.url(files[page])));
        // A second plain load of each page: how much two loads without Duet differ (the noise).
        for (const page of args.pages) againBaselines.set(page, await loadBaseline(base.context, server.url(files[page])));
        if (i === 0) summary.extract = await extractTimings(args, base.context, (p) => server.url(files[p]));
      } finally {
        await base.close();
      }
      for (const page of args.pages) {
        const measureRealCache = i === 0 && page === 'long';
        const { run, realCache } = await runPage(args, extensionDir, server.url(files[page]), page, baselines.get(page)!, measureRealCache);
        run.baselineAgain = againBaselines.get(page);
        if (realCache !== undefined) summary.realCacheBytesPer1000 = realCache;
        runs.get(page)!.push(run);
        samples.push({ run: i + 1, page, ...run });
        log(`run ${i + 1}/${args.runs} ${page}: ready ${Math.round(run.cold.pageReady ?? NaN)} (plain ${Math.round(run.baseline.pageReady ?? NaN)}), first ${Math.round(run.cold.firstOnScreen ?? NaN)} ms, overhead ${Math.round(run.cold.overheadFirst ?? NaN)} ms, all ${Math.round(run.cold.allOnScreen ?? NaN)} ms, ${run.cold.requests} requests, reload first ${Math.round(run.warm.firstOnScreen ?? NaN)} ms`);
      }
    }
    summary.pages = args.pages.map((p) => summarisePage(p, runs.get(p)!));
    summary.cache = await cacheFigures(args, extensionDir).catch((error: unknown) => {
      log(`cache figures failed: ${error instanceof Error ? error.message : String(error)}`);
      return [];
    });
    summary.swHeap = await swHeapAfterUnits(extensionDir, server.origin, cacheTexts(args.seed)).catch((error: unknown) => {
      log(`service-worker heap failed: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    });
    const budgets = checkBudgets(summary);
    console.log(formatReport(summary, budgets, { runs: args.runs, latency: `${args.latencyMs} ms + ${args.latencyPerCharMs} ms/char` }));
    log(`took ${Math.round((Date.now() - started) / 1000)} s`);
    if (args.json) {
      await writeFile(args.json, JSON.stringify({ args, summary, budgets, samples }, null, 2));
      log(`wrote ${args.json}`);
    }
    const missed = budgets.filter((b) => !b.pass).length;
    if (args.check && missed) {
      log(`${missed} budget(s) missed`);
      return 1;
    }
    return 0;
  } finally {
    await server.close();
    await rm(work, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`[bench] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  },
);
