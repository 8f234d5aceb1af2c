/**
 * Where a translation goes relative to its original, decided per element so the page stays valid:
 * - 'wrap':   the original is moved into a <duet-pair> grid next to its translation (side by side);
 *             used for ordinary blocks (p, h1–h6, blockquote, div…).
 * - 'inside': the translation is appended inside the original; used where wrapping would break the
 *             page's structure (li in ul, td in tr, dt/dd in dl, figcaption in figure) or where the
 *             original is inline text (a headline link, a span in running text).
 */
export type Placement = 'wrap' | 'inside';

/** Elements their parent requires as direct children (wrapping them makes the HTML invalid). */
const INSIDE_TAGS = new Set(['LI', 'TD', 'TH', 'DT', 'DD', 'SUMMARY', 'CAPTION', 'LEGEND', 'FIGCAPTION', 'OPTION']);
/** Parents whose children are structural: anything under them is rendered inside, never wrapped. */
const STRUCTURAL_PARENTS = new Set(['UL', 'OL', 'MENU', 'DL', 'TABLE', 'THEAD', 'TBODY', 'TFOOT', 'TR', 'SELECT', 'PICTURE', 'HGROUP']);
/** Phrasing elements: wrapping one in a grid would break the line it sits in. */
const INLINE_TAGS = new Set([
  'A', 'SPAN', 'EM', 'STRONG', 'B', 'I', 'U', 'S', 'SMALL', 'FONT', 'LABEL', 'Q', 'CITE', 'ABBR', 'TIME',
  'MARK', 'SUB', 'SUP', 'BDI', 'BDO', 'DFN', 'DATA', 'INS', 'DEL',
]);

export function choosePlacement(element: Element, style?: CSSStyleDeclaration | null): Placement {
  const tag = element.tagName.toUpperCase();
  if (INSIDE_TAGS.has(tag) || INLINE_TAGS.has(tag)) return 'inside';
  const parent = element.parentElement;
  if (!parent || STRUCTURAL_PARENTS.has(parent.tagName.toUpperCase())) return 'inside';
  // Pages restyle generic elements (a div shown inline, a p shown as a table cell): trust the box.
  const display = (style === undefined ? computedStyle(element) : style)?.display ?? '';
  if (display.startsWith('inline') || display.startsWith('table') || display === 'contents') return 'inside';
  return 'wrap';
}

function computedStyle(element: Element): CSSStyleDeclaration | null {
  return element.ownerDocument.defaultView?.getComputedStyle(element) ?? null;
}

/**
 * Text properties the translation copies from its original (as custom properties read by the
 * stylesheet), so a headline's translation looks like a headline and a lead paragraph like a lead:
 * the original is never restyled, the translation imitates it.
 */
const MIRRORED = [
  ['font-size', '--duet-fs'],
  ['line-height', '--duet-lh'],
  ['font-weight', '--duet-fw'],
  ['font-style', '--duet-fst'],
  ['font-family', '--duet-ff'],
  ['letter-spacing', '--duet-ls'],
  ['text-transform', '--duet-tt'],
  ['color', '--duet-color'],
] as const;

/** Everything the renderer needs to know about an original, read in one getComputedStyle call. */
export interface Look {
  placement: Placement;
  /** Custom properties for the translation element. */
  text: Array<[string, string]>;
  /** Custom properties for the pair (the original's vertical margins). */
  margins: Array<[string, string]>;
}

/**
 * Reads an original's look. Call it for a whole batch before writing anything: each read after a
 * DOM write forces the browser to recalculate styles (about 1 ms per unit on a long page).
 */
export function readLook(element: Element): Look {
  const style = computedStyle(element);
  const look: Look = { placement: choosePlacement(element, style), text: [], margins: [] };
  if (!style) return look;
  for (const [property, custom] of MIRRORED) {
    const value = style.getPropertyValue(property);
    if (value) look.text.push([custom, value]);
  }
  // Only alignments that read the same in either direction: 'left' would misplace an RTL translation.
  const align = style.getPropertyValue('text-align');
  if (align === 'center' || align === 'justify') look.text.push(['--duet-ta', align]);
  // The original's vertical margins move to the pair, so the spacing between blocks stays the same.
  for (const [property, custom] of [['margin-top', '--duet-mt'], ['margin-bottom', '--duet-mb']] as const) {
    const value = style.getPropertyValue(property);
    if (value) look.margins.push([custom, value]);
  }
  return look;
}

export function applyLook(look: Look, translation: HTMLElement, pair: HTMLElement | null): void {
  for (const [custom, value] of look.text) translation.style.setProperty(custom, value);
  if (pair) for (const [custom, value] of look.margins) pair.style.setProperty(custom, value);
}
