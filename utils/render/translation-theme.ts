import { ATTR_SIZE, ATTR_STATE, ATTR_STYLE, TAG_TRANSLATION } from '../dom-labels';
import type { TranslationSize, TranslationStyle } from '../settings/schema';

/**
 * The reader's display choices (Options → Display): how a translation is set apart from its original
 * and how large it is. Keyed only on the translation element's tag and two attributes on <html> that
 * exist while a page is translated, so the renderer's own rules (layout, modes, placeholders) stay as
 * they are and a change of choice is one attribute write, not a new stylesheet.
 */

const TR = TAG_TRANSLATION;
const DONE = `${TR}[${ATTR_STATE}="done"]`;
const ON = `html[${ATTR_STYLE}]`;
const style = (s: TranslationStyle) => `html[${ATTR_STYLE}="${s}"]`;
const size = (s: TranslationSize) => `html[${ATTR_SIZE}="${s}"]`;
/**
 * A translucent neutral grey: it darkens a light page and lightens a dark one, so the tint follows dark
 * pages without knowing them. (`color-mix(currentColor …)` would follow the text colour exactly, but
 * jsdom's CSS parser is slow on it: the renderer's unit tests ran 1.5× longer with it.)
 */
const tint = (alpha: number) => `rgba(127, 127, 127, ${alpha})`;

// Few rules on purpose: every rule is matched against every translation on each style read (jsdom's
// getComputedStyle in the unit tests walks them all). "muted" keeps the renderer's own opacity.
export const TRANSLATION_THEME_CSS = `
${ON} ${TR} { overflow-wrap: break-word; word-break: normal; hyphens: manual; }
${ON}:not([${ATTR_STYLE}="muted"]) ${TR} { opacity: 1; }
${style('underline')} ${DONE} {
  text-decoration-line: underline; text-decoration-style: dotted; text-decoration-thickness: 1px;
  text-decoration-color: ${tint(0.75)}; text-underline-offset: .28em; text-decoration-skip-ink: auto;
}
${style('sidebar')} ${TR} { border-inline-start: .2em solid ${tint(0.45)}; padding-inline-start: .65em; }
${style('tint')} ${DONE} { background-color: ${tint(0.12)}; box-shadow: 0 0 0 .3em ${tint(0.12)}; border-radius: .15em; }
${size('smaller')} ${TR} { font-size: calc(var(--duet-fs, 1em) * .88); }
${size('larger')} ${TR} { font-size: calc(var(--duet-fs, 1em) * 1.12); }
`;

export interface ThemeChoice {
  translationStyle: TranslationStyle;
  translationSize: TranslationSize;
}

/** Puts the choice on <html> (null removes it: back to Original, or Duet stopped). */
export function applyTheme(doc: Document, choice: ThemeChoice | null): void {
  const root = doc.documentElement;
  if (!choice) {
    root.removeAttribute(ATTR_STYLE);
    root.removeAttribute(ATTR_SIZE);
    return;
  }
  if (root.getAttribute(ATTR_STYLE) !== choice.translationStyle) root.setAttribute(ATTR_STYLE, choice.translationStyle);
  if (root.getAttribute(ATTR_SIZE) !== choice.translationSize) root.setAttribute(ATTR_SIZE, choice.translationSize);
}
