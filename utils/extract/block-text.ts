/** The normalised text of one block: what is sent for translation. */
import { BLOCK_TAGS } from './rules';
import { isHardSkipped, pageChildren } from './skip';

const isBlockTag = (el: Element): boolean => BLOCK_TAGS.has(el.tagName.toUpperCase());

/**
 * Text of the subtree without skipped parts (scripts, hidden spans, buttons), whitespace collapsed and trimmed.
 * With `containers`, the element's own inline text only: children that hold blocks are left out.
 */
export function blockText(el: Element, containers?: Set<Element>): string {
  const parts: string[] = [];
  const walk = (node: Node): void => {
    for (const c of node.nodeType === 1 ? pageChildren(node as Element) : []) {
      if (c.nodeType === 3) parts.push(c.nodeValue ?? '');
      else if (c.nodeType === 1) {
        const child = c as Element;
        // <br> separates words even where the markup has no space around it.
        if (child.tagName.toUpperCase() === 'BR') parts.push(' ');
        else if (!isHardSkipped(child) && !(containers && node === el && (containers.has(child) || isBlockTag(child)))) walk(child);
      }
    }
  };
  walk(el);
  return normalizeText(parts.join(''));
}

export function normalizeText(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
