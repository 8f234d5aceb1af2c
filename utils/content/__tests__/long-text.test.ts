import { describe, expect, it } from 'vitest';
import { parseWireId, pieceJoiner, splitLongText, wireItems } from '../long-text';

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

describe('splitLongText edge cases', () => {
  it('never cuts an emoji in half', () => {
    const text = '😀'.repeat(600); // 1,200 UTF-16 code units, no spaces or sentence ends
    const pieces = splitLongText(text, 501);
    expect(pieces.join('')).toBe(text);
    for (const p of pieces) expect(p).not.toMatch(/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/);
  });

  it('joins pieces without spaces for languages written without them', () => {
    expect(pieceJoiner('ja')).toBe('');
    expect(pieceJoiner('zh-TW')).toBe('');
    expect(pieceJoiner('de')).toBe(' ');
  });
});

describe('wire ids', () => {
  it('name a unit, its revision and its pieces, and read back', () => {
    expect(wireItems('d1', 0, 'short').map((w) => w.id)).toEqual(['d1']);
    expect(wireItems('d1', 3, 'short').map((w) => w.id)).toEqual(['d1.3']);
    const long = wireItems('d1', 2, 'x'.repeat(15), 10);
    expect(long.map((w) => w.id)).toEqual(['d1.2~0/2', 'd1.2~1/2']);
    expect(parseWireId('d1')).toEqual({ id: 'd1', revision: 0 });
    expect(parseWireId('d1.3')).toEqual({ id: 'd1', revision: 3 });
    expect(parseWireId('d1.2~1/2')).toEqual({ id: 'd1', revision: 2, piece: { index: 1, count: 2 } });
    expect(parseWireId('not an id!~')).toBeUndefined();
  });
});
