/** Scores the extractors' outputs per data set and half, and formats the console tables and the --json file. */
import type { BenchPage } from './dataset';
import type { Extractor, PageOutput } from './run';
import { percentile, scorePage, summarize, type PageScore, type Summary } from './score';
import { countSegments, summarizeSegments, type SegmentCounts, type SegmentSummary } from './segments';
import type { Half } from './split';

/** article-extraction is scored by shingles of a full text; web-eval by `with`/`without` segments. */
export type Metric = 'shingle' | 'segment';

export function metricOf(pages: BenchPage[]): Metric {
  return pages.some((p) => p.with) ? 'segment' : 'shingle';
}

export interface Scored {
  output: PageOutput;
  page: BenchPage;
  shingle: Partial<Record<Extractor, PageScore>>;
  segment: Partial<Record<Extractor, SegmentCounts>>;
}

export function scoreOutputs(pages: BenchPage[], outputs: PageOutput[]): Scored[] {
  const byId = new Map(pages.map((p) => [p.id, p]));
  return outputs.map((output) => {
    const page = byId.get(output.id)!;
    const s: Scored = { output, page, shingle: {}, segment: {} };
    for (const [name, text] of Object.entries(output.texts) as [Extractor, string][]) {
      if (page.with) s.segment[name] = countSegments(text, page.with, page.without ?? []);
      else s.shingle[name] = scorePage(text, page.truth);
    }
    return s;
  });
}

export interface HalfSummary {
  half: Half | 'all';
  extractor: Extractor;
  shingle?: Summary;
  segment?: SegmentSummary;
  medianMs: number;
  p95Ms: number;
}

export function summarizeHalves(scored: Scored[], metric: Metric): HalfSummary[] {
  const extractors = [...new Set(scored.flatMap((s) => Object.keys(s.output.texts) as Extractor[]))];
  const rows: HalfSummary[] = [];
  for (const half of ['tuning', 'check', 'all'] as const) {
    const part = scored.filter((s) => half === 'all' || s.output.half === half);
    for (const extractor of extractors) {
      const have = part.filter((s) => s.output.texts[extractor] !== undefined);
      const ms = have.map((s) => s.output.ms[extractor] ?? 0);
      const row: HalfSummary = { half, extractor, medianMs: percentile(ms, 50), p95Ms: percentile(ms, 95) };
      if (metric === 'shingle') row.shingle = summarize(have.map((s) => s.shingle[extractor]!));
      else row.segment = summarizeSegments(have.map((s) => ({ counts: s.segment[extractor]!, empty: !s.output.texts[extractor] })));
      rows.push(row);
    }
  }
  return rows;
}

const f3 = (x: number): string => x.toFixed(3);
const f1 = (x: number): string => x.toFixed(1);
const NAMES: Record<Extractor, string> = { duet: 'Duet extractUnits', readability: '@mozilla/readability 0.6', defuddle: 'defuddle 0.19' };

export function formatTable(rows: HalfSummary[], metric: Metric): string {
  const head =
    metric === 'shingle'
      ? '| half   | extractor                | pages |  F1   |   P   |   R   | empty | meanF1 | med ms | p95 ms |'
      : '| half   | extractor                | pages |  F1   |   P   |   R   | accur | empty | TP/FN/FP/TN         | med ms |';
  const lines = [head, head.replace(/[^|]/g, '-')];
  for (const r of rows) {
    const start = `| ${r.half.padEnd(6)} | ${NAMES[r.extractor].padEnd(24)} |`;
    if (r.shingle) {
      const s = r.shingle;
      lines.push(`${start} ${String(s.pages).padStart(5)} | ${f3(s.f1)} | ${f3(s.precision)} | ${f3(s.recall)} | ${String(s.emptyPredictions).padStart(5)} | ${f3(s.meanPageF1)}  | ${f1(r.medianMs).padStart(6)} | ${f1(r.p95Ms).padStart(6)} |`);
    } else if (r.segment) {
      const s = r.segment;
      const counts = `${s.tp}/${s.fn}/${s.fp}/${s.tn}`.padEnd(19);
      lines.push(`${start} ${String(s.pages).padStart(5)} | ${f3(s.f1)} | ${f3(s.precision)} | ${f3(s.recall)} | ${f3(s.accuracy)} | ${String(s.emptyPredictions).padStart(5)} | ${counts} | ${f1(r.medianMs).padStart(6)} |`);
    }
  }
  return lines.join('\n');
}

/** Duet's worst pages (lowest per-page F1, or most segment errors), with the half each lies in. */
export function formatWorst(scored: Scored[], metric: Metric, n = 15): string {
  const p = (x: number | null | undefined): string => (x === null || x === undefined ? '  -  ' : f3(x));
  if (metric === 'shingle') {
    const worst = [...scored].sort((a, b) => a.shingle.duet!.f1 - b.shingle.duet!.f1).slice(0, n);
    return [
      `${n} worst pages for Duet (half | F1 P R | Readability F1 | article? | id url):`,
      ...worst.map((s) => {
        const d = s.shingle.duet!;
        return `  ${s.output.half.padEnd(6)} ${f3(d.f1)} ${p(d.precision)} ${p(d.recall)} | ${p(s.shingle.readability?.f1)} | ${s.output.isArticle ? 'A' : '-'} | ${s.output.id.slice(0, 12)} ${s.output.url}`;
      }),
    ].join('\n');
  }
  const errors = (c: SegmentCounts | undefined): number => (c ? c.fn + c.fp : 0);
  const worst = [...scored].sort((a, b) => errors(b.segment.duet) - errors(a.segment.duet)).slice(0, n);
  return [
    `${n} worst pages for Duet (half | FN FP | Readability FN FP | article? | id url):`,
    ...worst.map((s) => {
      const d = s.segment.duet!;
      const r = s.segment.readability;
      return `  ${s.output.half.padEnd(6)} ${d.fn} ${d.fp} | ${r ? `${r.fn} ${r.fp}` : '-'} | ${s.output.isArticle ? 'A' : '-'} | ${s.output.id.slice(0, 16)} ${s.output.url}`;
    }),
  ].join('\n');
}

export function jsonReport(scored: Scored[], rows: HalfSummary[]): unknown {
  return {
    summary: rows,
    pages: scored.map((s) => ({ id: s.output.id, half: s.output.half, isArticle: s.output.isArticle, text: s.output.texts.duet, shingle: s.shingle, segment: s.segment, ms: s.output.ms })),
  };
}
