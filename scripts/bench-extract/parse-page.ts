/** Parses one saved page with jsdom (the page's url as document URL), quietly. */
import { JSDOM, VirtualConsole } from 'jsdom';

export interface ParsedPage {
  dom: JSDOM;
  /** True when jsdom's CSS parser threw on the page's <style> blocks and they were parsed empty instead. */
  stylesEmptied: boolean;
}

const STYLE_BLOCK = /(<style\b[^>]*>)[\s\S]*?(<\/style\s*>)/gi;

export function parsePage(html: string, url: string): ParsedPage {
  const virtualConsole = new VirtualConsole(); // swallow "Could not parse CSS stylesheet" noise
  try {
    return { dom: new JSDOM(html, { url, virtualConsole }), stylesEmptied: false };
  } catch {
    // jsdom 27.4 with cssstyle 5.3 throws on a few pages' style sheets (e.g. `border: inherit` shorthands).
    // Style sheets play no part in extraction in jsdom (no layout), so parse those pages without them.
    return { dom: new JSDOM(html.replace(STYLE_BLOCK, '$1$2'), { url, virtualConsole }), stylesEmptied: true };
  }
}
