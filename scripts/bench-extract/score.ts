/**
 * The article-extraction benchmark's published scoring (shared/bench/README.md), written from its description:
 * tokens → 4-token shingles → per-page multiset overlap → precision averaged over non-empty predictions,
 * recall over non-empty truths → F1 of the two averages.
 */

const TOKEN = /[\p{L}\p{N}_]+/gu;
const SHINGLE = 4;

export function tokenize(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

/** Multiset of shingles: a text of 1–3 tokens is one shingle of all its tokens, an empty text has none. */
export function shingles(text: string): Map<string, number> {
  const tokens = tokenize(text);
  const counts = new Map<string, number>();
  if (tokens.length === 0) return counts;
  const n = Math.max(1, tokens.length - SHINGLE + 1);
  for (let i = 0; i < n; i++) {
    // U+0001 cannot occur inside a token, so joined shingles never collide.
    const key = tokens.slice(i, i + SHINGLE).join('\u0001');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

export interface PageCounts {
  tp: number;
  fp: number;
  fn: number;
}

export function countPage(prediction: string, truth: string): PageCounts {
  const pred = shingles(prediction);
  const gold = shingles(truth);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [key, n] of pred) {
    const m = gold.get(key) ?? 0;
    tp += Math.min(n, m);
    fp += Math.max(0, n - m);
  }
  for (const [key, m] of gold) fn += Math.max(0, m - (pred.get(key) ?? 0));
  return { tp, fp, fn };
}

export interface PageScore extends PageCounts {
  /** null when the prediction is empty (not averaged into precision). */
  precision: number | null;
  /** null when the truth is empty (not averaged into recall). */
  recall: number | null;
  /** Per-page F1; an empty prediction scores 0. */
  f1: number;
}

export function scorePage(prediction: string, truth: string): PageScore {
  const c = countPage(prediction, truth);
  const precision = c.tp + c.fp > 0 ? c.tp / (c.tp + c.fp) : null;
  const recall = c.tp + c.fn > 0 ? c.tp / (c.tp + c.fn) : null;
  const p = precision ?? 0;
  const r = recall ?? 0;
  const f1 = p + r > 0 ? (2 * p * r) / (p + r) : 0;
  return { ...c, precision, recall, f1 };
}

export interface Summary {
  pages: number;
  precision: number;
  recall: number;
  f1: number;
  emptyPredictions: number;
  meanPageF1: number;
}

const mean = (xs: number[]): number => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);

export function summarize(scores: PageScore[]): Summary {
  const precision = mean(scores.flatMap((s) => (s.precision === null ? [] : [s.precision])));
  const recall = mean(scores.flatMap((s) => (s.recall === null ? [] : [s.recall])));
  return {
    pages: scores.length,
    precision,
    recall,
    f1: precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0,
    emptyPredictions: scores.filter((s) => s.precision === null).length,
    meanPageF1: mean(scores.map((s) => s.f1)),
  };
}

/** Nearest-rank percentile of a list of numbers (p in 0..100). */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}
