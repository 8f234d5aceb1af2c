// @vitest-environment node
/**
 * Golden tests from real page shapes (STYLE.md §5): every fixture in e2e/fixtures/news with an
 * .expected.json must give exactly the listed units, in order, and nothing of the page chrome.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { extractUnits } from '..';
import { goldenProblems, type Expected } from './golden-check';

const dir = fileURLToPath(new URL('../../../e2e/fixtures/news/', import.meta.url));
const fixtures = readdirSync(dir).filter((f) => f.endsWith('.expected.json'));

function load(name: string): { doc: Document; expected: Expected } {
  const expected = JSON.parse(readFileSync(join(dir, name), 'utf8')) as Expected;
  const html = readFileSync(join(dir, expected.page), 'utf8');
  const doc = new JSDOM(html, { url: `https://news.example/${expected.page}` }).window.document;
  return { doc, expected };
}

describe('golden fixtures', () => {
  it('has the seed fixture and at least six more', () => {
    expect(fixtures).toContain('krone-north-korea.expected.json');
    expect(fixtures.length).toBeGreaterThanOrEqual(7);
  });

  for (const name of fixtures) {
    it(`${name.replace('.expected.json', '')}: exact units`, () => {
      const { doc, expected } = load(name);
      const result = extractUnits(doc, { mode: expected.mode ?? 'article' });
      expect(result.isArticle).toBe(expected.isArticle ?? true);
      expect(goldenProblems(result.units, expected)).toEqual([]);
      expect(result.units.map((u) => u.id)).toEqual(result.units.map((_, i) => `u${i}`));
    });
  }
});
