/**
 * web-eval's scoring (shared/bench/README.md, trafilatura's published method): each `with` segment found as a
 * substring of the prediction is a true positive (else a false negative); each `without` segment found is a
 * false positive (else a true negative); whitespace normalised on both sides; counts summed over pages.
 */

export interface SegmentCounts {
  tp: number;
  fn: number;
  fp: number;
  tn: number;
}

const normalize = (text: string): string => text.replace(/\s+/g, ' ').trim();

export function countSegments(prediction: string, withSegments: string[], withoutSegments: string[]): SegmentCounts {
  const text = normalize(prediction);
  const found = (segment: string): boolean => {
    const s = normalize(segment);
    return s.length > 0 && text.includes(s);
  };
  const c: SegmentCounts = { tp: 0, fn: 0, fp: 0, tn: 0 };
  for (const s of withSegments) found(s) ? c.tp++ : c.fn++;
  for (const s of withoutSegments) found(s) ? c.fp++ : c.tn++;
  return c;
}

export interface SegmentSummary extends SegmentCounts {
  pages: number;
  precision: number;
  recall: number;
  f1: number;
  accuracy: number;
  emptyPredictions: number;
}

export function summarizeSegments(pages: { counts: SegmentCounts; empty: boolean }[]): SegmentSummary {
  const sum: SegmentCounts = { tp: 0, fn: 0, fp: 0, tn: 0 };
  for (const { counts } of pages) {
    sum.tp += counts.tp;
    sum.fn += counts.fn;
    sum.fp += counts.fp;
    sum.tn += counts.tn;
  }
  const precision = sum.tp + sum.fp ? sum.tp / (sum.tp + sum.fp) : 0;
  const recall = sum.tp + sum.fn ? sum.tp / (sum.tp + sum.fn) : 0;
  const all = sum.tp + sum.fn + sum.fp + sum.tn;
  return {
    ...sum,
    pages: pages.length,
    precision,
    recall,
    f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0,
    accuracy: all ? (sum.tp + sum.tn) / all : 0,
    emptyPredictions: pages.filter((p) => p.empty).length,
  };
}
