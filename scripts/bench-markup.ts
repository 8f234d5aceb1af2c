/**
 * `npm run bench:markup [-- --apertium]` (issue 11): what the inline-markup form costs and what survives.
 * For every news fixture (the project's e2e/fixtures/news and, when present, /work/shared/fixtures/news):
 * units found, units carrying inline markup, links in them; characters sent as markup against plain text
 * (overhead per 1,000 characters of article); provider requests the batcher's packing makes of each form;
 * links that come back with their original href after the fake provider's answer (HTML kept, as Google's
 * translateHtml does) and, with --apertium, after real Apertium APy (Spanish pages, format=html).
 * `--dataset DIR` (e.g. /work/shared/bench/web-eval, article-extraction) adds real pages in that folder's
 * format, summarised (they are read from /work/shared, never copied). Prints numbers; asserts nothing.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractUnits } from '../utils/extract';
import { blockMarkup } from '../utils/extract/block-markup';
import type { Unit } from '../utils/extract/types';
import { fillTranslation, wireText } from '../utils/rich-text/unit-markup';
import { hasPlaceholders } from '../utils/rich-text/wire';
import { packTexts } from '../utils/translate/packing';
import { providers } from '../utils/translate/providers';
import type { ProviderId } from '../utils/translate/types';
import { loadDataset } from './bench-extract/dataset';
import { parsePage } from './bench-extract/parse-page';
import { startApertium, type ApertiumServer } from './e2e-kit/apertium';
import { pseudoTranslate } from './e2e-kit/pseudo-translate';

const DIRS = [fileURLToPath(new URL('../e2e/fixtures/news/', import.meta.url)), '/work/shared/fixtures/news/'];
const PACKED: ProviderId[] = ['google', 'deepl', 'openai'];

interface PageResult {
  page: string;
  units: number;
  withMarkup: number;
  links: number;
  plainChars: number;
  markupChars: number;
  requests: Record<string, [plain: number, markup: number]>;
  fakeKept: number;
  apertiumKept?: number;
}

async function apertiumAnswer(url: string, markup: string): Promise<string> {
  const response = await fetch(`${url}/translate`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ langpair: 'spa|eng', q: markup, markUnknown: 'no', format: 'html' }).toString(),
  });
  return ((await response.json()) as { responseData?: { translatedText?: string } }).responseData?.translatedText ?? '';
}

/** Links of the unit (those its markup carries) that reappear with the same href once its answer is rebuilt. */
function keptLinks(unit: Unit, answer: string): { links: number; kept: number } {
  const markup = wireText(unit);
  // Links the markup carries (an <a> without href is not a link on the page either).
  const { inline } = blockMarkup(unit.element);
  const sent = [...markup.matchAll(/<a(\d+)>/g)].map((m) => inline[Number(m[1])]?.getAttribute('href')).filter((h): h is string => h != null);
  const target = unit.element.ownerDocument.createElement('div');
  fillTranslation(target, unit, answer); // the renderer's own path
  const got = [...target.querySelectorAll('a')].map((a) => a.getAttribute('href'));
  let kept = 0;
  for (const href of sent) {
    const at = got.indexOf(href);
    if (at >= 0) {
      kept++;
      got.splice(at, 1);
    }
  }
  return { links: sent.length, kept };
}

async function measure(name: string, html: string, url: string, apy: ApertiumServer | undefined): Promise<PageResult> {
  const { dom } = parsePage(html, url);
  const doc = dom.window.document;
  const analysis = extractUnits(doc, { mode: 'article' });
  // Front pages: what the reader gets with "translate whole page" (headlines).
  const units = analysis.isArticle ? analysis.units : extractUnits(doc, { mode: 'whole-page' }).units;
  const wires = units.map((u) => wireText(u));
  const requests: PageResult['requests'] = {};
  for (const id of PACKED) {
    const limits = providers[id].limits;
    requests[id] = [packTexts(units.map((u) => ({ text: u.text })), limits).length, packTexts(wires.map((text) => ({ text })), limits).length];
  }
  let links = 0;
  let fakeKept = 0;
  let apertiumKept = 0;
  const spanish = doc.documentElement.lang.startsWith('es');
  for (const unit of units) {
    const fake = keptLinks(unit, pseudoTranslate(wireText(unit), 'en'));
    links += fake.links;
    fakeKept += fake.kept;
    if (apy && spanish && fake.links > 0) apertiumKept += keptLinks(unit, await apertiumAnswer(apy.url, wireText(unit))).kept;
  }
  return {
    page: name,
    units: units.length,
    withMarkup: wires.filter(hasPlaceholders).length,
    links,
    plainChars: units.reduce((n, u) => n + u.text.length, 0),
    markupChars: wires.reduce((n, w) => n + w.length, 0),
    requests,
    fakeKept,
    ...(apy && spanish ? { apertiumKept } : {}),
  };
}

