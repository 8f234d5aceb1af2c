/**
 * Duet's unit finder: the article's text blocks in reading order, each mapped to its live element.
 * Pure and synchronous: reads `doc` without writing to it (no stamps, no clone), calls no browser API
 * beyond the DOM, and works the same in a content script and in jsdom.
 */
import { blockText } from './block-text';
import { chooseArticle } from './choose-article';
import { collectBlocks, type Block } from './collect-blocks';
import { rejectInArticle, rejectInWholePage } from './filter-units';
import { findHeadline } from './headline';
import { articleEvidence, looksLikeArticle } from './is-article';
import type { ExtractMode, ExtractResult, Unit } from './types';

export type { ExtractMode, ExtractResult, Unit, UnitKind } from './types';

export function extractUnits(doc: Document, options: { mode?: ExtractMode } = {}): ExtractResult {
  const body = doc.body;
  if (!body) return { isArticle: false, units: [] };
  const collected = collectBlocks(body);
  const { blocks } = collected;
  const texts: string[] = [];
  const textOf = (b: Block): string =>
    (texts[b.index] ??= blockText(b.element, b.inlineOnly ? collected.containers : undefined));

  const headingTexts = blocks.map((b) => (b.kind === 'heading' ? textOf(b) : ''));
  const headline = findHeadline(doc, blocks, headingTexts);

  const choice = chooseArticle(collected, body);
  // Each article block with the root it lies in (the winner or a joined sibling).
  const rootOf = new Map<Block, Element>();
  for (const b of blocks) {
    const root = choice?.roots.find((r) => r.contains(b.element));
    if (root) rootOf.set(b, root);
  }
  const inArticle = [...rootOf.keys()];
  const isArticle = looksLikeArticle(articleEvidence(inArticle.filter((b) => !b.chrome)));

  // Article mode keeps to the best candidate even when it does not look like an article (the caller
  // reads isArticle to pick its default mode); with no candidate text at all it falls back to the whole page.
  let picked: Block[] = [];
  if (options.mode !== 'whole-page') {
    picked = inArticle.filter((b) => b !== headline && rejectInArticle(b, textOf(b), rootOf.get(b)!, collected.stats) === null);
    if (picked.length && headline) picked.push(headline);
  }
  if (picked.length === 0) picked = blocks.filter((b) => rejectInWholePage(b, textOf(b)) === null);
  picked = picked.filter(isVisible).sort((a, b) => a.index - b.index);

  const units: Unit[] = picked.map((b, i) => ({
    id: `u${i}`,
    element: b.element,
    text: textOf(b),
    kind: b === headline ? 'headline' : b.kind,
  }));
  return { isArticle, units };
}

/** In a real browser, drops blocks hidden by style sheets (jsdom has no layout: the check is skipped there). */
function isVisible(b: Block): boolean {
  const el = b.element as Element & { checkVisibility?: () => boolean };
  return typeof el.checkVisibility !== 'function' || el.checkVisibility();
}
