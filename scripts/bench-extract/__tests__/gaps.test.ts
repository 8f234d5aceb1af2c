import { describe, expect, it } from 'vitest';
import { missingRuns } from '../gaps';
import { countPage } from '../score';

describe('missingRuns', () => {
  it('finds the tokens that start shingles the other text lacks', () => {
    // Prediction adds "x y z w" after the truth's text; truth has a word more at its end.
    expect(missingRuns('a b c d e\n\nx y z w', 'a b c d e f')).toEqual(['c d e x']);
    expect(missingRuns('a b c d e f', 'a b c d e\n\nx y z w')).toEqual(['c']);
  });

  it('uses each shingle once, as the scoring does', () => {
    const runs = missingRuns('a b c d a b c d', 'a b c d');
    expect(runs).toEqual(['b c d a']);
    expect(runs.join(' ').split(' ')).toHaveLength(countPage('a b c d a b c d', 'a b c d').fp);
  });

  it('gives nothing for equal texts and one run for a short text with no match', () => {
    expect(missingRuns('same text here now', 'same text here now')).toEqual([]);
    expect(missingRuns('just two', 'other words entirely here')).toEqual(['just']);
  });
});
