/**
 * Where a translation goes relative to its original. Duet only ever *adds* its own element; the
 * original stays the same node, in the same parent, at the same place (STYLE.md §15):
 * - 'inside': the translation is appended as the original's last child. Used for nearly everything:
 *             paragraphs and headings (side by side or stacked, decided by CSS), list items, cells,
 *             captions, inline originals (a headline link). This is what Immersive Translate and
 *             Read Frog do; it survives framework re-renders best (nothing of the page moves).
 * - 'after':  the translation is inserted as the original's next sibling. Only for originals laid
 *             out as flex or grid containers, where a child of ours would become one more flex or
 *             grid item squeezed beside the text.
 * `sideBySide` says whether the original may show its translation in a second column (Bilingual,
 * side by side): ordinary blocks only, never list items, cells, inline or structural elements.
 */
export type Placement = 'inside' | 'after';

export interface PlacementChoice {
  placement: Placement;
  sideBySide: boolean;
}

/** Elements their parent requires as direct children: their translation stays stacked inside them. */
const STACKED_TAGS = new Set(['LI', 'TD', 'TH', 'DT', 'DD', 'SUMMARY', 'CAPTION', 'LEGEND', 'FIGCAPTION', 'OPTION']);
/** Parents whose children are structural: anything under them is stacked, never in columns. */
const STRUCTURAL_PARENTS = new Set(['UL', 'OL', 'MENU', 'DL', 'TABLE', 'THEAD', 'TBODY', 'TFOOT', 'TR', 'SELECT', 'PICTURE', 'HGROUP']);
/** Phrasing elements: a column layout would break the line they sit in. */
const INLINE_TAGS = new Set([
  'A', 'SPAN', 'EM', 'STRONG', 'B', 'I', 'U', 'S', 'SMALL', 'FONT', 'LABEL', 'Q', 'CITE', 'ABBR', 'TIME',
  'MARK', 'SUB', 'SUP', 'BDI', 'BDO', 'DFN', 'DATA', 'INS', 'DEL',
]);
/** Displays whose children become items of the original's own layout (a child of ours would be squeezed in). */
const ITEM_LAYOUTS = /^(inline-)?(flex|grid)$|^-webkit-box$/;

export function choosePlacement(element: Element, style?: CSSStyleDeclaration | null): PlacementChoice {
  const tag = element.tagName.toUpperCase();
  const display = (style === undefined ? computedStyle(element) : style)?.display ?? '';
  const parent = element.parentElement;
  const structural = !parent || STRUCTURAL_PARENTS.has(parent.tagName.toUpperCase());
  if (ITEM_LAYOUTS.test(display) && !STACKED_TAGS.has(tag) && !structural && tag !== 'BODY' && tag !== 'HTML') {
    return { placement: 'after', sideBySide: false };
  }
  if (STACKED_TAGS.has(tag) || INLINE_TAGS.has(tag) || structural) return { placement: 'inside', sideBySide: false };
  // Pages restyle generic elements (a div shown inline, a p shown as a table cell): trust the box.
  const block = display === 'block' || display === 'flow-root' || display === '';
  return { placement: 'inside', sideBySide: block };
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
export interface Look extends PlacementChoice {
  /** Custom properties for the translation element. */
  text: Array<[string, string]>;
}

/**
 * Reads an original's look. Call it for a whole batch before writing anything: each read after a
 * DOM write forces the browser to recalculate styles (about 1 ms per unit on a long page).
 */
export function readLook(element: Element): Look {
  const style = computedStyle(element);
  const look: Look = { ...choosePlacement(element, style), text: [] };
  if (!style) return look;
  for (const [property, custom] of MIRRORED) {
    const value = style.getPropertyValue(property);
    if (value) look.text.push([custom, value]);
  }
  // Only alignments that read the same in either direction: 'left' would misplace an RTL translation.
  const align = style.getPropertyValue('text-align');
  if (align === 'center' || align === 'justify') look.text.push(['--duet-ta', align]);
  return look;
}

export function applyLook(look: Look, translation: HTMLElement): void {
  for (const [custom, value] of look.text) translation.style.setProperty(custom, value);
}
