import { ATTR_MODE, ATTR_PLACE, ATTR_STATE, ATTR_UNIT_ID, CLASS_RETRY, TAG_TRANSLATION } from '../dom-labels';
import { TRANSLATION_THEME_CSS } from './translation-theme';
import { LEARNING_CSS } from './learning';

export type Layout = 'auto' | 'side-by-side' | 'stacked';

/** Below this viewport width 'auto' stacks the translation under its original. */
export const STACK_BELOW_PX = 800;

const TR = TAG_TRANSLATION;
const ORIGINAL = `[${ATTR_UNIT_ID}]`;
const DONE = `${TR}[${ATTR_STATE}="done"]`;
const ONLY = `html[${ATTR_MODE}="translation"]`;
const BILINGUAL = `html[${ATTR_MODE}="bilingual"]`;
const COLUMN_TR = `${TR}[${ATTR_PLACE}="columns"]`;
const AFTER_TR = `${TR}[${ATTR_PLACE}="after"]`;
/**
 * An original that holds other units (loose text around paragraphs on old pages, Unit.containsUnits)
 * is never hidden in Translation only: hiding it would hide the units inside it and their translations.
 */
const LEAF = `:not(:has(${ORIGINAL}))`;

/**
 * Side by side without moving the original: the original (which keeps its place, margins and look)
 * becomes a two-column multicol box; its own text fills the first column and the translation, its
 * last child, starts the second (break-before: column). Column balancing makes the box as tall as
 * the longer of the two, both start at the top, and a multicol box is a block formatting context,
 * so it narrows beside a page float instead of collapsing under it.
 */
const SIDE_BY_SIDE = `
${BILINGUAL} ${ORIGINAL}:has(> ${COLUMN_TR}) { columns: 2; column-gap: 1.5em; column-fill: balance; }
${BILINGUAL} ${ORIGINAL} > ${COLUMN_TR} { break-before: column; margin-top: 0; }`;

const HIDDEN = `${ONLY} ${ORIGINAL}${LEAF}:has(> ${DONE})`;
/**
 * Translation only, without reflow: the page looks the same whether or not the reader points at a
 * paragraph (the original shows in a popover over the page, utils/page-ui/original-popover.ts).
 * The original keeps its box, margins and list marker slot; its own text is made invisible
 * (visibility, also out of the accessibility tree) and zero-height (line-height 0 on its own lines,
 * its inline elements out), so the box is exactly as tall as its translation. Never font-size: 0 —
 * it took list markers with it. A list item's marker is drawn by the translation instead (a list
 * item itself that does not count again: counter-increment 0), so bullets, numbers, `start` and
 * `value` stay the page's; the original's own marker sits, hidden, on a zero-height line.
 * An original whose translation is its next sibling (flex/grid) is simply not displayed.
 */
const TRANSLATION_ONLY = `
${HIDDEN} { visibility: hidden !important; line-height: 0 !important; }
${HIDDEN} > :not(${TR}) { display: none !important; }
${ONLY} ${ORIGINAL} > ${DONE} { visibility: visible; line-height: var(--duet-lh, normal); margin-top: 0; }
${ONLY} li${ORIGINAL}${LEAF} > ${DONE} { display: list-item; counter-increment: list-item 0; }
${ONLY} ${ORIGINAL}${LEAF}:has(+ ${AFTER_TR}[${ATTR_STATE}="done"]) { display: none !important; }`;

/**
 * The one stylesheet Duet puts into a page (as <style id="duet-style">, removed on restore).
 * Rules target our own elements; the only rules on originals are the column layout above and
 * Translation only's hiding — never the original's font, size, colour or margins.
 */
export function buildStyles(layout: Layout): string {
  const columns =
    layout === 'side-by-side' ? SIDE_BY_SIDE : layout === 'auto' ? `@media (min-width: ${STACK_BELOW_PX}px) {${SIDE_BY_SIDE}\n}` : '';
  return `
${TR} {
  display: block; box-sizing: border-box; min-width: 0; max-width: 100%; margin: 0; padding: 0;
  overflow-wrap: anywhere; word-break: normal; white-space: normal; flex: 1 0 100%; grid-column: 1 / -1;
  font-size: var(--duet-fs, inherit); line-height: var(--duet-lh, inherit); font-weight: var(--duet-fw, inherit);
  font-style: var(--duet-fst, inherit); font-family: var(--duet-ff, inherit);
  letter-spacing: var(--duet-ls, normal); text-transform: var(--duet-tt, none); text-align: var(--duet-ta, start);
  color: var(--duet-color, inherit); opacity: .8;
}
${ORIGINAL} > ${TR}, ${AFTER_TR} { margin-top: .35em; }
html:not([${ATTR_MODE}]) ${TR} { display: none !important; }
${TR}[${ATTR_STATE}="loading"]::before, ${TR}[${ATTR_STATE}="loading"]::after {
  content: ""; display: block; height: .7em; margin: .35em 0 .5em; border-radius: .35em;
  background: linear-gradient(90deg, rgba(127,127,127,.12) 30%, rgba(127,127,127,.3) 50%, rgba(127,127,127,.12) 70%);
  background-size: 300% 100%; animation: duet-shimmer 1.6s ease-in-out infinite;
}
${TR}[${ATTR_STATE}="loading"]::after { width: 62%; }
@keyframes duet-shimmer { from { background-position: 100% 0; } to { background-position: 0 0; } }
@media (prefers-reduced-motion: reduce) {
  ${TR}[${ATTR_STATE}="loading"]::before, ${TR}[${ATTR_STATE}="loading"]::after { animation: none; }
}
${TR}[${ATTR_STATE}="error"] { font-size: .9em; font-style: italic; opacity: .9; }
${TR} > .${CLASS_RETRY} {
  all: revert; font: inherit; font-style: normal; color: inherit; background: transparent; cursor: pointer;
  margin-inline-start: .6em; padding: .05em .7em; border: 1px solid currentColor; border-radius: 999px;
}
${columns}
${TRANSLATION_ONLY}
${ONLY} ${DONE} { opacity: 1; }
${TRANSLATION_THEME_CSS}
${LEARNING_CSS}`;
}
