/** Finds the page headline: the h1 that names the page, else a heading that repeats the page's title. */
import type { Block } from './collect-blocks';
import { normalizeText } from './block-text';

function pageTitles(doc: Document): string[] {
  const titles: string[] = [];
  for (const sel of ['meta[property="og:title"]', 'meta[name="twitter:title"]']) {
    const content = doc.querySelector(sel)?.getAttribute('content');
    if (content) titles.push(normalizeText(content).toLowerCase());
  }
  const title = normalizeText(doc.title ?? '').toLowerCase();
  if (title) titles.push(title);
  return titles;
}

/** How well a heading's text matches the page title: 2 = contained in it, 1 = shares its start, 0 = no match. */
function titleMatch(text: string, titles: string[]): number {
  const t = text.toLowerCase();
  if (t.length < 8) return 0;
  if (titles.some((title) => title === t || title.includes(t))) return 2;
  if (titles.some((title) => title.startsWith(t.slice(0, 24)) || t.startsWith(title.slice(0, 24)))) return 1;
  return 0;
}

/**
 * `texts` holds each block's normalised text (same indexes as `blocks`). Prefers an h1 outside page chrome;
 * among several, the one matching the title; without h1, an h2/h3 that matches the title.
 */
export function findHeadline(doc: Document, blocks: Block[], texts: string[]): Block | null {
  const titles = pageTitles(doc);
  let best: Block | null = null;
  let bestRank = -1;
  for (const b of blocks) {
    if (b.kind !== 'heading' || b.chrome) continue;
    const text = texts[b.index] ?? '';
    const match = titleMatch(text, titles);
    const rank = b.tag === 'H1' ? 3 + match - (b.linked ? 2 : 0) : (b.tag === 'H2' || b.tag === 'H3') && match === 2 ? match : -1;
    if (rank > bestRank) {
      best = b;
      bestRank = rank;
    }
  }
  return best;
}
