import { ATTR_MODE, ATTR_UNIT_ID, STYLE_ID, TAG_PAIR, TAG_TRANSLATION, TAG_UI_HOST } from '../dom-labels';

/**
 * Removes what an earlier content-script instance left in the page. When the extension is updated
 * or reloaded, the old script's renderer is gone but its nodes stay; a new instance calls this
 * before rendering so the page does not end up with two translations per paragraph.
 * Returns true when anything was found.
 */
export function removeLeftovers(doc: Document): boolean {
  let found = false;
  for (const pair of doc.querySelectorAll(TAG_PAIR)) {
    const parent = pair.parentNode;
    // The originals inside go back where the pair stood, in their order; our translations go.
    for (const child of [...pair.childNodes]) {
      if (child.nodeType === 1 && (child as Element).localName === TAG_TRANSLATION) continue;
      parent?.insertBefore(child, pair);
    }
    pair.remove();
    found = true;
  }
  for (const el of doc.querySelectorAll(`${TAG_TRANSLATION}, ${TAG_UI_HOST}, style#${STYLE_ID}`)) {
    el.remove();
    found = true;
  }
  for (const el of doc.querySelectorAll(`[${ATTR_UNIT_ID}]`)) {
    el.removeAttribute(ATTR_UNIT_ID);
    found = true;
  }
  if (doc.documentElement.hasAttribute(ATTR_MODE)) {
    doc.documentElement.removeAttribute(ATTR_MODE);
    found = true;
  }
  return found;
}
