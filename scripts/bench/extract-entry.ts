import { extractUnits } from '../../utils/extract';
import { collectBlocks } from '../../utils/extract/collect-blocks';
import { chooseArticle } from '../../utils/extract/choose-article';

/**
 * Bundled (vite, IIFE) and run in a page without the extension, to split the content script's
 * start-up work on a page into the extractor's phases: the whole `extractUnits`, and within it
 * the DOM walk (`collectBlocks`) and the article choice (`chooseArticle`).
 */
export function timeExtraction(repeats: number): { extractMs: number[]; collectMs: number[]; chooseMs: number[]; units: number; isArticle: boolean; elements: number } {
  const extractMs: number[] = [];
  const collectMs: number[] = [];
  const chooseMs: number[] = [];
  let units = 0;
  let isArticle = false;
  for (let i = 0; i < repeats; i++) {
    let t = performance.now();
    const result = extractUnits(document, { mode: 'article' });
    extractMs.push(performance.now() - t);
    units = result.units.length;
    isArticle = result.isArticle;
    t = performance.now();
    const collected = collectBlocks(document.body);
    collectMs.push(performance.now() - t);
    t = performance.now();
    chooseArticle(collected, document.body);
    chooseMs.push(performance.now() - t);
  }
  return { extractMs, collectMs, chooseMs, units, isArticle, elements: document.getElementsByTagName('*').length };
}
