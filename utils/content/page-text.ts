import { isOwnNode, TAG_TRANSLATION, TAG_UI_HOST } from '../dom-labels';

/**
 * A unit's text as the page shows it now, read the way the article detector reads blocks
 * (utils/extract/block-text.ts): text nodes joined, <br> as a space, Duet's own nodes, scripts and
 * hidden parts left out, whitespace collapsed. Used to tell whether the page changed a unit's words.
 * With `ownTextOnly` (a unit holding other units), child blocks are left out.
 */
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'MATH', 'BUTTON', 'INPUT', 'TEXTAREA', 'SELECT', 'OPTION', 'CODE', 'PRE', 'IFRAME', 'IMG']);
const BLOCKS = new Set(['P', 'DIV', 'SECTION', 'ARTICLE', 'UL', 'OL', 'LI', 'TABLE', 'BLOCKQUOTE', 'FIGURE', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'DL', 'HEADER', 'FOOTER', 'ASIDE', 'NAV', 'MAIN', 'FORM']);
const OWN_TAGS = new Set([TAG_TRANSLATION.toUpperCase(), TAG_UI_HOST.toUpperCase()]);

export function pageText(el: Element, ownTextOnly = false): string {
  const parts: string[] = [];
  const walk = (node: Element, top: boolean): void => {
    for (let c = node.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 3) parts.push(c.nodeValue ?? '');
      else if (c.nodeType === 1) {
        const child = c as Element;
        const tag = child.tagName.toUpperCase();
        if (tag === 'BR') parts.push(' ');
        else if (OWN_TAGS.has(tag) || SKIP.has(tag) || skipped(child)) continue;
        else if (ownTextOnly && top && BLOCKS.has(tag)) continue;
        else walk(child, false);
      }
    }
  };
  if (!isOwnNode(el)) walk(el, true);
  return parts.join('').replace(/\s+/g, ' ').trim();
}

function skipped(el: Element): boolean {
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true' || el.getAttribute('translate') === 'no') return true;
  const cls = el.getAttribute('class');
  return !!cls && /(^|\s)(notranslate|sr-only|visually-hidden|screen-reader-text)(\s|$)/.test(cls);
}
