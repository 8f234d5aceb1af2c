/** Which elements the detector never reads (hard skips) and which are page chrome (soft: kept out of the article). */
import { CLASS_OWN, PREFIX, TAG_PAIR } from '../dom-labels';
import { BOX_CLASS, CHROME_PAIRS, CHROME_QUALIFIERS, CHROME_ROLES, CHROME_TAGS, CHROME_WORDS, CONTENT_TOKEN, KEEP_CLASS, SKIP_TAGS } from './rules';

/**
 * Utility classes that mean "not shown" on their own (not "hidden-xs", which hides on small screens only),
 * screen-reader-only labels included ("off-screen": "Image caption" before a caption, "Media caption").
 */
const HIDDEN_CLASS =
  /(^|\s)(hide|hidden|is-hidden|u-hidden|d-none|display-none|invisible|visually-hidden|sr-only|screen-reader-text|off-?screen)(\s|$)/;
const HIDDEN_STYLE = /(^|;)\s*(display\s*:\s*none|visibility\s*:\s*hidden)/i;
const OWN_TAG_PREFIX = `${PREFIX.toUpperCase()}-`;
const PAIR_TAG = TAG_PAIR.toUpperCase();

/**
 * The child nodes as the page built them: a <duet-pair> child is replaced by what it holds (the
 * original; its <duet-translation> is skipped like every other node of ours).
 */
export function pageChildren(el: Element): Node[] {
  const out: Node[] = [];
  for (let node = el.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === 1 && (node as Element).tagName.toUpperCase() === PAIR_TAG) out.push(...pageChildren(node as Element));
    else out.push(node);
  }
  return out;
}

/** The element children as the page built them (see pageChildren). */
export function pageElementChildren(el: Element): Element[] {
  return pageChildren(el).filter((n): n is Element => n.nodeType === 1);
}

/**
 * The parent as the page built it: Duet's <duet-pair> wrappers are looked through, so a page Duet has
 * rendered (an endless page being rescanned) scores and groups exactly as the original did.
 */
export function parentOf(el: Element): Element | null {
  let parent = el.parentElement;
  while (parent && parent.tagName.toUpperCase() === PAIR_TAG) parent = parent.parentElement;
  return parent;
}

/**
 * True for subtrees that hold no translatable text: scripts, media, code, forms, hidden or
 * "do not translate" content, editable areas and everything Duet inserted itself.
 */
export function isHardSkipped(el: Element): boolean {
  const tag = el.tagName.toUpperCase();
  // Everything Duet inserted is skipped, except the pair wrapper: the original it holds is page content.
  if (SKIP_TAGS.has(tag) || (tag.startsWith(OWN_TAG_PREFIX) && tag !== PAIR_TAG)) return true;
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
  if (el.getAttribute('translate') === 'no') return true;
  const editable = el.getAttribute('contenteditable');
  if (editable !== null && editable !== 'false') return true;
  const cls = el.getAttribute('class');
  if (cls && (/(^|\s)notranslate(\s|$)/.test(cls) || HIDDEN_CLASS.test(cls) || cls.split(/\s+/).includes(CLASS_OWN))) return true;
  const style = el.getAttribute('style');
  return !!style && HIDDEN_STYLE.test(style);
}

/** Page chrome by tag or ARIA role: navigation, footers, asides, dialogs, search. */
export function isChromeElement(el: Element): boolean {
  if (CHROME_TAGS.has(el.tagName.toUpperCase())) return true;
  const role = el.getAttribute('role');
  return !!role && CHROME_ROLES.has(role);
}

/**
 * id and class words, without CMS tokens that describe the content rather than the box
 * (WordPress's "tag-adam-neumann", "category-news", "has-sidebar", "format-standard").
 */
function names(el: Element): string {
  const cls = el.getAttribute('class');
  const kept = cls ? cls.split(/\s+/).filter((t) => !CONTENT_TOKEN.test(t)).join(' ') : '';
  // camelCase words count as words too ("imageEmbedCredit" → "image Embed Credit").
  return `${el.getAttribute('id') ?? ''} ${kept}`.replace(/([a-z])([A-Z])/g, '$1 $2');
}

/**
 * One class or id token is chrome when its head word is a chrome word (rules.ts CHROME_WORDS): short namespace
 * prefixes and qualifiers before it are skipped ("td-ss-main-sidebar", "post-comments"), and anything after it
 * is the box's parts ("sidebar-wrapper", "share-buttons"). "content-with-sidebar-wrp" has the head "content".
 */
export function chromeToken(token: string): boolean {
  const words = token.toLowerCase().split(/[-_]+/).filter(Boolean);
  let i = 0;
  while (i < words.length - 1 && (words[i]!.length <= 3 || CHROME_QUALIFIERS.has(words[i]!)) && !CHROME_WORDS.has(words[i]!)) i++;
  const head = words[i];
  if (!head) return false;
  return CHROME_WORDS.has(head) || (i + 1 < words.length && CHROME_PAIRS.has(`${head} ${words[i + 1]}`));
}

/** class/id says comments, sidebar, share bar, cookie banner and the like (by whole tokens, see chromeToken). */
export function hasChromeName(el: Element): boolean {
  const n = names(el);
  if (n.length <= 1 || n.length >= 400 || KEEP_CLASS.test(n)) return false;
  // camelCase was split with spaces by names(): join such parts back with "-" inside their token.
  return n
    .replace(/([a-z]) ([A-Z])/g, '$1-$2')
    .split(/\s+/)
    .some((t) => t && chromeToken(t));
}

/** class/id of a box inside an article that is not article text (rules.ts BOX_CLASS). */
export function hasBoxName(el: Element): boolean {
  const n = names(el);
  return n.length > 1 && n.length < 400 && BOX_CLASS.test(n) && !KEEP_CLASS.test(n);
}
