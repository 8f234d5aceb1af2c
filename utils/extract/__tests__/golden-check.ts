/** Checks extraction results against a fixture's .expected.json (format: /work/shared/fixtures/README.md). */
import type { Unit } from '../types';

export interface Expected {
  page: string;
  pageLanguage: string;
  mustTranslate: string[];
  mustNotTranslate: string[];
  eitherWay: string[];
  /** Optional (Duet's own fixtures): what isArticle must be; defaults to true. */
  isArticle?: boolean;
  /** Optional: the mode the lists describe; defaults to 'article'. */
  mode?: 'article' | 'whole-page';
}

const norm = (t: string): string => t.replace(/\s+/g, ' ').trim();

/** Every problem found, as readable lines; empty when the units match exactly. */
export function goldenProblems(units: Unit[], expected: Expected): string[] {
  const problems: string[] = [];
  const texts = units.map((u) => norm(u.text));
  const used = new Set<number>();
  let last = -1;
  for (const want of expected.mustTranslate.map(norm)) {
    const hits = texts.flatMap((t, i) => (t === want ? [i] : []));
    if (hits.length !== 1) {
      problems.push(`mustTranslate matched ${hits.length} units: ${want.slice(0, 80)}`);
      continue;
    }
    const i = hits[0]!;
    if (i < last) problems.push(`out of order: ${want.slice(0, 80)}`);
    last = i;
    used.add(i);
  }
  for (const bad of expected.mustNotTranslate.map(norm)) {
    for (const t of texts) if (t.includes(bad)) problems.push(`unit contains mustNotTranslate "${bad.slice(0, 50)}": ${t.slice(0, 80)}`);
  }
  const either = new Set(expected.eitherWay.map(norm));
  texts.forEach((t, i) => {
    if (!used.has(i) && !either.has(t)) problems.push(`unexpected unit: ${t.slice(0, 100)}`);
  });
  return problems;
}
