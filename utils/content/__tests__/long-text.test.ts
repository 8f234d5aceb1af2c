import { describe, expect, it } from 'vitest';
import { PieceAssembler, splitLongText } from '../long-text';

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

describe('splitLongText and PieceAssembler edge cases', () => {
  it('never cuts an emoji in half', () => {
    const text = '😀'.repeat(600); // 1,200 UTF-16 code units, no spaces or sentence ends
    const pieces = splitLongText(text, 501);
    expect(pieces.join('')).toBe(text);
    for (const p of pieces) expect(p).not.toMatch(/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/);
  });

  it('joins pieces without spaces for languages written without them', () => {
    for (const [to, expected] of [['ja', '一二'], ['de', '一 二']] as const) {
      const assembler = new PieceAssembler(to, 10);
      const wire = assembler.wire('d1', 'x'.repeat(15));
      expect(wire.map((w) => w.id)).toEqual(['d1~0', 'd1~1']);
      expect(assembler.collect({ id: 'd1~0', text: '一', cached: false })).toBeUndefined();
      expect(assembler.collect({ id: 'd1~1', text: '二', cached: true })).toEqual({ id: 'd1', text: expected, cached: false });
    }
  });
});
