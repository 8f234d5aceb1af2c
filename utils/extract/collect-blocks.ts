/**
 * One read-only pass over the page: finds the leaf text blocks (elements holding text with no text-holding
 * block below them) in document order, and per-element text/link counts for scoring. Never writes to the DOM,
 * so it runs on the live document and every block element is already the live node (no clone to map back).
 */
import { BLOCK_TAGS, CHROME_NAME_MAX_SHARE, UNIT_TAG_KIND } from './rules';
import { hasChromeName, isChromeElement, isHardSkipped, pageChildren } from './skip';
import type { UnitKind } from './types';

export interface ElementStats {
  /** Characters of text in the subtree (raw, skipped subtrees excluded). */
  chars: number;
  /** Of those, characters inside links. */
  linkChars: number;
  /** Commas in the subtree's text (a cheap sign of prose). */
  commas: number;
}

export interface Block {
  element: Element;
  kind: Exclude<UnitKind, 'headline'>;
  tag: string;
  /** Position in document order among blocks. */
  index: number;
  chars: number;
  linkChars: number;
  commas: number;
  /** Inside navigation, footer, aside, or a container named like comments/sidebar/share/cookie banner. */
  chrome: boolean;
  /** Inside a link (teaser) or a heading is itself linked. */
  linked: boolean;
  /** The element also holds other blocks: only its own inline text is this block's text. */
  inlineOnly?: boolean;
}

export interface Collected {
  blocks: Block[];
  /** Elements with text blocks inside: skipped when reading an inline-only block's text. */
  containers: Set<Element>;
  stats: Map<Element, ElementStats>;
}

interface Frame {
  chrome: boolean;
  inArticle: boolean;
  inLink: boolean;
  quote: boolean;
  list: boolean;
  figure: boolean;
}

const COMMA = /[,，、،]/g;
const BLOCK_SELECTOR = [...BLOCK_TAGS].map((t) => t.toLowerCase()).join(',');
/** Past this many characters a chrome box counts as "large" everywhere its size is read. */
const CHROME_COUNT_CAP = 5000;

/** Non-space characters of `el`'s text, counting stops once `cap` is reached; `readable` leaves script/style text out. */
function countTextUpTo(el: Element, cap: number, readable = false): number {
  const walker = el.ownerDocument.createTreeWalker(el, 4 /* NodeFilter.SHOW_TEXT */);
  let chars = 0;
  for (let node = walker.nextNode(); node && chars < cap; node = walker.nextNode()) {
    if (readable) {
      const parentTag = node.parentElement?.tagName.toUpperCase();
      if (parentTag === 'SCRIPT' || parentTag === 'STYLE' || parentTag === 'NOSCRIPT' || parentTag === 'TEMPLATE') continue;
    }
    chars += (node.nodeValue ?? '').trim().length;
  }
  return Math.min(chars, cap);
}
/** A class token naming an image caption outside <figcaption>: "wp-caption-text", "caption", "imageEmbedCaption". */
const CAPTION_TOKEN = /^(?!no-)([\w-]*[-_])?caption(s|[-_]?text)?$|[a-z]Caption$/i;

