/** Per-block rules: which blocks of the chosen article (or of the whole page) become units. */
import type { Block, ElementStats } from './collect-blocks';
import { hasBoxName } from './skip';
import { BOX_MAX_SHARE, FURNITURE_TEXT, MAX_LINK_DENSITY, MAX_SHORT_LINK_DENSITY, META_LINE, META_LINE_MAX_CHARS } from './rules';

const WORD = /[\p{L}\p{N}]+/gu;
const LETTER = /\p{L}/u;
const SENTENCE_END = /[.!?。！？…:;"”»'’)]$/u;

export function wordCount(text: string): number {
  return text.match(WORD)?.length ?? 0;
}

/** True when the block or a container between it and the article root is named like an ad, promo or byline box. */
export function inBox(b: Block, root: Element, stats: Map<Element, ElementStats>): boolean {
  const limit = (stats.get(root)?.chars ?? 0) * BOX_MAX_SHARE;
  for (let el: Element | null = b.element; el && el !== root; el = el.parentElement) {
    if (hasBoxName(el) && (stats.get(el)?.chars ?? 0) < limit) return true;
  }
  return false;
}

/** Why a block is not a unit, or null when it is one. Reasons are for debugging and tests. */
export function rejectInArticle(b: Block, text: string, root: Element, stats: Map<Element, ElementStats>): string | null {
  if (b.chrome) return 'chrome';
  if (inBox(b, root, stats)) return 'box';
  if (!LETTER.test(text)) return 'no letters';
  if (FURNITURE_TEXT.test(text)) return 'furniture';
  if (text.length <= META_LINE_MAX_CHARS && META_LINE.some((re) => re.test(text))) return 'meta line';
  const density = b.chars ? b.linkChars / b.chars : 0;
  const short = text.length < 80 || b.kind === 'heading';
  if (density > (short ? MAX_SHORT_LINK_DENSITY : MAX_LINK_DENSITY)) return 'links';
  // Fragments from generic containers (a name in a table cell, a label in a div) that are not sentences.
  if (b.kind === 'paragraph' && b.tag !== 'P' && wordCount(text) < 4 && !SENTENCE_END.test(text)) return 'fragment';
  return null;
}

/** Whole-page mode: every visible text block outside page chrome, teaser links included, menus not. */
export function rejectInWholePage(b: Block, text: string): string | null {
  if (b.chrome) return 'chrome';
  if (!LETTER.test(text)) return 'no letters';
  if (FURNITURE_TEXT.test(text)) return 'furniture';
  // A bare short link outside a heading is a menu entry, not a text block.
  if (b.kind !== 'heading' && b.linked && wordCount(text) < 3) return 'menu link';
  return null;
}
