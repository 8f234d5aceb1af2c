/**
 * Chooses the article's containers from the collected blocks, after Readability's idea (paragraphs vote for
 * their ancestors, link-heavy containers lose, siblings of the winner may join) but read-only and in one pass
 * over the blocks, using the per-element counts gathered while collecting.
 */
import type { Block, Collected, ElementStats } from './collect-blocks';
import {
  ANCESTOR_SHARES,
  CLASS_WEIGHT,
  MIN_SCORING_CHARS,
  NEGATIVE_CLASS,
  POSITIVE_CLASS,
  SCORING_KINDS,
  SIBLING_GAP_CHARS,
  SIBLING_MIN_PROSE,
  SIBLING_PROSE_SHARE,
  SIBLING_SCORE_SHARE,
} from './rules';
import { hasBoxName, pageElementChildren, parentOf } from './skip';

const TAG_BIAS: Readonly<Record<string, number>> = {
  DIV: 5, ARTICLE: 10, MAIN: 5, SECTION: 3, TD: 3, BLOCKQUOTE: 3,
  OL: -3, UL: -3, DL: -3, DD: -3, DT: -3, LI: -3, ADDRESS: -3, FORM: -3, TH: -5, HEADER: -5, FOOTER: -10,
};

export interface ArticleChoice {
  /** Containers whose blocks form the article, in document order (the winner and any joined siblings). */
  roots: Element[];
  /** Score of the winning container. */
  score: number;
}

export function classWeight(el: Element): number {
  const names = `${el.getAttribute('id') ?? ''} ${el.getAttribute('class') ?? ''}`;
  let w = 0;
  if (NEGATIVE_CLASS.test(names)) w -= CLASS_WEIGHT;
  if (POSITIVE_CLASS.test(names)) w += CLASS_WEIGHT;
  return w;
}

const linkDensity = (s: ElementStats | undefined): number => (s && s.chars ? s.linkChars / s.chars : 0);

/** Score one paragraph contributes: 1, plus commas, plus a point per 100 characters up to 3. */
export function paragraphScore(b: Block): number {
  return 1 + b.commas + Math.min(Math.floor(b.chars / 100), 3);
}

export interface Candidates {
  /** Each container's score: its paragraphs' decayed votes, times the share of its text that is not links. */
  scored: Map<Element, number>;
  /** Characters of voting paragraphs anywhere below each element (no decay): how much prose it holds. */
  prose: Map<Element, number>;
}

export function scoreCandidates({ blocks, stats }: Collected, body: Element): Candidates {
  const raw = new Map<Element, number>();
  const prose = new Map<Element, number>();
  for (const b of blocks) {
    if (b.chrome || !SCORING_KINDS.has(b.kind) || b.chars < MIN_SCORING_CHARS || b.linked) continue;
    if (b.linkChars > b.chars * 0.5) continue;
    const score = paragraphScore(b);
    // Loose text scores the element it lies in; a leaf block scores its parent.
    let el: Element | null = b.inlineOnly ? b.element : parentOf(b.element);
    for (let level = 0; el; level++, el = parentOf(el)) {
      prose.set(el, (prose.get(el) ?? 0) + b.chars);
      if (level < ANCESTOR_SHARES.length) {
        if (!raw.has(el)) raw.set(el, (TAG_BIAS[el.tagName.toUpperCase()] ?? 0) + classWeight(el));
        raw.set(el, raw.get(el)! + score * ANCESTOR_SHARES[level]!);
      }
      if (el === body) break;
    }
    if (!b.inlineOnly) prose.set(b.element, b.chars);
  }
  const scored = new Map<Element, number>();
  for (const [el, s] of raw) scored.set(el, s * (1 - linkDensity(stats.get(el))));
  return { scored, prose };
}

export function chooseArticle(collected: Collected, body: Element): ArticleChoice | null {
  const { scored, prose } = scoreCandidates(collected, body);
  let top: Element | null = null;
  for (const [el, s] of scored) if (!top || s > scored.get(top)!) top = el;
  if (!top) return null;

  top = climb(top, scored, body);
  const topScore = scored.get(top) ?? 0;
  return { roots: withSiblings(top, topScore, scored, prose, collected.stats), score: topScore };
}

/** Moves up while an ancestor scores about as well: the article is split into several sibling sections. */
function climb(top: Element, scored: Map<Element, number>, body: Element): Element {
  let best = top;
  const threshold = (scored.get(top) ?? 0) / 3;
  let last = scored.get(top) ?? 0;
  for (let p = parentOf(top); p && p !== body; p = parentOf(p)) {
    const s = scored.get(p);
    if (s === undefined) continue;
    if (s < threshold) break;
    if (s > last) {
      best = p;
      break;
    }
    last = s;
  }
  // A lone child holds nothing its parent does not: prefer the parent (siblings of the parent may join).
  for (let p = parentOf(best); p && p !== body && pageElementChildren(p).length === 1; p = parentOf(p)) best = p;
  return best;
}

/**
 * The winner plus siblings that continue the article: any sibling scoring near it (Readability's rule), and
 * neighbours that are mostly unlinked prose (the lead in its own wrapper, the rest of an article split into
 * sections) as long as no larger non-prose block comes between them and the winner.
 */
function withSiblings(
  top: Element,
  topScore: number,
  scored: Map<Element, number>,
  prose: Map<Element, number>,
  stats: Map<Element, ElementStats>,
): Element[] {
  const parent = parentOf(top);
  if (!parent) return [top];
  const threshold = Math.max(10, topScore * SIBLING_SCORE_SHARE);
  const topClass = top.getAttribute('class') ?? '';
  const joined = new Set<Element>([top]);
  for (const sib of pageElementChildren(parent)) {
    if (hasBoxName(sib)) continue;
    let s = scored.get(sib) ?? 0;
    if (topClass && sib.getAttribute('class') === topClass) s += topScore * 0.2;
    if (s >= threshold) joined.add(sib);
  }
  const continues = (sib: Element): boolean | null => {
    const st = stats.get(sib);
    const chars = st?.chars ?? 0;
    if (chars === 0) return null; // an image or an empty slot: neither joins nor interrupts
    if (hasBoxName(sib)) return false; // a paywall prompt, promo or byline box next to the body
    const p = prose.get(sib) ?? 0;
    if (p >= SIBLING_MIN_PROSE && p >= chars * SIBLING_PROSE_SHARE && linkDensity(st) < 0.25) return true;
    // A short closing sentence next to the body ("The company declined to comment.").
    return sib.tagName.toUpperCase() === 'P' && chars < 80 && linkDensity(st) === 0 && /[.!?]( |$)/.test(sib.textContent ?? '');
  };
  const siblings = pageElementChildren(parent);
  const at = siblings.indexOf(top);
  for (const step of [-1, 1]) {
    for (let i = at + step; i >= 0 && i < siblings.length; i += step) {
      const sib = siblings[i]!;
      if (joined.has(sib)) continue;
      const c = continues(sib);
      // Small boxes between sections (a figure, an ad label) do not end the article; larger non-prose does.
      if (c === false && (stats.get(sib)?.chars ?? 0) >= SIBLING_GAP_CHARS) break;
      if (c) joined.add(sib);
    }
  }
  return siblings.filter((sib) => joined.has(sib));
}
