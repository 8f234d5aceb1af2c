// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { createProgressPill } from '../../page-ui/progress-pill';
import { removeLeftovers } from '../leftovers';
import { createRenderer } from '../renderer';

const FIXTURE = resolve(dirname(fileURLToPath(import.meta.url)), '../../../e2e/fixtures/news/krone-north-korea.html');

describe('removeLeftovers', () => {
  it("restores the page an earlier instance left translated (its renderer is gone)", { timeout: 20_000 }, () => {
    const doc = new JSDOM(readFileSync(FIXTURE, 'utf8')).window.document;
    const before = doc.documentElement.outerHTML;
    const elements = [...doc.querySelectorAll('h1, .article-body p, .article-body h2, aside li')];
    const orphaned = createRenderer(doc, { layout: 'auto', targetLanguage: 'de' });
    elements.forEach((element, i) => {
      const unit = { id: `u${i}`, element, text: 'x', kind: 'paragraph' as const };
      if (i % 3 === 0) orphaned.showError(unit, 'failed', () => {});
      else orphaned.showTranslation(unit, 'Übersetzt');
    });
    orphaned.setMode('translation');
    createProgressPill(doc, { onRetryFailed() {}, onTranslateWholePage() {}, onShowOriginal() {} }).update({
      mode: 'translation', isArticle: true, found: 3, translated: 1, fromCache: 0, failed: 0, pending: 2,
    });
    expect(doc.documentElement.outerHTML).not.toBe(before);

    expect(removeLeftovers(doc)).toBe(true);
    expect(doc.documentElement.outerHTML).toBe(before);
    [...doc.querySelectorAll('h1, .article-body p, .article-body h2, aside li')].forEach((el, i) => expect(el).toBe(elements[i]));
    expect(removeLeftovers(doc)).toBe(false);
  });

  it("never touches Duet-named markup the page wrote itself", () => {
    const doc = new JSDOM(
      `<!doctype html><html data-duet-mode="bilingual"><head><style id="duet-style">p{}</style></head><body>
       <duet-pair><p data-duet-unit="x">Page text</p><duet-translation>Page's own</duet-translation></duet-pair><duet-ui></duet-ui></body></html>`,
    ).window.document;
    const before = doc.documentElement.outerHTML;
    expect(removeLeftovers(doc)).toBe(false);
    expect(doc.documentElement.outerHTML).toBe(before);
  });
});
