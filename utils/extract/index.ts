/**
 * Duet's unit finder: the article's text blocks in reading order, each mapped to its live element.
 * Pure and synchronous: reads `doc` without writing to it (no stamps, no clone), calls no browser API
 * beyond the DOM, and works the same in a content script and in jsdom.
 */
import { blockText } from './block-text';
import { chooseArticle } from './choose-article';
import { collectBlocks, type Block } from './collect-blocks';
import { dropRepeatedCaptions, unitText } from './captions';
import { numberCellsOfKeptRows, rejectInArticle, rejectInWholePage, relatedLinkLists } from './filter-units';
import { findDek, findHeadline } from './headline';
import { hasArticleMarkup } from './article-markup';
import { articleEvidence, looksLikeArticle } from './is-article';
import { visibilityCheck } from './visibility';
import type { ExtractMode, ExtractResult, Unit } from './types';

export type { ExtractMode, ExtractResult, Unit, UnitKind } from './types';

export function extractUnits(doc: Document, options: { mode?: ExtractMode } = {}): ExtractResult {
  const body = doc.body;
  if (!body) return { isArticle: false, units: [] };
  const collected = collectBlocks(body);
  // Hidden blocks neither vote for the article nor become units (visibility.ts): a page stacking invisible
  // paragraphs cannot make them the article, nor have them sent.
  const visible = visibilityCheck(doc, commonAncestor(collected.blocks));
  collected.blocks = collected.blocks.filter((b) => visible(b.element));
  collected.blocks.forEach((b, i) => (b.index = i));
  const { blocks } = collected;
  const texts: string[] = [];
  const textOf = (b: Block): string =>
    (texts[b.index] ??= blockText(b.element, b.inlineOnly ? collected.containers : undefined));

  const headline = findHeadline(doc, blocks, textOf);

  const choice = chooseArticle(collected, body);
  // Each article block with the root it lies in (the winner or a joined sibling).
  const rootOf = new Map<Block, Element>();
  for (const b of blocks) {
    const root = choice?.roots.find((r) => r.contains(b.element));
    if (root) rootOf.set(b, root);
  }
  const inArticle = [...rootOf.keys()];
  const marked = !!choice && hasArticleMarkup(doc, choice.roots);
  const isArticle = looksLikeArticle(articleEvidence(inArticle.filter((b) => !b.chrome), textOf, marked));

  // Article mode keeps to the best candidate even when it does not look like an article (the caller
  // reads isArticle to pick its default mode); with no candidate text at all it falls back to the whole page.
  let picked: Block[] = [];
  // The article title block: the headline and its standfirst (reported as headline units).
  const titleBlock = new Set<Block>(headline ? [headline] : []);
  if (options.mode !== 'whole-page') {
    const related = relatedLinkLists(inArticle, blocks, textOf);
    const articleChars = (choice?.roots ?? []).reduce((n, r) => n + (collected.stats.get(r)?.chars ?? 0), 0);
    picked = inArticle.filter(
      (b) =>
        b !== headline && !related.has(b) && rejectInArticle(b, textOf(b), rootOf.get(b)!, collected.stats, articleChars) === null,
    );
    picked.push(...numberCellsOfKeptRows(inArticle, picked, textOf));
    if (picked.length && headline) {
      const accept = (b: Block): boolean => rejectInArticle(b, textOf(b), body, collected.stats) === null;
      for (const b of findDek(headline, blocks, choice?.roots ?? [], accept)) titleBlock.add(b);
      picked = picked.filter((b) => !titleBlock.has(b));
      picked.push(...titleBlock);
    }
  }
  if (picked.length === 0) picked = blocks.filter((b) => rejectInWholePage(b, textOf(b)) === null);
  const finalText = (b: Block): string => unitText(textOf(b), b.kind);
  picked = dropRepeatedCaptions(picked.sort((a, b) => a.index - b.index), finalText);

  const units: Unit[] = picked.map((b, i) => {
    const kind = titleBlock.has(b) ? 'headline' : b.kind;
    const unit: Unit = { id: `u${i}`, element: b.element, text: finalText(b), kind };
    if (b.inlineOnly && picked.some((o) => o !== b && b.element.contains(o.element))) unit.containsUnits = true;
    return unit;
  });
  return { isArticle, units };
}

/** The deepest element holding every block (the page's text wrapper), or null without blocks. */
function commonAncestor(blocks: Block[]): Element | null {
  const first = blocks[0]?.element;
  const last = blocks[blocks.length - 1]?.element;
  if (!first || !last) return null;
  let el: Element | null = first;
  while (el && !el.contains(last)) el = el.parentElement;
  return el;
}
