/** The normalised text of one block: what is sent for translation. */
import { BLOCK_TAGS } from './rules';
import { isHardSkipped, pageChildren } from './skip';

const isBlockTag = (el: Element): boolean => BLOCK_TAGS.has(el.tagName.toUpperCase());

/** Marks one <br> while the text is gathered (control characters never survive in page text here). */
const BR = '\u0001';
const BREAK = '\u0002';

/**
 * Text of the subtree without skipped parts (scripts, hidden spans, buttons), whitespace collapsed and trimmed.
 * With `containers`, the element's own inline text only: children that hold blocks are left out.
 * Old pages split paragraphs with `<br><br>` inside one element (issue 10): two or more <br> in a row become a
 * paragraph break ("\n\n") kept in the unit's text, so the provider translates the paragraphs apart and keeps
 * the break; a single <br> (a wrapped line, an address) is a space.
 */
export function blockText(el: Element, containers?: Set<Element>): string {
  const parts: string[] = [];
  const walk = (node: Node): void => {
    for (const c of node.nodeType === 1 ? pageChildren(node as Element) : []) {
      if (c.nodeType === 3) parts.push((c.nodeValue ?? '').replace(/[\u0001\u0002]/g, ''));
      else if (c.nodeType === 1) {
        const child = c as Element;
        // <br> separates words even where the markup has no space around it.
        if (child.tagName.toUpperCase() === 'BR') parts.push(BR);
        else if (!isHardSkipped(child) && !(containers && node === el && (containers.has(child) || isBlockTag(child)))) walk(child);
      }
    }
  };
  walk(el);
  const marked = parts
    .join('')
    .replace(/\u0001(\s*\u0001)+/g, BREAK)
    .replace(/\u0001/g, ' ');
  return normalizeText(marked)
    .replace(/\s*\u0002[\s\u0002]*/g, '\n\n')
    .trim();
}

/**
 * Soft hyphens (U+00AD) are invisible break hints that typeset German, Dutch or Finnish sites put inside
 * long words ("Mit\u00ADtel\u00ADal\u00ADter"): the reader sees one word, and so must the provider.
 */
const SOFT_HYPHEN = /\u00ad/g;

export function normalizeText(text: string): string {
  return text.replace(SOFT_HYPHEN, '').replace(/\s+/g, ' ').trim();
}
