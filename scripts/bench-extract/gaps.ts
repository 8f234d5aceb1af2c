/**
 * Where a prediction and the truth part (diagnostics for one page): the runs of one text's tokens whose
 * 4-token shingles the other text lacks, in order, each shingle used once (the scoring's multiset).
 */
import { tokenize } from './score';

const SHINGLE = 4;

/** Runs of `text`'s tokens that start a shingle missing from `other` (FN runs: truth vs prediction; FP: swapped). */
export function missingRuns(text: string, other: string): string[] {
  const tokens = tokenize(text);
  const available = new Map<string, number>();
  const otherTokens = tokenize(other);
  const n = Math.max(1, otherTokens.length - SHINGLE + 1);
  for (let i = 0; i < n && otherTokens.length; i++) {
    const key = otherTokens.slice(i, i + SHINGLE).join('\u0001');
    available.set(key, (available.get(key) ?? 0) + 1);
  }
  const runs: string[] = [];
  let run: string[] = [];
  const count = tokens.length ? Math.max(1, tokens.length - SHINGLE + 1) : 0;
  for (let i = 0; i < count; i++) {
    const key = tokens.slice(i, i + SHINGLE).join('\u0001');
    const left = available.get(key) ?? 0;
    if (left > 0) {
      available.set(key, left - 1);
      if (run.length) runs.push(run.join(' '));
      run = [];
    } else run.push(tokens[i]!);
  }
  if (run.length) runs.push(run.join(' '));
  return runs;
}
