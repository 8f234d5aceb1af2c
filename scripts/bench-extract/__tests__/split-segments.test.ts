import { describe, expect, it } from 'vitest';
import { countSegments, summarizeSegments } from '../segments';
import { halfOf } from '../split';

describe('halfOf', () => {
  it('puts a page in the same half every time, whatever the order or number of pages', () => {
    const ids = Array.from({ length: 400 }, (_, i) => `page-${i}`);
    const first = ids.map(halfOf);
    expect([...ids].reverse().map(halfOf).reverse()).toEqual(first);
    const tuning = first.filter((h) => h === 'tuning').length;
    // A hash split is about even: far from all-or-nothing on 400 ids.
    expect(tuning).toBeGreaterThan(150);
    expect(tuning).toBeLessThan(250);
  });
});

describe('countSegments (trafilatura scoring)', () => {
  it('counts with-segments found as TP, without-segments found as FP, whitespace normalised', () => {
    const prediction = 'Erster   Absatz des Artikels.\n\nZweiter Absatz.\n\nNewsletter abonnieren';
    const c = countSegments(prediction, ['Erster Absatz', 'Zweiter\nAbsatz', 'Dritter Absatz'], ['Newsletter abonnieren', 'Impressum']);
    expect(c).toEqual({ tp: 2, fn: 1, fp: 1, tn: 1 });
    const s = summarizeSegments([{ counts: c, empty: false }, { counts: { tp: 0, fn: 2, fp: 0, tn: 2 }, empty: true }]);
    expect(s.precision).toBeCloseTo(2 / 3);
    expect(s.recall).toBeCloseTo(2 / 5);
    expect(s.emptyPredictions).toBe(1);
  });
});
