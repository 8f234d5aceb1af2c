/** Runs Duet's unit finder and the reference extractors over the pages of a data set (jsdom). */
import { performance } from 'node:perf_hooks';
import { extractUnits } from '../../utils/extract';
import { predictionText } from './prediction';
import type { BenchPage } from './dataset';
import { parsePage } from './parse-page';
import { defuddleText, readabilityText } from './readability-reference';
import { halfOf, type Half } from './split';

export type Extractor = 'duet' | 'readability' | 'defuddle';

/** What each extractor would send for one page (headline left out), and how long it took. */
export interface PageOutput {
  id: string;
  url: string;
  half: Half;
  texts: Partial<Record<Extractor, string>>;
  ms: Partial<Record<Extractor, number>>;
  isArticle: boolean;
  stylesEmptied: boolean;
}

export { predictionText };

export function runPage(page: BenchPage, options: { defuddle?: boolean; duetOnly?: boolean } = {}): PageOutput {
  const out: PageOutput = { id: page.id, url: page.url, half: halfOf(page.id), texts: {}, ms: {}, isArticle: false, stylesEmptied: false };
  const html = page.html();
  const timed = (name: Extractor, run: (doc: Document) => string): void => {
    const { dom, stylesEmptied } = parsePage(html, page.url);
    out.stylesEmptied ||= stylesEmptied;
    try {
      const t0 = performance.now();
      out.texts[name] = run(dom.window.document);
      out.ms[name] = performance.now() - t0;
    } finally {
      dom.window.close();
    }
  };
  timed('duet', (doc) => {
    const result = extractUnits(doc);
    out.isArticle = result.isArticle;
    return predictionText(result.units);
  });
  // Each reference gets its own parse: Readability and Defuddle rewrite the document they read.
  if (!options.duetOnly) timed('readability', readabilityText);
  if (options.defuddle) timed('defuddle', (doc) => defuddleText(doc, page.url));
  return out;
}
