/**
 * Extraction accuracy benchmark (issues 4 and 10):
 *   npm run bench:extract -- [--data DIR]... [--browser] [--defuddle] [--duet-only] [--half tuning|check] [--only ID-PREFIX] [--json FILE]
 * Scores Duet's unit finder (the code the content script runs) beside @mozilla/readability (and defuddle with
 * --defuddle, jsdom only) on both shared data sets by default — article-extraction (shingle F1, the Zyte
 * benchmark's method) and web-eval (segment F1, trafilatura's method) — each split into a tuning and a check
 * half by a hash of the page id (bench-extract/split.ts). Tune on the tuning half only; read the check half.
 * `--duet-only` skips the references (their figures do not change with Duet's code; jsdom only).
 * `--browser` loads each page in Debian's Chromium (bench-extract/browser.ts) instead of parsing it with jsdom.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inNetworkSandbox, reexecInNetworkSandbox } from './e2e-kit/network-sandbox';
import { DATA_SOURCE, loadDataset } from './bench-extract/dataset';
import { formatTable, formatWorst, jsonReport, metricOf, scoreOutputs, summarizeHalves } from './bench-extract/report';
import { runPage, type PageOutput } from './bench-extract/run';
import { halfOf } from './bench-extract/split';

const SHARED = fileURLToPath(new URL('../../shared/bench/', import.meta.url));
const DEFAULT_DATA = ['article-extraction', 'web-eval'].map((d) => resolve(SHARED, d));

function options(name: string): string[] {
  const out: string[] = [];
  process.argv.forEach((a, i) => a === name && process.argv[i + 1] && out.push(process.argv[i + 1]!));
  return out;
}
const flag = (name: string): boolean => process.argv.includes(name);

async function main(): Promise<number> {
  const browser = flag('--browser');
  if (browser && !inNetworkSandbox()) await reexecInNetworkSandbox(); // exits with the sandboxed run's code when it can
  const dirs = options('--data').map((d) => resolve(d));
  const only = options('--only')[0];
  const half = options('--half')[0];
  const jsonFile = options('--json')[0];
  const report: Record<string, unknown> = {};
  for (const dir of dirs.length ? dirs : DEFAULT_DATA) {
    if (!existsSync(dir)) {
      console.error(`Benchmark data not found at ${dir}.\n${DATA_SOURCE}`);
      return 2;
    }
    const pages = loadDataset(dir).filter((p) => (!only || p.id.startsWith(only)) && (!half || halfOf(p.id) === half));
    const metric = metricOf(pages);
    const started = Date.now();
    let outputs: PageOutput[];
    if (browser) {
      const { runInBrowser } = await import('./bench-extract/browser');
      outputs = await runInBrowser(pages, (n) => n % 50 === 0 && console.error(`[browser] ${n}/${pages.length} pages`));
    } else {
      outputs = pages.map((p) => runPage(p, { defuddle: flag('--defuddle'), duetOnly: flag('--duet-only') }));
    }
    const scored = scoreOutputs(pages, outputs);
    const rows = summarizeHalves(scored, metric);
    const name = basename(dir);
    console.log(`\n## ${name} — ${metric === 'shingle' ? 'shingle F1 without the headline' : 'segment F1 (with/without)'}, ${browser ? 'Chromium' : 'jsdom'}, ${pages.length} pages, ${((Date.now() - started) / 1000).toFixed(0)} s`);
    console.log(formatTable(rows, metric));
    console.log(`pages judged articles by Duet: ${outputs.filter((o) => o.isArticle).length}/${outputs.length}`);
    const emptied = outputs.filter((o) => o.stylesEmptied).length;
    if (emptied) console.log(`pages parsed without their <style> blocks (jsdom's CSS parser threw): ${emptied}`);
    console.log(formatWorst(scored, metric));
    report[name] = jsonReport(scored, rows);
  }
  if (jsonFile) {
    writeFileSync(jsonFile, JSON.stringify(report, null, 2));
    console.log(`wrote ${jsonFile}`);
  }
  return 0;
}

main().then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  },
);
