import { describe, expect, it } from 'vitest';
import { splitLongText } from '../long-text';

const sentence = (n: number) => `Sentence number ${n} says something about the council's budget, at some length.`;

describe('splitLongText', () => {
  it('leaves ordinary paragraphs whole', () => {
    expect(splitLongText('A short paragraph.')).toEqual(['A short paragraph.']);
  });

  it('cuts long blocks at sentence ends, each piece within the limit, nothing lost', () => {
    const text = Array.from({ length: 200 }, (_, i) => sentence(i)).join(' ');
    const pieces = splitLongText(text, 1000);
    expect(pieces.length).toBeGreaterThan(1);
    for (const p of pieces) {
      expect(p.length).toBeLessThanOrEqual(1000);
      expect(p.endsWith('.')).toBe(true);
    }
    expect(pieces.join(' ')).toBe(text);
  });

  it('falls back to spaces, then to a hard cut, when there is no sentence end', () => {
    const words = Array.from({ length: 400 }, (_, i) => `word${i}`).join(' ');
    const bySpace = splitLongText(words, 500);
    expect(bySpace.every((p) => p.length <= 500 && !p.startsWith(' '))).toBe(true);
    expect(bySpace.join(' ')).toBe(words);
    const blob = 'x'.repeat(1200);
    expect(splitLongText(blob, 500)).toEqual(['x'.repeat(500), 'x'.repeat(500), 'x'.repeat(200)]);
  });
});
