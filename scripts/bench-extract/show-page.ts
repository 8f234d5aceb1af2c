/**
 * Diagnostics for one benchmark page: `npx tsx scripts/bench-extract/show-page.ts ID-PREFIX [--data DIR]`.
 * Prints Duet's units (kind, element, text) and the runs of text it misses (FN) or adds (FP) against the truth.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractUnits } from '../../utils/extract';
import { loadDataset } from './dataset';
import { missingRuns } from './gaps';
import { parsePage } from './parse-page';
import { predictionText } from './run';
import { scorePage } from './score';

const DEFAULT_DATA = fileURLToPath(new URL('../../../shared/bench/article-extraction', import.meta.url));

function describe(el: Element): string {
  const cls = (el.getAttribute('class') ?? '').trim().split(/\s+/).slice(0, 2).join('.');
  return el.tagName.toLowerCase() + (cls ? `.${cls}` : '');
}

function main(): number {
  const prefix = process.argv[2];
  const at = process.argv.indexOf('--data');
  if (!prefix) {
    console.error('usage: show-page.ts ID-PREFIX [--data DIR]');
    return 2;
  }
  const pages = loadDataset(resolve(at >= 0 ? process.argv[at + 1]! : DEFAULT_DATA)).filter((p) => p.id.startsWith(prefix));
  for (const page of pages) {
    const { dom } = parsePage(page.html(), page.url);
    const { units, isArticle } = extractUnits(dom.window.document);
    const text = predictionText(units);
    const s = scorePage(text, page.truth);
    console.log(`=== ${page.id.slice(0, 12)} ${page.url}\nisArticle ${isArticle}  P ${s.precision?.toFixed(3)}  R ${s.recall?.toFixed(3)}`);
    for (const u of units) {
      const parent = u.element.parentElement;
      console.log(`  ${u.kind.padEnd(9)} ${describe(u.element)}<${parent ? describe(parent) : ''}  ${JSON.stringify(u.text.slice(0, 100))}`);
    }
    for (const [label, runs] of [['FN (in truth, not predicted)', missingRuns(page.truth, text)], ['FP (predicted, not in truth)', missingRuns(text, page.truth)]] as const) {
      console.log(`--- ${label}:`);
      for (const r of runs) console.log(`    ${r.slice(0, 240)}`);
    }
    dom.window.close();
  }
  return pages.length ? 0 : 1;
}

process.exitCode = main();
