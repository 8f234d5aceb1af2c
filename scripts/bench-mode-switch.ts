/**
 * `npm run bench:mode-switch` (after `npx wxt build`): the longest main-thread task while Duet switches
 * modes on a page of 50,000 small paragraphs (issue 9: "Large pages stay responsive"). The page has no
 * scripts of its own, so every long task in it is Duet's work (and the style and layout it causes).
 * Prints, per step, the longest task and the number of tasks over 50 ms (medians of --runs, default 3).
 * Runs in a loopback-only network namespace when it can, like the e2e tests; Google is answered locally.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ensureChromium, ensureExtensionBuilt, launchWithExtension } from './e2e-kit/chromium';
import { sendToTab, waitForContentScript, writeSettings } from './e2e-kit/extension';
import { FakeGoogle } from './e2e-kit/fake-google';
import { startFixtureServer } from './e2e-kit/fixture-server';
import { inNetworkSandbox, reexecInNetworkSandbox } from './e2e-kit/network-sandbox';

const PARAGRAPHS = 50_000;
const STEPS = ['bilingual', 'translation', 'original', 'bilingual'] as const;

function bigPage(): string {
  const ps = Array.from({ length: PARAGRAPHS }, (_, i) => `<p>Item ${i}: the council met again, and the budget vote was delayed once more.</p>`).join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Fifty thousand paragraphs</title></head><body><article><h1>A very long record of council meetings</h1>\n${ps}\n</article></body></html>`;
}

async function longTasksDuring(page: Page, action: () => Promise<unknown>, settleMs = 3000): Promise<number[]> {
  await page.evaluate(() => {
    const w = window as unknown as { __tasks: number[]; __obs?: PerformanceObserver };
    w.__tasks = [];
    w.__obs?.disconnect();
    w.__obs = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__tasks.push(e.duration);
    });
    w.__obs.observe({ type: 'longtask' });
  });
  await action();
  await page.waitForTimeout(settleMs);
  return page.evaluate(() => (window as unknown as { __tasks: number[] }).__tasks);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

async function main(): Promise<void> {
  if (!inNetworkSandbox()) {
    ensureChromium();
    ensureExtensionBuilt();
    await reexecInNetworkSandbox();
  }
  const runs = Number(process.argv.find((a) => a.startsWith('--runs='))?.slice(7) ?? 3);
  const dir = mkdtempSync(join(tmpdir(), 'duet-big-'));
  writeFileSync(join(dir, 'big.html'), bigPage());
  const server = await startFixtureServer(dir);
  const results: Record<string, { longest: number[]; over50: number[] }> = {};
  try {
    for (let run = 0; run < runs; run++) {
      const browser = await launchWithExtension({ viewport: { width: 1280, height: 900 } });
      try {
        await new FakeGoogle().attach(browser.context);
        await writeSettings(browser, { targetLanguage: 'de' });
        const page = browser.context.pages()[0] ?? (await browser.context.newPage());
        await page.goto(server.url('big.html'));
        // The popup's first status query analyses the page (read-only): measured apart from the switches.
        const analysis = await longTasksDuring(page, () => waitForContentScript(browser, page, 60_000), 1000);
        (results['analysis (first status query)'] ??= { longest: [], over50: [] }).longest.push(Math.max(0, ...analysis));
        results['analysis (first status query)']!.over50.push(analysis.filter((d) => d > 50).length);
        // The floor: the page itself adding one line to each of the first 30 paragraphs (what any DOM write costs here).
        const floor = await longTasksDuring(page, () =>
          page.evaluate(() => {
            for (const p of [...document.querySelectorAll('p')].slice(0, 30)) p.append(Object.assign(document.createElement('span'), { textContent: ' (updated)' }));
            void document.body.offsetHeight;
          }),
        1000);
        (results['0. page writes 30 nodes itself (floor)'] ??= { longest: [], over50: [] }).longest.push(Math.max(0, ...floor));
        results['0. page writes 30 nodes itself (floor)']!.over50.push(floor.filter((d) => d > 50).length);
        for (const [i, mode] of STEPS.entries()) {
          const tasks = await longTasksDuring(page, () => sendToTab(browser, page, { type: 'setMode', mode }));
          const key = `${i + 1}. switch to ${mode}`;
          (results[key] ??= { longest: [], over50: [] }).longest.push(Math.max(0, ...tasks));
          results[key]!.over50.push(tasks.filter((d) => d > 50).length);
        }
      } finally {
        await browser.close();
      }
      console.log(`[bench:mode-switch] run ${run + 1}/${runs} done`);
    }
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(`\n${PARAGRAPHS.toLocaleString('en')} paragraphs, medians of ${runs} runs (shared machine: noisy)`);
  console.log('step'.padEnd(36), 'longest task'.padStart(14), 'tasks > 50 ms'.padStart(15), '  all runs (longest)');
  for (const [key, r] of Object.entries(results)) {
    console.log(key.padEnd(36), `${Math.round(median(r.longest))} ms`.padStart(14), String(median(r.over50)).padStart(15), `  ${r.longest.map(Math.round).join(', ')}`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
