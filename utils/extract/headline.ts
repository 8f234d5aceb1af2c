/** Finds the page headline: the h1 that names the page, else a heading that repeats the page's title. */
import type { Block } from './collect-blocks';
import { normalizeText } from './block-text';
import { parentOf } from './skip';

function pageTitles(doc: Document): string[] {
  const titles: string[] = [];
  for (const sel of ['meta[property="og:title"]', 'meta[name="twitter:title"]']) {
    const content = doc.querySelector(sel)?.getAttribute('content');
    if (content) titles.push(normalizeText(content).toLowerCase());
  }
  const title = normalizeText(doc.title ?? '').toLowerCase();
  if (title) titles.push(title);
  return titles;
}

/** How well a heading's text matches the page title: 2 = contained in it, 1 = shares its start, 0 = no match. */
function titleMatch(text: string, titles: string[]): number {
  const t = text.toLowerCase();
  if (t.length < 8) return 0;
  if (titles.some((title) => title === t || title.includes(t))) return 2;
  if (titles.some((title) => title.startsWith(t.slice(0, 24)) || t.startsWith(title.slice(0, 24)))) return 1;
  return 0;
}

/**
 * `texts` holds each block's normalised text (same indexes as `blocks`). Prefers an h1 outside page chrome;
 * among several, the one matching the title; without h1, an h2/h3 that matches the title.
 */
export function findHeadline(doc: Document, blocks: Block[], texts: string[]): Block | null {
  const titles = pageTitles(doc);
  let best: Block | null = null;
  let bestRank = -1;
  for (const b of blocks) {
    if (b.kind !== 'heading' || b.chrome) continue;
    const text = texts[b.index] ?? '';
    const match = titleMatch(text, titles);
    const rank = b.tag === 'H1' ? 3 + match - (b.linked ? 2 : 0) : (b.tag === 'H2' || b.tag === 'H3') && match === 2 ? match : -1;
    if (rank > bestRank) {
      best = b;
      bestRank = rank;
    }
  }
  return best;
}

/** A standfirst shorter than this is a label or a date line, not a sentence. */
const DEK_MIN_CHARS = 40;
/** The headline's container is a title block only while it holds this few blocks. */
const TITLE_BOX_MAX_BLOCKS = 6;

/**
 * The rest of the title block: prose after the headline inside the headline's own small container
 * (the standfirst / dek, wherever the article body starts). `accept` applies the article's block rules.
 */
export function findDek(headline: Block, blocks: Block[], roots: Element[], accept: (b: Block) => boolean): Block[] {
  const box = parentOf(headline.element);
  // A container holding the article body as well is the article, not its title block.
  if (!box || roots.some((r) => box.contains(r))) return [];
  let inBox = 0;
  for (let i = headline.index - TITLE_BOX_MAX_BLOCKS; i <= headline.index + TITLE_BOX_MAX_BLOCKS + 1; i++) {
    const b = blocks[i];
    if (b && box.contains(b.element)) inBox++;
  }
  if (inBox > TITLE_BOX_MAX_BLOCKS) return []; // the headline sits in the body itself: no separate dek
  const dek: Block[] = [];
  for (let i = headline.index + 1; i < blocks.length; i++) {
    const b = blocks[i]!;
    if (b.kind === 'heading' || !box.contains(b.element)) break;
    if (b.kind === 'paragraph' && !b.linked && b.chars >= DEK_MIN_CHARS && accept(b)) dek.push(b);
  }
  return dek;
}
