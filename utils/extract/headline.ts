/** Finds the page headline: the h1 that names the page, else a heading that repeats the page's title. */
import type { Block } from './collect-blocks';
import { normalizeText } from './block-text';
import { parentOf } from './skip';
import { wordCount } from './text-length';

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

/** A title set in a plain block is this long at most, and has this many words at least (not a section label). */
const PLAIN_TITLE_MAX_CHARS = 200;
const PLAIN_TITLE_MIN_WORDS = 3;

/**
 * `textOf` gives a block's normalised text. Prefers an h1 outside page chrome; among several, the one matching
 * the title; without h1, an h2/h3 that matches the title; on pages with no such heading at all (older CMS
 * templates set the title in a styled `<p class="title">` or `<div>`), the first plain block the page title holds.
 */
export function findHeadline(doc: Document, blocks: Block[], textOf: (b: Block) => string): Block | null {
  const titles = pageTitles(doc);
  let best: Block | null = null;
  let bestRank = -1;
  for (const b of blocks) {
    if (b.kind !== 'heading' || b.chrome) continue;
    const text = textOf(b);
    const match = titleMatch(text, titles);
    const rank = b.tag === 'H1' ? 3 + match - (b.linked ? 2 : 0) : (b.tag === 'H2' || b.tag === 'H3') && match === 2 ? match : -1;
    if (rank > bestRank) {
      best = b;
      bestRank = rank;
    }
  }
  if (best) return best;
  return (
    blocks.find(
      (b) =>
        b.kind === 'paragraph' &&
        !b.chrome &&
        !b.linked &&
        b.chars <= PLAIN_TITLE_MAX_CHARS &&
        titleMatch(textOf(b), titles) === 2 &&
        textOf(b).split(' ').length >= PLAIN_TITLE_MIN_WORDS,
    ) ?? null
  );
}

/** A standfirst shorter than this is a label or a date line, not a sentence. */
const DEK_MIN_CHARS = 40;
/** Blocks looked at on each side of the headline when sizing its container. */
const TITLE_BOX_MAX_BLOCKS = 6;
/** The headline's container is a title block only while it holds this few prose blocks (standfirst lines). */
const TITLE_BOX_MAX_PROSE = 2;

/**
 * The rest of the title block: prose after the headline inside the headline's own small container
 * (the standfirst / dek, wherever the article body starts). `accept` applies the article's block rules.
 */
export function findDek(headline: Block, blocks: Block[], roots: Element[], accept: (b: Block) => boolean): Block[] {
  // A container holding the article body as well is the article, not its title block.
  const holdsBody = (el: Element): boolean => roots.some((r) => el.contains(r));
  let box = parentOf(headline.element);
  // A wrapper around the headline alone is not the title block yet: the standfirst sits beside the wrapper in
  // the article's <header> ("<header><div><h1/></div><p class=summary/></header>").
  for (let up = box && parentOf(box); box && up && !holdsBody(up) && blocksIn(box, headline, blocks) === 1; up = parentOf(up)) box = up;
  if (!box || holdsBody(box)) return [];
  // The headline sits in the body itself: no separate dek. (Counted in prose, as a title block also holds
  // short kickers, bylines, dates and sponsor labels.)
  if (blocksIn(box, headline, blocks, isProse) > TITLE_BOX_MAX_PROSE) return [];
  const dek: Block[] = [];
  for (let i = headline.index + 1; i < blocks.length; i++) {
    const b = blocks[i]!;
    if (!box.contains(b.element)) break;
    // A standfirst set as a heading right under the headline (news templates' "<h1/><h2 class=standfirst/>"):
    // a sentence, not a section title.
    if (b.kind === 'heading' && i === headline.index + 1 && isStandfirstHeading(b, headline) && accept(b)) {
      dek.push(b);
      continue;
    }
    if (b.kind === 'heading') break;
    if (b.kind === 'paragraph' && !b.linked && b.chars >= DEK_MIN_CHARS && accept(b)) dek.push(b);
  }
  return dek;
}

/** Words from which a heading under the headline reads as a sentence (a standfirst) rather than a label. */
const STANDFIRST_MIN_WORDS = 8;

function isStandfirstHeading(b: Block, headline: Block): boolean {
  const text = b.element.textContent ?? '';
  return !b.linked && b.chars >= DEK_MIN_CHARS && wordCount(text) >= STANDFIRST_MIN_WORDS && b.tag > headline.tag;
}

const isProse = (b: Block): boolean => b.kind === 'paragraph' && !b.linked && b.chars >= DEK_MIN_CHARS;

/** How many blocks near the headline lie in `box` (only the title block's neighbourhood is looked at). */
function blocksIn(box: Element, headline: Block, blocks: Block[], which: (b: Block) => boolean = () => true): number {
  let n = 0;
  for (let i = headline.index - TITLE_BOX_MAX_BLOCKS; i <= headline.index + TITLE_BOX_MAX_BLOCKS + 1; i++) {
    const b = blocks[i];
    if (b && box.contains(b.element) && which(b)) n++;
  }
  return n;
}
