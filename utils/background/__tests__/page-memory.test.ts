import { describe, expect, it } from 'vitest';
import { MAX_CHARS_PER_PAGE, MAX_PAGES, MAX_UNITS_PER_PAGE, PageMemory } from '../page-memory';

const key = (url: string, to = 'de') => ({ url, provider: 'google', from: 'auto', to });
const t = (source: string, text = `DE ${source}`) => ({ source, text });

describe('PageMemory', () => {
  it('recalls a page by its address without the fragment, only for the same provider and languages', () => {
    const memory = new PageMemory();
    memory.remember(key('https://news.example/a?id=1#top'), [t('Hallo'), { source: 'Hello', text: 'Hello', sameLanguage: true }]);
    expect(memory.recall(key('https://news.example/a?id=1#comments'))).toEqual([t('Hallo'), { source: 'Hello', text: 'Hello', sameLanguage: true }]);
    expect(memory.recall(key('https://news.example/a?id=2'))).toEqual([]);
    expect(memory.recall(key('https://news.example/a?id=1', 'fr'))).toEqual([]);
    expect(memory.recall({ ...key('https://news.example/a?id=1'), provider: 'deepl' })).toEqual([]);
  });

  it('ignores addresses that are not web pages, and keeps the first translation of a repeated text', () => {
    const memory = new PageMemory();
    memory.remember(key('not a url'), [t('x')]);
    memory.remember(key('file:///tmp/a.html'), [t('x')]);
    expect(memory.size).toBe(0);
    memory.remember(key('https://news.example/a'), [t('x', 'first')]);
    memory.remember(key('https://news.example/a'), [t('x', 'second'), t('y')]);
    expect(memory.recall(key('https://news.example/a'))).toEqual([t('x', 'first'), t('y')]);
  });

  it('keeps at most a first screen per page', () => {
    const memory = new PageMemory();
    const many = Array.from({ length: MAX_UNITS_PER_PAGE + 10 }, (_, i) => t(`p${i}`));
    memory.remember(key('https://news.example/many'), many);
    expect(memory.recall(key('https://news.example/many'))).toHaveLength(MAX_UNITS_PER_PAGE);
    const long = Array.from({ length: 10 }, (_, i) => t(`${i}`.padEnd(MAX_CHARS_PER_PAGE / 8, 'x')));
    memory.remember(key('https://news.example/long'), long);
    const kept = memory.recall(key('https://news.example/long'));
    expect(kept.reduce((n, e) => n + e.source.length + e.text.length, 0)).toBeLessThanOrEqual(MAX_CHARS_PER_PAGE);
    expect(kept.length).toBeGreaterThan(0);
  });

  it('drops the least recently used page first, and forgets everything on clear', () => {
    const memory = new PageMemory();
    for (let i = 0; i < MAX_PAGES; i++) memory.remember(key(`https://news.example/${i}`), [t(`p${i}`)]);
    memory.recall(key('https://news.example/0')); // used again: now the most recent
    memory.remember(key('https://news.example/new'), [t('new')]);
    expect(memory.size).toBe(MAX_PAGES);
    expect(memory.recall(key('https://news.example/0'))).toHaveLength(1);
    expect(memory.recall(key('https://news.example/1'))).toEqual([]);
    memory.clear();
    expect(memory.recall(key('https://news.example/new'))).toEqual([]);
  });
});
