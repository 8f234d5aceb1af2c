import { ATTR_MODE, ATTR_STATE, ATTR_UNIT_ID, CLASS_RETRY, TAG_PAIR, TAG_TRANSLATION } from '../dom-labels';
import { TRANSLATION_THEME_CSS } from './translation-theme';

export type Layout = 'auto' | 'side-by-side' | 'stacked';

/** Below this viewport width 'auto' stacks the translation under its original. */
export const STACK_BELOW_PX = 800;

const PAIR = TAG_PAIR;
const TR = TAG_TRANSLATION;
const ORIGINAL = `[${ATTR_UNIT_ID}]`;
const DONE = `${TR}[${ATTR_STATE}="done"]`;
const ONLY = `html[${ATTR_MODE}="translation"]`;
/**
 * An original that holds other units (loose text around paragraphs on old pages, Unit.containsUnits)
 * is never hidden in Translation only: hiding it would hide the units inside it and their translations.
 */
const LEAF = `:not(:has(${ORIGINAL}))`;

/** Pair shown as one column: translation under the original. */
const STACKED = `
${PAIR} { display: block; }
${PAIR} > ${TR} { margin-top: .35em; }`;

/**
 * The one stylesheet Duet puts into a page (as <style id="duet-style">, removed on restore).
 * Rules only target our own elements and, inside a pair, the original's margins (moved to the
 * pair so block spacing is unchanged) — never the original's font, size or colour.
 */
export function buildStyles(layout: Layout): string {
  const stacking =
    layout === 'stacked' ? STACKED : layout === 'auto' ? `@media (max-width: ${STACK_BELOW_PX - 0.02}px) {${STACKED}\n}` : '';
  return `
${PAIR} {
  display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); column-gap: 1.5em; row-gap: .35em;
  align-items: start; box-sizing: border-box; min-width: 0; max-width: 100%;
  margin-block: var(--duet-mt, 0px) var(--duet-mb, 0px);
}
${PAIR} > ${ORIGINAL} { margin-block: 0 !important; }
${TR} {
  display: block; box-sizing: border-box; min-width: 0; max-width: 100%; margin: 0; padding: 0;
  overflow-wrap: anywhere; word-break: normal; white-space: normal;
  font-size: var(--duet-fs, inherit); line-height: var(--duet-lh, inherit); font-weight: var(--duet-fw, inherit);
  font-style: var(--duet-fst, inherit); font-family: var(--duet-ff, inherit);
  letter-spacing: var(--duet-ls, normal); text-transform: var(--duet-tt, none); text-align: var(--duet-ta, start);
  color: var(--duet-color, inherit); opacity: .8;
}
${ORIGINAL} > ${TR} { margin-top: .35em; }
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
${stacking}
${ONLY} ${PAIR}:has(> ${DONE}) { display: grid; grid-template-columns: minmax(0, 1fr); }
${ONLY} ${PAIR} > ${DONE} { order: -1; margin-top: 0; }
${ONLY} ${PAIR}:has(> ${DONE}):not(:hover):not(:focus-within) > ${ORIGINAL}${LEAF} { display: none !important; }
${ONLY} ${ORIGINAL}${LEAF}:has(> ${DONE}):not(:hover):not(:focus-within) { font-size: 0 !important; visibility: hidden !important; }
${ONLY} ${ORIGINAL} > ${DONE} { visibility: visible; font-size: var(--duet-fs, 1rem); line-height: var(--duet-lh, normal); }
${ONLY} ${DONE} { opacity: 1; }
${TRANSLATION_THEME_CSS}`;
}
