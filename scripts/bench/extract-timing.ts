import { fileURLToPath } from 'node:url';
import type { BrowserContext } from 'playwright-core';
import { median } from './stats';

/**
 * Diagnosis for main-thread figures: the product's extractor (utils/extract) timed in Chromium on
 * each benchmark page, outside the extension (same DOM work; the content script runs it the same way).
 * The first call is cold (styles, JIT); the median of the rest is the steady cost.
 */
export interface ExtractTiming {
  firstMs: number;
  medianMs: number;
  collectMs: number;
  chooseMs: number;
  units: number;
  isArticle: boolean;
  elements: number;
}

const ENTRY = fileURLToPath(new URL('./extract-entry.ts', import.meta.url));

export async function bundleExtractor(): Promise<string> {
  const { build } = await import('vite');
  const result = await build({
    configFile: false,
    logLevel: 'silent',
    build: { write: false, minify: false, lib: { entry: ENTRY, formats: ['iife'], name: 'DuetBenchExtract', fileName: () => 'extract.js' } },
  });
  const outputs = (Array.isArray(result) ? result : [result]) as Array<{ output?: Array<{ type: string; code?: string }> }>;
  const code = outputs.flatMap((o) => o.output ?? []).find((o) => o.type === 'chunk' && o.code)?.code;
  if (!code) throw new Error('bundling the extractor produced no code');
  return code;
}

export async function timeExtractor(context: BrowserContext, url: string, bundle: string, repeats = 5): Promise<ExtractTiming> {
  const page = await context.newPage();
  try {
    await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
    await page.addScriptTag({ content: bundle });
    const r = await page.evaluate(
      (n) => (window as unknown as { DuetBenchExtract: { timeExtraction: (n: number) => { extractMs: number[]; collectMs: number[]; chooseMs: number[]; units: number; isArticle: boolean; elements: number } } }).DuetBenchExtract.timeExtraction(n),
      repeats,
    );
    return {
      firstMs: r.extractMs[0]!,
      medianMs: median(r.extractMs.slice(1)) ?? r.extractMs[0]!,
      collectMs: median(r.collectMs.slice(1)) ?? r.collectMs[0]!,
      chooseMs: median(r.chooseMs.slice(1)) ?? r.chooseMs[0]!,
      units: r.units,
      isArticle: r.isArticle,
      elements: r.elements,
    };
  } finally {
    await page.close().catch(() => {});
  }
}
