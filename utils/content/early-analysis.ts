import { extractUnits } from '../extract';
import type { ExtractResult } from '../extract/types';
import { pageLanguage, primaryLanguage } from './page-language';

/**
 * The article analysis, run while the content script waits for its settings: the round trip to the
 * background (3–22 ms, longer while the page is still loading) and the first analysis (10–20 ms of
 * not-yet-optimised code) then overlap instead of adding up. Read-only like every analysis.
 *
 * The page may change while we wait (late scripts, hydration): any change to the body's nodes, text
 * or visibility attributes voids the result, and the session analyses afresh as it would have.
 */
export class EarlyAnalysis {
  private readonly result: ExtractResult;
  private readonly observer: MutationObserver | undefined;
  private changed = false;

  constructor(doc: Document) {
    this.result = extractUnits(doc, { mode: 'article' });
    const view = doc.defaultView;
    if (!doc.body || !view) {
      this.changed = true;
      return;
    }
    this.observer = new view.MutationObserver(() => {
      this.changed = true;
      this.observer?.disconnect();
    });
    this.observer.observe(doc.body, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['class', 'style', 'hidden'] });
  }

  /** The result when the page has not changed since it was taken; undefined otherwise. Stops watching. */
  take(): ExtractResult | undefined {
    if (this.observer?.takeRecords().length) this.changed = true;
    this.observer?.disconnect();
    return this.changed ? undefined : this.result;
  }
}

/**
 * Worth analysing before the settings arrive: not a page in the reader's own language (a page
 * declaring the browser's UI language is rarely translated, and must not pay for an analysis).
 */
export function worthAnalysingEarly(doc: Document, uiLanguage: string): boolean {
  const page = pageLanguage(doc);
  return page === undefined || page !== primaryLanguage(uiLanguage);
}
