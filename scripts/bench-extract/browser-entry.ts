/**
 * Bundled (vite, IIFE) and evaluated in each benchmark page loaded in Chromium (`bench:extract --browser`):
 * Duet's detector on the live page with real layout and style, and Readability on a clone of the same page.
 */
import { Readability } from '@mozilla/readability';
import { extractUnits } from '../../utils/extract';
import { blockText } from './block-text';
import { predictionText } from './prediction';

export function runInPage(): { duet: string; isArticle: boolean; duetMs: number; readability: string; readabilityMs: number } {
  let t0 = performance.now();
  const result = extractUnits(document);
  const duetMs = performance.now() - t0;
  t0 = performance.now();
  const clone = document.cloneNode(true) as Document;
  const article = new Readability(clone, { serializer: (el: Node) => el }).parse();
  const content = article?.content as unknown as Node | null | undefined;
  const readability = content ? blockText(content) : '';
  return { duet: predictionText(result.units), isArticle: result.isArticle, duetMs, readability, readabilityMs: performance.now() - t0 };
}
