import { browser } from 'wxt/browser';
import { primaryLanguage } from './page-language';

/** Characters of page text the browser's language detector gets: enough for a confident answer, cheap. */
const SAMPLE_CHARS = 2000;

/**
 * The page's language when `<html lang>` says nothing: the browser's own detector (CLD, in Chrome and
 * Firefox) on the main text. Only asked when a language rule needs it; undefined when unsure or unavailable.
 */
export async function guessPageLanguage(doc: Document): Promise<string | undefined> {
  const root = doc.querySelector('article, main, [role="main"]') ?? doc.body;
  const sample = (root?.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, SAMPLE_CHARS);
  if (sample.length < 40) return undefined;
  try {
    const result = await browser.i18n.detectLanguage(sample);
    const best = result.isReliable ? result.languages[0] : undefined;
    return best && best.language !== 'und' ? primaryLanguage(best.language) : undefined;
  } catch {
    return undefined; // a browser without the detector: language rules need <html lang> there
  }
}
