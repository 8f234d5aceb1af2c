/**
 * Every name Duet puts into a page, from one place (STYLE.md §6).
 * A page can be restored to its exact original state only if we can find everything we added.
 */
export const PREFIX = 'duet';

/** Attribute on each original element that Duet has paired with a translation (removed on restore). */
export const ATTR_UNIT_ID = `data-${PREFIX}-unit`;
/** On each translation element: the id of the unit it translates (pairs it with ATTR_UNIT_ID). */
export const ATTR_FOR = `data-${PREFIX}-for`;
/** On each translation element: 'loading' | 'done' | 'error'. */
export const ATTR_STATE = `data-${PREFIX}-state`;
/** On each translation element: where it sits ('inside' | 'after') and whether it may take a column ('columns'). */
export const ATTR_PLACE = `data-${PREFIX}-place`;
/** Class of the per-paragraph retry button shown on a failed translation. */
export const CLASS_RETRY = `${PREFIX}-retry`;
/** Attribute Duet sets on <html> while a mode other than Original is on (removed on restore). */
export const ATTR_MODE = `data-${PREFIX}-mode`;
/** On <html> while a page is translated: the reader's translation style and size (utils/render/translation-theme.ts). */
export const ATTR_STYLE = `data-${PREFIX}-style`;
export const ATTR_SIZE = `data-${PREFIX}-size`;
/** On <html> while learning mode is on in a translated page: 'hidden' (translations blurred) | 'revealed' (Reveal all). */
export const ATTR_LEARNING = `data-${PREFIX}-learning`;
/** On one translation element the reader revealed in learning mode (tap or key). */
export const ATTR_REVEALED = `data-${PREFIX}-revealed`;
/** Class on every element Duet inserts; analysis and observers skip subtrees carrying it. */
export const CLASS_OWN = `${PREFIX}-own`;
/** Custom element tag names Duet inserts (custom tags avoid page CSS aimed at div/p/span). */
export const TAG_PAIR = `${PREFIX}-pair`;
export const TAG_TRANSLATION = `${PREFIX}-translation`;
export const TAG_UI_HOST = `${PREFIX}-ui`;
/** id of the single <style> element Duet injects. */
export const STYLE_ID = `${PREFIX}-style`;

/** True when the node is (inside) something Duet inserted. */
export function isOwnNode(node: Node): boolean {
  const el = node.nodeType === 1 ? (node as Element) : node.parentElement;
  return !!el?.closest(`.${CLASS_OWN}, ${TAG_PAIR}, ${TAG_TRANSLATION}, ${TAG_UI_HOST}`);
}
