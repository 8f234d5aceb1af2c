/** What kind of block a unit is; decides how it is rendered and whether the benchmark counts it. */
export type UnitKind = 'headline' | 'heading' | 'paragraph' | 'list-item' | 'quote' | 'caption';

/** One block of article text that gets translated as a whole. */
export interface Unit {
  /** Stable within one analysis of a page: `u0`, `u1`, … in reading order. */
  id: string;
  /** The live page element holding the text (never a clone). */
  element: Element;
  /** Whitespace-normalised text content: what is sent to the provider. */
  text: string;
  kind: UnitKind;
  /**
   * Set only when `element` also holds other units' elements: loose text lying beside blocks, as on old
   * pages (`<div>Text…<br><br>Text…<p>…</p></div>`). `text` is the loose text only. Render next to the
   * element's own text; do not hide or move the element, or the nested units go with it.
   */
  containsUnits?: true;
}

export type ExtractMode = 'article' | 'whole-page';

export interface ExtractResult {
  /** False when the page does not look like an article (front page, section page, search). */
  isArticle: boolean;
  units: Unit[];
}
