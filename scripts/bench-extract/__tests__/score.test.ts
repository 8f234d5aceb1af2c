import { describe, expect, it } from 'vitest';
import { countPage, percentile, scorePage, shingles, summarize, tokenize } from '../score';

describe('tokenize', () => {
  it('keeps runs of letters, digits and underscore in any script', () => {
    expect(tokenize('Hello, world! 42_a — café 北京 مرحبا')).toEqual(['Hello', 'world', '42_a', 'café', '北京', 'مرحبا']);
    expect(tokenize(' .,; ')).toEqual([]);
  });
});

describe('shingles', () => {
  it('makes every run of four tokens, counting repeats', () => {
    const s = shingles('a b c d a b c d');
    expect(s.size).toBe(4); // abcd, bcda, cdab, dabc
    expect([...s.values()].reduce((x, y) => x + y, 0)).toBe(5);
  });
  it('makes one shingle of a 1–3 token text and none of an empty one', () => {
    expect(shingles('just two').size).toBe(1);
    expect(shingles('   ').size).toBe(0);
  });
  it('does not glue tokens across a newline', () => {
    expect(shingles('one two\nthree four')).toEqual(shingles('one two three four'));
  });
});

describe('countPage / scorePage', () => {
  it('counts true and false positives and negatives as multisets', () => {
    // The whole text is one token sequence: prediction a…e x…w has abcd bcde cdex dexy exyz xyzw;
    // truth a…f has abcd bcde cdef.
    expect(countPage('a b c d e\n\nx y z w', 'a b c d e f')).toEqual({ tp: 2, fp: 4, fn: 1 });
    // Repeats count: a paragraph predicted twice is one true and one false positive per shingle.
    expect(countPage('p q r s p q r s', 'p q r s')).toEqual({ tp: 1, fp: 4, fn: 0 });
  });
  it('scores an exact prediction 1 and an empty prediction as no precision', () => {
    const exact = scorePage('The cat sat on the mat today', 'The cat sat on the mat today');
    expect([exact.precision, exact.recall, exact.f1]).toEqual([1, 1, 1]);
    const empty = scorePage('', 'The cat sat on the mat today');
    expect(empty.precision).toBeNull();
    expect(empty.recall).toBe(0);
    expect(empty.f1).toBe(0);
  });
});

describe('summarize', () => {
  it('averages precision over non-empty predictions and recall over non-empty truths, then F1 of the averages', () => {
    const pages = [
      scorePage('a b c d e f', 'a b c d e f'), // P 1, R 1
      scorePage('a b c d x y', 'a b c d e f'), // P 1/3, R 1/3
      scorePage('', 'a b c d'), // P none, R 0
    ];
    const s = summarize(pages);
    expect(s.precision).toBeCloseTo((1 + 1 / 3) / 2);
    expect(s.recall).toBeCloseTo((1 + 1 / 3 + 0) / 3);
    expect(s.f1).toBeCloseTo((2 * s.precision * s.recall) / (s.precision + s.recall));
    expect(s.emptyPredictions).toBe(1);
    expect(s.meanPageF1).toBeCloseTo((1 + 1 / 3 + 0) / 3);
  });
});

describe('percentile', () => {
  it('uses the nearest rank', () => {
    const xs = [5, 1, 4, 2, 3];
    expect(percentile(xs, 50)).toBe(3);
    expect(percentile(xs, 95)).toBe(5);
    expect(percentile([], 50)).toBe(0);
  });
});
