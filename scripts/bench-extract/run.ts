/** Runs Duet's unit finder and the Readability reference over every page of a data set. */
import { performance } from 'node:perf_hooks';
import { extractUnits, type Unit } from '../../utils/extract';
import type { BenchPage } from './dataset';
import { parsePage } from './parse-page';
import { readabilityText } from './readability-reference';
import { scorePage, type PageScore } from './score';

export interface PageResult {
  id: string;
  url: string;
  text: string;
  duet: PageScore;
  /** For information only: the same units without captions (the data set's truth mostly leaves captions out). */
  duetWithoutCaptions: PageScore;
  duetMs: number;
  reference: PageScore;
  referenceMs: number;
  isArticle: boolean;
  stylesEmptied: boolean;
}

/** Duet's prediction: the text of every unit but the headline (title block), separated by blank lines. */
export function predictionText(units: Unit[]): string {
  return units
    .filter((u) => u.kind !== 'headline')
    .map((u) => u.text)
    .join('\n\n');
}

export function runPage(page: BenchPage): PageResult {
  const { dom, stylesEmptied } = parsePage(page.html(), page.url);
  const doc = dom.window.document;
  try {
    // Duet first: it only reads the document; Readability then rewrites the same parsed DOM.
    let t0 = performance.now();
    const result = extractUnits(doc);
    const duetMs = performance.now() - t0;
    const text = predictionText(result.units);
    t0 = performance.now();
    const refText = readabilityText(doc);
    const referenceMs = performance.now() - t0;
    return {
      id: page.id,
      url: page.url,
      text,
      duet: scorePage(text, page.truth),
      duetWithoutCaptions: scorePage(predictionText(result.units.filter((u) => u.kind !== 'caption')), page.truth),
      duetMs,
      reference: scorePage(refText, page.truth),
      referenceMs,
      isArticle: result.isArticle,
      stylesEmptied,
    };
  } finally {
    dom.window.close();
  }
}
