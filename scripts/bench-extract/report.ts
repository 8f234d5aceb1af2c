/** Formats the benchmark's console table and the --json file. */
import type { PageResult } from './run';
import { percentile, summarize, type Summary } from './score';

export interface SideSummary extends Summary {
  medianMs: number;
  p95Ms: number;
}

export function sideSummary(results: PageResult[], side: 'duet' | 'reference' | 'duetWithoutCaptions'): SideSummary {
  const ms = results.map((r) => (side === 'reference' ? r.referenceMs : r.duetMs));
  return { ...summarize(results.map((r) => r[side])), medianMs: percentile(ms, 50), p95Ms: percentile(ms, 95) };
}

const f3 = (x: number): string => x.toFixed(3);
const f1 = (x: number): string => x.toFixed(1);

export function formatTable(duet: SideSummary, reference: SideSummary, withoutCaptions?: SideSummary): string {
  const row = (name: string, s: SideSummary): string =>
    `| ${name.padEnd(26)} | ${f3(s.f1)} | ${f3(s.precision)} | ${f3(s.recall)} | ${String(s.emptyPredictions).padStart(5)} | ${f3(s.meanPageF1)} | ${f1(s.medianMs).padStart(6)} | ${f1(s.p95Ms).padStart(6)} |`;
  return [
    `| extractor (${duet.pages} pages)`.padEnd(28) + ' |  F1   |   P   |   R   | empty | meanF1 | med ms | p95 ms |',
    '|----------------------------|-------|-------|-------|-------|--------|--------|--------|',
    row('Duet extractUnits', duet),
    row('@mozilla/readability 0.6', reference),
    ...(withoutCaptions ? [row('(info) Duet minus captions', withoutCaptions)] : []),
  ].join('\n');
}

export function formatWorst(results: PageResult[], n = 10): string {
  const worst = [...results].sort((a, b) => a.duet.f1 - b.duet.f1).slice(0, n);
  const p = (x: number | null): string => (x === null ? '  -  ' : f3(x));
  return [
    `${n} worst pages for Duet (F1 P R | Readability F1 | url):`,
    ...worst.map(
      (r) => `  ${f3(r.duet.f1)} ${p(r.duet.precision)} ${p(r.duet.recall)} | ${f3(r.reference.f1)} | ${r.id.slice(0, 12)} ${r.url}`,
    ),
  ].join('\n');
}

export function jsonReport(results: PageResult[], duet: SideSummary, reference: SideSummary): unknown {
  return {
    summary: { duet, readability: reference, articlePages: results.filter((r) => r.isArticle).length },
    pages: results.map((r) => ({
      id: r.id,
      text: r.text,
      precision: r.duet.precision,
      recall: r.duet.recall,
      f1: r.duet.f1,
      ms: r.duetMs,
      readability: { precision: r.reference.precision, recall: r.reference.recall, f1: r.reference.f1, ms: r.referenceMs },
    })),
  };
}
