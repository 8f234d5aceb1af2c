import { ATTR_LEARNING, ATTR_MODE, ATTR_PLACE, ATTR_REVEALED, ATTR_STATE, ATTR_UNIT_ID, TAG_TRANSLATION } from '../dom-labels';

/**
 * Learning mode (Bilingual only): each translation stays blurred until the reader points at its
 * paragraph (mouse hover on the original or the translation), focuses inside it, taps it or asks for it
 * with the keyboard (utils/page-ui/learning-reveal.ts puts ATTR_REVEALED on our element). A blur is a
 * filter: it never changes a box, so nothing on the page moves when a translation is revealed.
 * "Reveal all" sets the <html> attribute to 'revealed'. Keyed only on our element and <html>.
 */
export type LearningState = 'hidden' | 'revealed';

const ON = `html[${ATTR_MODE}="bilingual"][${ATTR_LEARNING}="hidden"]`;
const DONE = `${TAG_TRANSLATION}[${ATTR_STATE}="done"]:not([${ATTR_REVEALED}])`;
const UNIT = `[${ATTR_UNIT_ID}]`;

export const LEARNING_CSS = `
${ON} ${UNIT}:not(:hover):not(:focus-within) > ${DONE},
${ON} ${UNIT}:not(:hover) + ${DONE}[${ATTR_PLACE}="after"]:not(:hover):not(:focus-within) { filter: blur(.3em); user-select: none; }
${ON} ${TAG_TRANSLATION} { transition: filter .15s ease-out; }
@media (prefers-reduced-motion: reduce) { ${ON} ${TAG_TRANSLATION} { transition: none; } }
`;

/** Puts learning mode's state on <html> (null: learning off, Original, or Duet stopped). */
export function applyLearning(doc: Document, state: LearningState | null): void {
  const root = doc.documentElement;
  if (!state) {
    root.removeAttribute(ATTR_LEARNING);
    for (const el of doc.querySelectorAll(`${TAG_TRANSLATION}[${ATTR_REVEALED}]`)) el.removeAttribute(ATTR_REVEALED);
    return;
  }
  if (root.getAttribute(ATTR_LEARNING) !== state) root.setAttribute(ATTR_LEARNING, state);
}
