/**
 * What the page says about itself: publishers mark article pages for search engines and social cards, and
 * those marks are kept by every CMS. Read-only; used to accept short articles (is-article.ts).
 */

/** schema.org types of article pages (JSON-LD `@type`, microdata `itemtype`). */
const ARTICLE_TYPE = /^(Article|NewsArticle|BlogPosting|LiveBlogPosting|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|BackgroundNewsArticle|ReviewNewsArticle|TechArticle|ScholarlyArticle|SatiricalArticle|Report|SocialMediaPosting)$/;
/** Matched on the raw JSON-LD text: many pages ship JSON that JSON.parse refuses (single quotes, raw newlines). */
const JSON_LD_TYPE = /"@type"\s*:\s*(\[[^\]]*\]|"[^"]*")/g;

/** True when the page declares itself an article, or the chosen text sits in the page's one <article>. */
export function hasArticleMarkup(doc: Document, roots: Element[]): boolean {
  const og = doc.querySelector('meta[property="og:type"]')?.getAttribute('content')?.trim().toLowerCase();
  if (og === 'article' || og?.startsWith('article.')) return true;
  if (doc.querySelector('[itemprop="articleBody"]')) return true;
  for (const el of doc.querySelectorAll('[itemtype]')) {
    const type = (el.getAttribute('itemtype') ?? '').split('/').pop() ?? '';
    if (ARTICLE_TYPE.test(type.trim())) return true;
  }
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
    const text = script.textContent ?? '';
    if (text.includes('"articleBody"')) return true;
    for (const m of text.matchAll(JSON_LD_TYPE)) {
      const types = m[1]!.match(/"([^"]*)"/g)?.map((t) => t.slice(1, -1).replace(/^https?:\/\/schema\.org\//, '')) ?? [];
      if (types.some((t) => ARTICLE_TYPE.test(t))) return true;
    }
  }
  // One <article> (or two: a page may nest one) holding the chosen text, or the chosen root holding it (a list of teasers has many <article> elements).
  const articles = doc.getElementsByTagName('article');
  if (articles.length >= 1 && articles.length <= 2 && roots.some((r) => r.closest('article') || r.getElementsByTagName('article').length === articles.length)) return true;
  return false;
}