function hasCaptionClass(el: Element): boolean {
  const cls = el.getAttribute('class');
  return !!cls && cls.length < 200 && cls.split(/\s+/).some((t) => CAPTION_TOKEN.test(t));
}
/** Loose text in a generic container with blocks becomes a block of its own from this many characters on. */
const MIN_BARE_CHARS = 20;
/** Elements whose own text is always content, however short (a list item's label above its sub-list). */
const TEXT_CONTAINER_TAGS = new Set(['LI', 'DD', 'DT', 'TD', 'TH', 'BLOCKQUOTE', 'FIGCAPTION', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6']);

/**
 * True for elements whose subtree holds the article's landmarks (an article, main, or a page h1 that is not
 * just the site logo linking home), which a chrome-like name or a masthead <header> must not hide.
 */
function holdsArticleLandmark(el: Element): boolean {
  const tag = el.tagName.toUpperCase();
  if (tag === 'BODY' || tag === 'MAIN' || tag === 'ARTICLE' || tag === 'HTML') return true;
  if (el.querySelector('article, main, [itemprop="articleBody"]')) return true;
  for (const h1 of el.querySelectorAll('h1')) {
    const link = h1.querySelector('a');
    if (!link || (link.textContent ?? '').trim() !== (h1.textContent ?? '').trim()) return true;
  }
  return false;
}

export function collectBlocks(root: Element): Collected {
  const blocks: Block[] = [];
  // Class words vote, never veto (issue 10): a chrome-named box holding most of the page's text is the content.
  let pageChars = -1;
  const holdsMostText = (el: Element): boolean => {
    if (pageChars < 0) pageChars = countTextUpTo(root, Infinity, true);
    const limit = pageChars * CHROME_NAME_MAX_SHARE;
    return pageChars > 0 && countTextUpTo(el, limit + 1, true) > limit;
  };
  const containers = new Set<Element>();
  const stats = new Map<Element, ElementStats>();

  // Returns whether the subtree holds a block with text (so the parent is not a leaf).
  const visit = (el: Element, frame: Frame): { blockText: boolean; s: ElementStats; chrome: boolean } => {
    const tag = el.tagName.toUpperCase();
    const chrome =
      frame.chrome ||
      isChromeElement(el) ||
      // A <header> outside any article is the site's masthead; an article's own <header> holds its title.
      (tag === 'HEADER' && !frame.inArticle && !holdsArticleLandmark(el)) ||
      (tag === 'FORM' && !holdsArticleLandmark(el)) ||
      (hasChromeName(el) && !holdsArticleLandmark(el) && !holdsMostText(el));
    const inner: Frame = {
      chrome,
      inArticle: frame.inArticle || tag === 'ARTICLE' || tag === 'MAIN',
      inLink: frame.inLink || tag === 'A',
      quote: frame.quote || tag === 'BLOCKQUOTE' || tag === 'Q',
      list: frame.list || tag === 'LI' || tag === 'DD' || tag === 'DT',
      figure: frame.figure || tag === 'FIGCAPTION' || tag === 'FIGURE' || hasCaptionClass(el),
    };
    if (chrome) return chromeSubtree(el, tag, inner.inLink);
    const s: ElementStats = { chars: 0, linkChars: 0, commas: 0 };
    let childBlockText = false;
    // Inline children with text (a lead in <strong> before the first <p>): blocks only if `el` is not a leaf.
    const inlineRuns: { el: Element; at: number; chrome: boolean }[] = [];
    // Text lying directly in `el` (old CMS bodies: `<div><p>title</p><img>Text…<br><br>Text…</div>`).
    const bare: ElementStats = { chars: 0, linkChars: 0, commas: 0 };
    let bareAt = -1;
    for (const node of pageChildren(el)) {
      if (node.nodeType === 3) {
        const value = node.nodeValue ?? '';
        const trimmed = value.trim().length;
        if (trimmed === 0) continue;
        if (bareAt < 0) bareAt = blocks.length;
        bare.chars += trimmed;
        s.chars += trimmed;
        if (inner.inLink) s.linkChars += trimmed;
        s.commas += value.match(COMMA)?.length ?? 0;
      } else if (node.nodeType === 1) {
        const child = node as Element;
        if (isHardSkipped(child)) continue;
        const r = visit(child, inner);
        s.chars += r.s.chars;
        s.linkChars += r.s.linkChars;
        s.commas += r.s.commas;
        if (r.blockText) {
          childBlockText = true;
          containers.add(child);
        } else if (r.s.chars > 0 && !BLOCK_TAGS.has(child.tagName.toUpperCase())) inlineRuns.push({ el: child, at: blocks.length, chrome: r.chrome });
      }
    }
    stats.set(el, s);
    if (s.chars === 0) return { blockText: false, s, chrome };
    const isBlock = BLOCK_TAGS.has(tag);
    if (!childBlockText && isBlock) {
      blocks.push(makeBlock(el, tag, s, inner, frame.inLink));
      return { blockText: true, s, chrome };
    }
    if (childBlockText && bare.chars >= (TEXT_CONTAINER_TAGS.has(tag) ? 1 : MIN_BARE_CHARS)) {
      // Mixed content with loose text: `el` itself becomes one block of its inline content (see Block.inlineOnly).
      for (const run of inlineRuns) {
        const rs = stats.get(run.el)!;
        bare.chars += rs.chars;
        bare.linkChars += rs.linkChars;
        bare.commas += rs.commas;
      }
      const at = Math.min(bareAt, inlineRuns[0]?.at ?? bareAt);
      blocks.splice(at, 0, { ...makeBlock(el, tag, bare, inner, frame.inLink), inlineOnly: true });
    } else if (childBlockText) {
      // Mixed content: each inline child with text becomes its own block, at its place in reading order.
      for (let i = inlineRuns.length - 1; i >= 0; i--) {
        const run = inlineRuns[i]!;
        const runStats = stats.get(run.el)!;
        const runFrame = { ...inner, chrome: run.chrome };
        blocks.splice(run.at, 0, makeBlock(run.el, run.el.tagName.toUpperCase(), runStats, runFrame, inner.inLink));
      }
    }
    return { blockText: childBlockText, s, chrome };
  };

  /**
   * Chrome (comments, sidebars, related lists, footers) never yields a unit, so its subtree is not
   * walked node by node: its counts come from native calls. On pages where chrome is most of the DOM
   * (tens of thousands of comment and ad elements) this is most of the analysis time saved. Only the
   * size matters there (does a big non-article box interrupt the article?), so counting stops at a cap.
   */
  const chromeSubtree = (el: Element, tag: string, inLink: boolean): { blockText: boolean; s: ElementStats; chrome: boolean } => {
    const chars = countTextUpTo(el, CHROME_COUNT_CAP);
    let linkChars = inLink ? chars : 0;
    // Link density still tells a list of links (nav, related) from prose next to the article.
    if (!inLink) for (const a of el.getElementsByTagName('a')) if ((linkChars += countTextUpTo(a, chars)) >= chars) break;
    const s: ElementStats = { chars, linkChars: Math.min(linkChars, chars), commas: 0 };
    stats.set(el, s);
    const blockText = chars > 0 && (BLOCK_TAGS.has(tag) || el.querySelector(BLOCK_SELECTOR) !== null);
    return { blockText, s, chrome: true };
  };

  const makeBlock = (el: Element, tag: string, s: ElementStats, frame: Frame, inLink: boolean): Block => ({
    element: el,
    kind: kindOf(tag, frame),
    tag,
    index: 0,
    chars: s.chars,
    linkChars: s.linkChars,
    commas: s.commas,
    chrome: frame.chrome,
    linked: inLink || tag === 'A' || (s.linkChars >= s.chars * 0.9 && tag.length === 2 && tag[0] === 'H'),
  });

  visit(root, { chrome: false, inArticle: false, inLink: false, quote: false, list: false, figure: false });
  blocks.forEach((b, i) => (b.index = i));
  return { blocks, stats, containers };
}

function kindOf(tag: string, frame: Frame): Block['kind'] {
  const own = UNIT_TAG_KIND[tag] ?? 'paragraph';
  if (own === 'heading' || own === 'caption' || own === 'list-item') return own;
  if (frame.figure) return 'caption';
  if (frame.quote) return 'quote';
  if (frame.list) return 'list-item';
  return own;
}
