/**
 * Decides whether the chosen content is an article: it must hold real prose (several long, unlinked
 * paragraphs), and not be mostly a grid of linked teaser headlines (front pages, section pages, search results).
 */
import type { Block } from './collect-blocks';

/** Long, unlinked paragraphs needed (count and characters) to call content an article. */
export const ARTICLE_MIN_PROSE_BLOCKS = 2;
export const ARTICLE_MIN_PROSE_CHARS = 400;
export const ARTICLE_SINGLE_BLOCK_CHARS = 500;
const PROSE_MIN_CHARS = 80;

export interface ArticleEvidence {
  proseBlocks: number;
  proseChars: number;
  linkedHeadings: number;
}

export function articleEvidence(blocks: Block[]): ArticleEvidence {
  let proseBlocks = 0;
  let proseChars = 0;
  let linkedHeadings = 0;
  for (const b of blocks) {
    if (b.kind === 'heading' && b.linked) linkedHeadings++;
    const prose = b.kind === 'paragraph' || b.kind === 'quote' || b.kind === 'list-item';
    if (prose && !b.linked && b.chars >= PROSE_MIN_CHARS && b.linkChars < b.chars * 0.25) {
      proseBlocks++;
      proseChars += b.chars;
    }
  }
  return { proseBlocks, proseChars, linkedHeadings };
}

export function looksLikeArticle(e: ArticleEvidence): boolean {
  if (e.proseChars < ARTICLE_MIN_PROSE_CHARS) return false;
  // One long block is an article too (old pages with <br>-separated paragraphs in one container).
  if (e.proseBlocks < ARTICLE_MIN_PROSE_BLOCKS && e.proseChars < ARTICLE_SINGLE_BLOCK_CHARS) return false;
  // A teaser grid: at least three linked headlines and no more than two paragraphs of prose per headline.
  return !(e.linkedHeadings >= 3 && e.proseBlocks <= e.linkedHeadings * 2);
}