async function main(): Promise<void> {
  const files = DIRS.filter((d) => existsSync(d)).flatMap((d) => readdirSync(d).filter((f) => f.endsWith('.html')).map((f) => join(d, f)));
  const apy = process.argv.includes('--apertium') ? await startApertium() : undefined;
  try {
    const results: PageResult[] = [];
    for (const file of files) results.push(await measure(file.split('/').pop()!, readFileSync(file, 'utf8'), `http://127.0.0.1/${file.split('/').pop()}`, apy));
    console.log('page                             units  markup  links  fake-kept  apy-kept  plain-chars  markup-chars  overhead/1000  requests plain→markup (google, deepl, openai)');
    for (const r of results) {
      const overhead = r.plainChars ? (1000 * (r.markupChars - r.plainChars)) / r.plainChars : 0;
      const reqs = PACKED.map((id) => `${r.requests[id]![0]}→${r.requests[id]![1]}`).join(', ');
      console.log(
        `${r.page.padEnd(32)} ${String(r.units).padStart(5)} ${String(r.withMarkup).padStart(7)} ${String(r.links).padStart(6)} ${String(r.fakeKept).padStart(10)} ${String(r.apertiumKept ?? '-').padStart(9)} ${String(r.plainChars).padStart(12)} ${String(r.markupChars).padStart(13)} ${overhead.toFixed(1).padStart(14)}  ${reqs}`,
      );
    }
    const sum = (f: (r: PageResult) => number) => results.reduce((n, r) => n + f(r), 0);
    const plain = sum((r) => r.plainChars);
    const overheads = results.filter((r) => r.plainChars > 0).map((r) => (1000 * (r.markupChars - r.plainChars)) / r.plainChars).sort((a, b) => a - b);
    const median = overheads.length % 2 ? overheads[(overheads.length - 1) / 2]! : (overheads[overheads.length / 2 - 1]! + overheads[overheads.length / 2]!) / 2;
    console.log(`\nall pages: ${sum((r) => r.units)} units, ${sum((r) => r.withMarkup)} with inline markup, ${sum((r) => r.links)} links`);
    console.log(`fake provider: ${sum((r) => r.fakeKept)}/${sum((r) => r.links)} links kept with their original href`);
    if (apy) {
      const es = results.filter((r) => r.apertiumKept !== undefined);
      console.log(`Apertium (Spanish pages): ${sum((r) => r.apertiumKept ?? 0)}/${es.reduce((n, r) => n + r.links, 0)} links kept`);
    }
    console.log(`markup overhead: ${((1000 * (sum((r) => r.markupChars) - plain)) / plain).toFixed(1)} characters per 1,000 of article overall, median per page ${median.toFixed(1)}`);
    for (const id of PACKED) console.log(`requests (${id} limits): ${sum((r) => r.requests[id]![0])} plain → ${sum((r) => r.requests[id]![1])} markup`);
    const at = process.argv.indexOf('--dataset');
    if (at > 0 && process.argv[at + 1]) {
      const pages = loadDataset(process.argv[at + 1]!);
      const data: PageResult[] = [];
      for (const page of pages) data.push(await measure(page.id, page.html(), page.url, undefined));
      summarise(`${process.argv[at + 1]} (${pages.length} pages)`, data);
    }
  } finally {
    await apy?.close();
  }
}

function summarise(label: string, results: PageResult[]): void {
  const sum = (f: (r: PageResult) => number) => results.reduce((n, r) => n + f(r), 0);
  const plain = sum((r) => r.plainChars);
  const overheads = results.filter((r) => r.plainChars > 0).map((r) => (1000 * (r.markupChars - r.plainChars)) / r.plainChars).sort((a, b) => a - b);
  const q = (p: number) => overheads[Math.min(overheads.length - 1, Math.floor(p * overheads.length))] ?? 0;
  console.log(`\n${label}`);
  console.log(`  ${sum((r) => r.units)} units, ${sum((r) => r.withMarkup)} with inline markup (${((100 * sum((r) => r.withMarkup)) / Math.max(1, sum((r) => r.units))).toFixed(1)} %), ${sum((r) => r.links)} links; pages with any: ${results.filter((r) => r.withMarkup > 0).length}`);
  console.log(`  fake provider: ${sum((r) => r.fakeKept)}/${sum((r) => r.links)} links kept with their original href`);
  console.log(`  markup overhead per 1,000 characters of article: overall ${((1000 * (sum((r) => r.markupChars) - plain)) / plain).toFixed(1)}; per page median ${q(0.5).toFixed(1)}, p90 ${q(0.9).toFixed(1)}, max ${q(1).toFixed(1)}`);
  for (const id of PACKED) console.log(`  requests (${id} limits): ${sum((r) => r.requests[id]![0])} plain → ${sum((r) => r.requests[id]![1])} markup`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
