// @vitest-environment jsdom
/** Issue 10: the rules for kinds of pages, one by one (the golden fixtures check them on whole pages). */
import { describe, expect, it } from 'vitest';
import { extractUnits } from '..';
import { chromeToken } from '../skip';
import { weightedLength, wordCount } from '../text-length';
import { hasArticleMarkup } from '../article-markup';

describe('class words are whole tokens with a head word', () => {
  it('reads the head word, skipping namespaces and qualifiers', () => {
    for (const t of ['sidebar', 'sidebar-wrapper', 'l-sidebar-right', 'td-ss-main-sidebar', 'post-comments', 'most_read', 'commentList', 'share-buttons']) {
      expect(chromeToken(t), t).toBe(true);
    }
    for (const t of ['content-with-sidebar-wrp', 'page-with-sidebar', 'media__footer', 'prenav', 'sharethrough', 'menuiserie']) {
      expect(chromeToken(t), t).toBe(false);
    }
  });

  it('never vetoes the box holding most of the page text', () => {
    const prose = 'The council met on Tuesday and decided, after a long debate, to keep the library open on Sundays. ';
    document.body.innerHTML = `<div class="sidebar-layout">${Array.from({ length: 5 }, () => `<p>${prose}</p>`).join('')}</div><nav><a href="/">Home</a></nav>`;
    expect(extractUnits(document).units.filter((u) => u.kind === 'paragraph')).toHaveLength(5);
  });
});

describe('script-aware lengths', () => {
  it('counts words without spaces with Intl.Segmenter and weighs CJK characters', () => {
    expect(wordCount('政府は２日、緊急事態宣言を延長する方針を固めた。')).toBeGreaterThan(8);
    expect(wordCount('Three plain words')).toBe(3);
    expect(weightedLength('新駅')).toBe(8);
    expect(weightedLength('ab cd')).toBe(4);
  });
});

describe('article markup', () => {
  it('accepts JSON-LD types (even in JSON that JSON.parse refuses), og:type and itemprop', () => {
    document.head.innerHTML = `<script type="application/ld+json">{'x': 1, "@type": ["BlogPosting"]}</script>`;
    document.body.innerHTML = '<div id="r"><p>Text</p></div>';
    expect(hasArticleMarkup(document, [document.getElementById('r')!])).toBe(true);
    document.head.innerHTML = '<meta property="og:type" content="website">';
    expect(hasArticleMarkup(document, [document.getElementById('r')!])).toBe(false);
    document.body.innerHTML = '<div id="r" itemprop="articleBody"><p>Text</p></div>';
    expect(hasArticleMarkup(document, [document.getElementById('r')!])).toBe(true);
  });

  it('a front page full of <article> teasers is not marked by them', () => {
    document.head.innerHTML = '';
    document.body.innerHTML = `<div id="r">${'<article><h2><a href="/x">Teaser</a></h2></article>'.repeat(6)}</div>`;
    expect(hasArticleMarkup(document, [document.getElementById('r')!])).toBe(false);
  });
});
