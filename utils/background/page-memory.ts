import type { RememberedTranslation } from '../messaging/protocol';

/**
 * The first screen's translations of the pages translated lately, kept in the service worker's memory
 * (never on disk: it says which pages were read, which the text cache alone does not). A content
 * script starting on such a page gets them with its settings, so a reload shows its first paragraphs
 * in the same task as the analysis: no round trip after it, which on a heavy page queues behind the
 * page's own rendering (traced: 30–80 ms), and no flash of untranslated text.
 *
 * Anything that could change a translation (settings, provider keys or models, a cleared cache)
 * empties it; it is a shortcut to what the cache holds, never a second source of truth.
 */
export interface PageKey {
  url: string;
  provider: string;
  from: string;
  to: string;
}

/** Pages remembered; the least recently used is dropped first. */
export const MAX_PAGES = 20;
/** Per page: about the first screen and the one ahead, which is all a reload needs without waiting. */
export const MAX_UNITS_PER_PAGE = 60;
export const MAX_CHARS_PER_PAGE = 30_000;

interface Page {
  bySource: Map<string, RememberedTranslation>;
  chars: number;
}

/** The page's address without its fragment: `#comments` is the same page. */
function keyOf(key: PageKey): string | undefined {
  try {
    const url = new URL(key.url);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
    url.hash = '';
    return [url.href, key.provider, key.from, key.to].join('\n');
  } catch {
    return undefined;
  }
}

export class PageMemory {
  private readonly pages = new Map<string, Page>();

  remember(key: PageKey, translations: readonly RememberedTranslation[]): void {
    const k = keyOf(key);
    if (k === undefined || translations.length === 0) return;
    const page = this.pages.get(k) ?? { bySource: new Map(), chars: 0 };
    this.pages.delete(k); // re-inserted last: most recently used
    this.pages.set(k, page);
    for (const t of translations) {
      if (page.bySource.has(t.source)) continue;
      const chars = t.source.length + t.text.length;
      if (page.bySource.size >= MAX_UNITS_PER_PAGE || page.chars + chars > MAX_CHARS_PER_PAGE) break;
      page.bySource.set(t.source, t);
      page.chars += chars;
    }
    while (this.pages.size > MAX_PAGES) this.pages.delete(this.pages.keys().next().value!);
  }

  recall(key: PageKey): RememberedTranslation[] {
    const k = keyOf(key);
    const page = k === undefined ? undefined : this.pages.get(k);
    if (!page || k === undefined) return [];
    this.pages.delete(k);
    this.pages.set(k, page);
    return [...page.bySource.values()];
  }

  clear(): void {
    this.pages.clear();
  }

  get size(): number {
    return this.pages.size;
  }
}
