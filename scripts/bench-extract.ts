/**
 * Extraction accuracy benchmark (issue 4): `npm run bench:extract -- [--data DIR] [--json FILE] [--only ID-PREFIX]`.
 * Scores Duet's unit finder (the code the content script runs) and plain @mozilla/readability side by side
 * on a data set in the format of ../shared/bench/article-extraction, with the scoring of shared/bench/README.md.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DATA_SOURCE, loadDataset } from './bench-extract/dataset';
import { formatTable, formatWorst, jsonReport, sideSummary } from './bench-extract/report';
import { runPage, type PageResult } from './bench-extract/run';

const DEFAULT_DATA = fileURLToPath(new URL('../../shared/bench/article-extraction', import.meta.url));

function option(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function main(): number {
  const dir = resolve(option('--data') ?? DEFAULT_DATA);
  const jsonFile = option('--json');
  if (!existsSync(dir)) {
    console.error(`Benchmark data not found at ${dir}.\n${DATA_SOURCE}`);
    return 2;
  }
  const pages = loadDataset(dir);
  const only = option('--only');
  const results: PageResult[] = [];
  for (const page of pages) {
    if (only && !page.id.startsWith(only)) continue;
    results.push(runPage(page));
  }
  const duet = sideSummary(results, 'duet');
  const reference = sideSummary(results, 'reference');
  console.log(formatTable(duet, reference, sideSummary(results, 'duetWithoutCaptions')));
  console.log(`pages judged articles by Duet: ${results.filter((r) => r.isArticle).length}/${results.length}`);
  const emptied = results.filter((r) => r.stylesEmptied).length;
  if (emptied) console.log(`pages parsed without their <style> blocks (jsdom's CSS parser threw): ${emptied}`);
  console.log(formatWorst(results));
  if (jsonFile) {
    writeFileSync(jsonFile, JSON.stringify(jsonReport(results, duet, reference), null, 2));
    console.log(`wrote ${jsonFile}`);
  }
  return 0;
}

try {
  process.exitCode = main();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
