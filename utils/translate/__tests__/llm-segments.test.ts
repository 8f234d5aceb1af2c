import { describe, expect, it } from 'vitest';
import { parseSegments, stripWrapping, userMessage } from '../llm-segments';

describe('llm segments', () => {
  it('numbers segments from 0', () => {
    expect(JSON.parse(userMessage(['a', 'b']))).toEqual({ segments: [{ id: 0, text: 'a' }, { id: 1, text: 'b' }] });
  });

  it('strips think blocks (closed or cut off) and code fences', () => {
    expect(stripWrapping('<think>hmm {"x":1}</think>\n```json\n{"a":1}\n```')).toBe('{"a":1}');
    expect(stripWrapping('{"a":1}<think>never closed')).toBe('{"a":1}');
  });

  it('matches by id, accepting string ids and any order', () => {
    expect(parseSegments('Here you go: {"translations":[{"id":"1","text":"B"},{"id":0,"text":"A"}]} Done.', 2)).toEqual(['A', 'B']);
  });

  it('refuses anything that could mis-pair: missing, extra, duplicate, out-of-range ids, bad JSON', () => {
    expect(parseSegments('{"translations":[{"id":0,"text":"A"}]}', 2)).toBeUndefined();
    expect(parseSegments('{"translations":[{"id":0,"text":"A"},{"id":0,"text":"B"}]}', 2)).toBeUndefined();
    expect(parseSegments('{"translations":[{"id":0,"text":"A"},{"id":2,"text":"B"}]}', 2)).toBeUndefined();
    expect(parseSegments('{"translations":[{"id":0,"text":"A"},{"id":1}]}', 2)).toBeUndefined();
    expect(parseSegments('{"translations":[{"id":0,"text":"A"},', 2)).toBeUndefined();
    expect(parseSegments('I cannot help with that.', 1)).toBeUndefined();
  });
});
