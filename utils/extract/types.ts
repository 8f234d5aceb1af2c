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
}

export type ExtractMode = 'article' | 'whole-page';

export interface ExtractResult {
  /** False when the page does not look like an article (front page, section page, search). */
  isArticle: boolean;
  units: Unit[];
}
