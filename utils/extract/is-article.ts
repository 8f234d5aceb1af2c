/**
 * Decides whether the chosen content is an article: it must hold real prose (several long, unlinked
 * paragraphs), and not be mostly a grid of linked teaser headlines (front pages, section pages, search results).
 * Lengths are script-aware (text-length.ts): a Japanese paragraph of 44 characters is prose. A short item
 * (a 60-word news brief, a short blog post) is an article too when the page's markup says so (article-markup.ts).
 */
import type { Block } from './collect-blocks';
import { weightedLength } from './text-length';

/** Long, unlinked paragraphs needed (count and Latin-equivalent characters) to call content an article. */
export const ARTICLE_MIN_PROSE_BLOCKS = 2;
export const ARTICLE_MIN_PROSE_CHARS = 400;
export const ARTICLE_SINGLE_BLOCK_CHARS = 500;
/** With article markup, this much prose is enough (a 30-word brief). */
export const MARKED_ARTICLE_MIN_PROSE_CHARS = 180;
const PROSE_MIN_CHARS = 80;

export interface ArticleEvidence {
  proseBlocks: number;
  proseChars: number;
  linkedHeadings: number;
  /** The page marks itself up as an article (JSON-LD, og:type, itemprop, a lone <article>). */
  marked?: boolean;
}

export function articleEvidence(blocks: Block[], textOf?: (b: Block) => string, marked = false): ArticleEvidence {
  let proseBlocks = 0;
  let proseChars = 0;
  let linkedHeadings = 0;
  for (const b of blocks) {
    if (b.kind === 'heading' && b.linked) linkedHeadings++;
    const prose = b.kind === 'paragraph' || b.kind === 'quote' || b.kind === 'list-item';
    if (!prose || b.linked || b.linkChars >= b.chars * 0.25) continue;
    // Latin-equivalent length: raw characters when no text reader is given (tests of the counts alone).
    // Paragraphs an old page split with <br><br> inside one element count one by one (block-text.ts).
    const parts = textOf ? textOf(b).split('\n\n').map(weightedLength) : [b.chars];
    for (const chars of parts) {
      if (chars < PROSE_MIN_CHARS) continue;
      proseBlocks++;
      proseChars += chars;
    }
  }
  return { proseBlocks, proseChars, linkedHeadings, marked };
}

export function looksLikeArticle(e: ArticleEvidence): boolean {
  // A teaser grid: at least three linked headlines and no more than two paragraphs of prose per headline.
  if (e.linkedHeadings >= 3 && e.proseBlocks <= e.linkedHeadings * 2) return false;
  if (e.marked && e.proseBlocks >= 1 && e.proseChars >= MARKED_ARTICLE_MIN_PROSE_CHARS) return true;
  if (e.proseChars < ARTICLE_MIN_PROSE_CHARS) return false;
  // One long block is an article too (old pages with <br>-separated paragraphs in one container).
  return e.proseBlocks >= ARTICLE_MIN_PROSE_BLOCKS || e.proseChars >= ARTICLE_SINGLE_BLOCK_CHARS;
}
