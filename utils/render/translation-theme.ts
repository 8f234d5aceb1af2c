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
/** A tint of the text's own colour: dark on light pages, light on dark pages, never a fixed colour. */
const tint = (percent: number) => `color-mix(in srgb, currentColor ${percent}%, transparent)`;

export const TRANSLATION_THEME_CSS = `
${ON} ${TR} { overflow-wrap: break-word; word-break: normal; hyphens: manual; }
${style('plain')} ${TR} { opacity: 1; }
${style('muted')} ${TR} { opacity: .78; }
${style('underline')} ${TR} { opacity: 1; }
${style('underline')} ${DONE} {
  text-decoration-line: underline; text-decoration-style: dotted; text-decoration-thickness: 1px;
  text-decoration-color: ${tint(55)}; text-underline-offset: .28em; text-decoration-skip-ink: auto;
}
${style('sidebar')} ${TR} { opacity: 1; border-inline-start: .2em solid ${tint(30)}; padding-inline-start: .65em; }
${style('tint')} ${TR} { opacity: 1; }
${style('tint')} ${DONE} { background-color: ${tint(7)}; box-shadow: 0 0 0 .3em ${tint(7)}; border-radius: .15em; }
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
