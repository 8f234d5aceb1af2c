import { isOwnNode } from '../dom-labels';
import type { UnitKind } from '../extract/types';
import { pageText } from './page-text';

/**
 * Units in content the page added after the analysis (live-blog entries, "load more", a ticker item
 * slipped in after a paragraph), found from the added subtrees alone (uBlock Origin's and Dark Reader's
 * way: work on what was added, full passes rarely). The full detector (utils/extract) decides what the
 * article is; this only reads added content that lies inside it, with the detector's broad rules as
 * data: leaf text blocks, no page chrome, nothing hidden, nothing of ours.
 */
export interface FoundUnit {
  element: Element;
  text: string;
  kind: UnitKind;
}

/** Tags that hold a unit's text as a block (the detector's BLOCK_TAGS that carry text). */
const TEXT_BLOCKS = new Set(['P', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'DT', 'DD', 'BLOCKQUOTE', 'FIGCAPTION', 'DIV', 'SECTION', 'ARTICLE', 'TD', 'TH', 'SUMMARY', 'ADDRESS']);
/** Any block below an element makes it a container rather than a leaf. */
const ANY_BLOCK = 'p,h1,h2,h3,h4,h5,h6,li,dt,dd,blockquote,figcaption,div,section,article,td,th,ul,ol,table,figure,header,footer,aside,nav,main,form,summary,address';
/** Subtrees that never hold article text. */
const CHROME_TAGS = new Set(['NAV', 'FOOTER', 'ASIDE', 'FORM', 'MENU', 'DIALOG', 'BUTTON', 'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'IFRAME', 'CODE', 'PRE', 'TEXTAREA', 'SELECT']);
const CHROME_ROLES = new Set(['navigation', 'complementary', 'banner', 'contentinfo', 'search', 'dialog', 'alertdialog', 'menu', 'menubar', 'toolbar', 'form']);
/** Class/id words of boxes that are not article text (ads, promos, share bars, comments, related links). */
const CHROME_NAME = /(^|[\s_-])(ad|ads|advert|advertisement|adslot|sponsor(ed)?|promo|related|share|sharing|social|newsletter|comments?|cookie|consent|subscribe|paywall|byline|meta|tags?)($|[\s_-])/i;
const KIND: Record<string, UnitKind> = {
  H1: 'heading', H2: 'heading', H3: 'heading', H4: 'heading', H5: 'heading', H6: 'heading',
  LI: 'list-item', DT: 'list-item', DD: 'list-item', BLOCKQUOTE: 'quote', FIGCAPTION: 'caption',
};

function isChrome(el: Element): boolean {
  if (CHROME_TAGS.has(el.tagName.toUpperCase())) return true;
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true' || el.getAttribute('translate') === 'no') return true;
  const editable = el.getAttribute('contenteditable');
  if (editable !== null && editable !== 'false') return true;
  const role = el.getAttribute('role');
  if (role && CHROME_ROLES.has(role)) return true;
  const name = `${el.id} ${el.getAttribute('class') ?? ''}`;
  return /(^|\s)notranslate(\s|$)/.test(name) || CHROME_NAME.test(name);
}

/** True when `el` or an ancestor up to (not including) `stop` is chrome. */
function inChrome(el: Element, stop: Element | null): boolean {
  for (let e: Element | null = el; e && e !== stop; e = e.parentElement) if (isChrome(e)) return true;
  return false;
}

function kindOf(el: Element): UnitKind {
  const own = KIND[el.tagName.toUpperCase()];
  if (own) return own;
  if (el.closest('blockquote')) return 'quote';
  if (el.closest('figure')) return 'caption';
  return 'paragraph';
}

function visible(el: Element): boolean {
  const check = (el as Element & { checkVisibility?: () => boolean }).checkVisibility;
  return typeof check !== 'function' || check.call(el);
}

/**
 * The leaf text blocks in `roots` (outermost added elements inside the article), in document order.
 * `known(el)` tells elements that already are units; `scope` is the article's container (chrome is
 * looked for between a block and it).
 */
export function unitsInAdded(roots: readonly Element[], scope: Element | null, known: (el: Element) => boolean): FoundUnit[] {
  const out: FoundUnit[] = [];
  const consider = (el: Element): void => {
    if (known(el) || isOwnNode(el) || !TEXT_BLOCKS.has(el.tagName.toUpperCase())) return;
    // A leaf: no block with text below it.
    for (const inner of el.querySelectorAll(ANY_BLOCK)) if (!isOwnNode(inner) && pageText(inner)) return;
    const text = pageText(el);
    if (text.length < 2 || !visible(el)) return;
    out.push({ element: el, text, kind: kindOf(el) });
  };
  for (const root of roots) {
    if (!root.isConnected || isOwnNode(root) || inChrome(root, scope)) continue;
    consider(root);
    for (const el of root.querySelectorAll(ANY_BLOCK)) if (!inChrome(el, root)) consider(el);
  }
  return out;
}

/** The lowest element containing all of `elements` (null for none). */
export function commonAncestor(elements: readonly Element[]): Element | null {
  let common: Element | null = elements[0]?.parentElement ?? null;
  for (const el of elements) {
    while (common && !common.contains(el)) common = common.parentElement;
    if (!common) return null;
  }
  return common;
}
