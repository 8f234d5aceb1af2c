/** Per-block rules: which blocks of the chosen article (or of the whole page) become units. */
import { blockText } from './block-text';
import type { Block, ElementStats } from './collect-blocks';
import { hasBoxName, parentOf } from './skip';
import { weightedTextLength, wordCount } from './text-length';
import {
  ADDRESS_ONLY,
  BOX_MAX_SHARE,
  CREDIT_LINE,
  CREDIT_MAX_CHARS,
  DATE_LINE,
  DATE_LINE_MAX_CHARS,
  PROMO_MAX_CHARS,
  PROMO_TEXT,
  FURNITURE_TEXT,
  MAX_LINK_DENSITY,
  MAX_SHORT_LINK_DENSITY,
  META_LINE,
  META_LINE_MAX_CHARS,
  NUMBER_CELL,
  NUMBER_CELL_MAX_CHARS,
  STAFF_CREDIT,
  STAFF_CREDIT_MAX_CHARS,
  TABLE_CELL_TAGS,
} from './rules';

const LETTER = /\p{L}/u;
const SENTENCE_END = /[.!?。！？…:;"”»'’)]$/u;

/** Words from which a linked block that ends like a sentence is prose. */
const LINKED_SENTENCE_WORDS = 10;

export { wordCount };

/**
 * True when the block or a container between it and the article root is named like an ad, promo or byline box.
 * The box must hold less than BOX_MAX_SHARE of the article: `articleChars` is the text of all its roots (a
 * notice box that is all of a small joined sibling, such as an "update your browser" banner, is still a box).
 */
export function inBox(b: Block, root: Element, stats: Map<Element, ElementStats>, articleChars?: number): boolean {
  const limit = (articleChars ?? stats.get(root)?.chars ?? 0) * BOX_MAX_SHARE;
  for (let el: Element | null = b.element; el && el !== root; el = parentOf(el)) {
    if (hasBoxName(el) && (stats.get(el)?.chars ?? 0) < limit) return true;
  }
  return false;
}

/** Why a block is not a unit, or null when it is one. Reasons are for debugging and tests. */
export function rejectInArticle(
  b: Block,
  text: string,
  root: Element,
  stats: Map<Element, ElementStats>,
  articleChars?: number,
): string | null {
  if (b.chrome) return 'chrome';
  if (inBox(b, root, stats, articleChars)) return 'box';
  if (!LETTER.test(text)) return 'no letters';
  if (FURNITURE_TEXT.test(text)) return 'furniture';
  if (ADDRESS_ONLY.test(text)) return 'address';
  if (text.length <= META_LINE_MAX_CHARS && META_LINE.some((re) => re.test(text))) return 'meta line';
  if (text.length <= STAFF_CREDIT_MAX_CHARS && STAFF_CREDIT.some((re) => re.test(text))) return 'staff credit';
  if (b.kind === 'caption' && text.length <= CREDIT_MAX_CHARS && CREDIT_LINE.test(text)) return 'credit';
  if (text.length <= DATE_LINE_MAX_CHARS && wordCount(text) <= 10 && DATE_LINE.test(text)) return 'date line';
  if (text.length <= PROMO_MAX_CHARS && PROMO_TEXT.test(text)) return 'promo';
  if (TABLE_CELL_TAGS.has(b.tag) && repeatsTableHeader(b.element)) return 'repeated header';
  const density = b.chars ? b.linkChars / b.chars : 0;
  const short = weightedTextLength(text) < 80 || b.kind === 'heading';
  // A full sentence stays even when linked (a linked summary line in a digest); link lists and teasers go.
  const sentence = wordCount(text) >= LINKED_SENTENCE_WORDS && SENTENCE_END.test(text);
  // Linked quotes stay too: an embedded post ends with its linked author and date.
  if (b.kind !== 'list-item' && b.kind !== 'quote' && !sentence && density > (short ? MAX_SHORT_LINK_DENSITY : MAX_LINK_DENSITY)) return 'links';
  // Linked list items are kept (deals, digests), except tag and category chips of a word or two.
  if (b.kind === 'list-item' && density > MAX_LINK_DENSITY && wordCount(text) < 3) return 'tag link';
  // Fragments from generic containers (a label in a div or span) that are not sentences. Table cells stay:
  // a data table in an article is read cell by cell.
  const generic = b.tag !== 'P' && b.tag !== 'TD' && b.tag !== 'TH';
  if (b.kind === 'paragraph' && generic && wordCount(text) < 4 && !SENTENCE_END.test(text)) return 'fragment';
  return null;
}

/**
 * A cell of a table footer that repeats the header row (long sortable data tables print the column names
 * again at the bottom): the names are translated once, in the header.
 */
function repeatsTableHeader(cell: Element): boolean {
  const foot = cell.closest('tfoot');
  const head = foot?.parentElement?.querySelector(':scope > thead');
  // blockText leaves Duet's own nodes out: a rendered page (translations under the header) compares the same.
  return !!foot && !!head && blockText(foot) === blockText(head);
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

const REGISTRY_SECOND_LEVEL = new Set(['com', 'net', 'org', 'gov', 'edu', 'mil', 'nic', 'gob', 'gouv']);

/** The site part of a host name: "www.ign.com" → "ign.com", "news.bbc.co.uk" → "bbc.co.uk". */
export function siteOf(host: string): string {
  const labels = host.toLowerCase().split('.');
  // Under a country code, a generic or two-letter second level is a registry's ("co.uk", "com.br"): keep one more.
  const [second = '', top = ''] = labels.slice(-2);
  const registry = top.length === 2 && (second.length <= 2 || REGISTRY_SECOND_LEVEL.has(second));
  const keep = labels.length > 2 && registry ? 3 : 2;
  return labels.slice(-keep).join('.');
}

/** True when at least half of the list's links go to the page's own site (relative links do). */
function linksMostlyOwnSite(list: Element): boolean {
  const doc = list.ownerDocument;
  const own = siteOf(doc.location?.hostname ?? '');
  let total = 0;
  let ownLinks = 0;
  for (const a of list.querySelectorAll('a[href]')) {
    total++;
    let host = '';
    try {
      host = new URL(a.getAttribute('href')!, doc.baseURI).hostname;
    } catch {
      continue;
    }
    if (!host || siteOf(host) === own) ownLinks++;
  }
  return total === 0 || ownLinks * 2 >= total;
}

/** Share of link text from which a list item counts as a link. */
const LINKED_ITEM_DENSITY = 0.4;
/** Share of a list's items that must be links for it to be a link list. */
const LINKED_LIST_SHARE = 0.75;
/** A title introducing a list of links is shorter than this. */
const LIST_TITLE_MAX_CHARS = 60;

/**
 * Related-story boxes inside an article body: a list whose items are (nearly) all links, introduced by a short
 * title ("More Great Stories", "Read also") or sitting in a <figure> embed. Returns the blocks to drop
 * (the items and the title); `blocks` is every block of the page, indexed by Block.index. A list of linked items without such a title stays (a deals list, a digest).
 */
export function relatedLinkLists(candidates: Block[], blocks: Block[], textOf: (b: Block) => string): Set<Block> {
  const byList = new Map<Element, Block[]>();
  for (const b of candidates) {
    if (b.kind !== 'list-item') continue;
    const list = b.element.closest('ul, ol');
    if (list) byList.set(list, [...(byList.get(list) ?? []), b]);
  }
  const drop = new Set<Block>();
  for (const [list, items] of byList) {
    const linked = items.filter((b) => b.linkChars >= b.chars * LINKED_ITEM_DENSITY).length;
    if (items.length < 2 || linked < items.length * LINKED_LIST_SHARE) continue;
    const intro = blocks[items[0]!.index - 1];
    const introText = intro ? textOf(intro) : '';
    const titled =
      !!intro &&
      !intro.element.contains(list) &&
      (intro.kind === 'heading' || (introText.length < LIST_TITLE_MAX_CHARS && !SENTENCE_END.test(introText)));
    if (!titled && !list.closest('figure')) continue;
    // Related stories are the publisher's own pages; a titled list of links to shops or sources is content.
    if (!linksMostlyOwnSite(list)) continue;
    for (const b of items) drop.add(b);
    if (titled) drop.add(intro);
  }
  return drop;
}

/**
 * Number-only table cells of rows that have a kept cell (rules.ts NUMBER_CELL): `candidates` are the
 * article's blocks, `kept` the ones already units. Returns the cells to add.
 */
export function numberCellsOfKeptRows(candidates: Block[], kept: Block[], textOf: (b: Block) => string): Block[] {
  const rows = new Set<Element>();
  for (const b of kept) {
    const row = TABLE_CELL_TAGS.has(b.tag) ? b.element.closest('tr') : null;
    if (row) rows.add(row);
  }
  if (rows.size === 0) return [];
  const keptSet = new Set(kept);
  return candidates.filter((b) => {
    if (keptSet.has(b) || b.chrome || !TABLE_CELL_TAGS.has(b.tag)) return false;
    const row = b.element.closest('tr');
    if (!row || !rows.has(row)) return false;
    const text = textOf(b);
    return text.length <= NUMBER_CELL_MAX_CHARS && NUMBER_CELL.test(text);
  });
}

