// @vitest-environment jsdom
/**
 * Rules that decide which boxes around and inside an article body are its text (rules.ts, filter-units.ts):
 * each case is the shape of a real kind of news page, reduced.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { extractUnits } from '..';
import { siteOf } from '../filter-units';

const para = (n: number): string =>
  `Paragraph ${n} of the story tells, in a full sentence with commas, what happened in the town hall, why it matters, and who said what about it afterwards.`;
const body = `<p>${para(1)}</p><p>${para(2)}</p><p>${para(3)}</p>`;

function setPage(html: string, title = 'Council approves the new budget'): { text: string; kind: string }[] {
  document.title = title;
  document.body.innerHTML = html;
  return extractUnits(document).units.map((u) => ({ text: u.text, kind: u.kind }));
}
const textsOf = (units: { text: string }[]): string[] => units.map((u) => u.text);

beforeEach(() => {
  document.head.innerHTML = '';
  document.body.innerHTML = '';
});

describe('related-story lists and shopping lists', () => {
  const list = (hrefs: string[]): string =>
    `<h2>Deals we like</h2><ul>${hrefs.map((h, i) => `<li><a href="${h}">Get item number ${i + 1} for $${i + 10}</a></li>`).join('')}</ul>`;

  it('drops a titled list of links to the site’s own stories', () => {
    const t = textsOf(setPage(`<article><h1>Council approves the new budget</h1><div>${body}${list(['/a', '/b', '/c'])}</div></article>`));
    expect(t).not.toContain('Get item number 1 for $10');
    expect(t).not.toContain('Deals we like');
  });

  it('keeps a titled list of links to other sites (shops, sources): it is the article’s content', () => {
    const t = textsOf(
      setPage(`<article><h1>Council approves the new budget</h1><div>${body}${list(['https://shop.example/a', 'https://www.store.example/b'])}</div></article>`),
    );
    expect(t).toContain('Deals we like');
    expect(t).toContain('Get item number 1 for $10');
    expect(t).toContain('Get item number 2 for $11');
  });

  it('reads the site part of a host name, registry suffixes included', () => {
    expect(siteOf('www.ign.com')).toBe('ign.com');
    expect(siteOf('news.bbc.co.uk')).toBe('bbc.co.uk');
    expect(siteOf('www.autoracing.com.br')).toBe('autoracing.com.br');
    expect(siteOf('localhost')).toBe('localhost');
  });
});

describe('boxes beside and inside the body', () => {
  it('leaves out the author bio at the foot of a post, even under a CMS "author-…" class', () => {
    const bio = 'Jane Doe is a reporter who has covered city hall, the courts and the school board for twelve years now.';
    for (const cls of ['author-bio-box', 'post-author', 'about-the-author']) {
      const t = textsOf(setPage(`<article><h1>Council approves the new budget</h1><div class="entry">${body}</div><div class="${cls}"><p>${bio}</p></div></article>`));
      expect(t, cls).toContain(para(3));
      expect(t, cls).not.toContain(bio);
    }
  });

  it('still reads an author-named token that is the writer’s name (WordPress "author-jane-doe")', () => {
    const t = textsOf(setPage(`<article class="post author-jane-doe"><h1>Council approves the new budget</h1><div>${body}</div></article>`));
    expect(t).toContain(para(1));
  });

  it('drops a notice box that fills a small sibling joined to the body (an "update your browser" banner)', () => {
    const notice = 'We have detected you are on an old browser. For the best experience of this site, please update to a modern browser.';
    const t = textsOf(
      setPage(
        `<div class="page"><div class="zone"><div class="banner banner--ie"><span>${notice}</span></div></div>` +
          `<div class="main"><h1>Council approves the new budget</h1>${body}</div></div>`,
      ),
    );
    expect(t).toContain(para(2));
    expect(t).not.toContain(notice);
  });

  it('finds the standfirst beside the headline’s own wrapper in the article header, among kickers and bylines', () => {
    const dek = 'The mayor said the plan keeps taxes flat while adding money for roads and schools.';
    const units = setPage(
      `<article><header><div class="kicker"><a href="/opinion">Opinion</a></div><p>Supported by</p>` +
        `<div class="title-wrap"><h1>Council approves the new budget</h1></div><p id="summary">${dek}</p>` +
        `<p>By Jane Doe</p><p>Nov. 19, 2019</p></header><section class="body">${body}</section></article>`,
    );
    expect(units.find((u) => u.text === dek)?.kind).toBe('headline');
    expect(units.find((u) => u.text === para(1))?.kind).toBe('paragraph');
  });

  it('takes a title set in a plain block as the headline on a page with no heading at all', () => {
    const title = 'Home care service reports two cars broken into';
    const units = setPage(`<div class="col"><p class="titulo">${title}</p><div class="label">Notícias</div>${body}</div>`, `${title} - Town News`);
    expect(units[0]).toEqual({ text: title, kind: 'headline' });
    expect(units.filter((u) => u.kind === 'headline')).toHaveLength(1);
  });

  it('reads a page builder’s text widgets as the body, and its other widgets as boxes (Elementor blogs)', () => {
    const widget = (cls: string, inner: string): string =>
      `<div class="elementor-element elementor-widget ${cls}"><div class="elementor-widget-container">${inner}</div></div>`;
    const text = (a: number, b: number): string => widget('elementor-widget-text-editor', `<p>${para(a)}</p><p>${para(b)}</p>`);
    const support = 'Support our newsroom today so we can keep reporting on the town hall, the courts and the schools.';
    const t = textsOf(
      setPage(
        `<main><h1>Council approves the new budget</h1><div class="elementor-column"><div class="elementor-widget-wrap">` +
          `${text(1, 2)}${widget('elementor-widget-image', '<img src="a.jpg" alt="">')}${text(3, 4)}${text(5, 6)}` +
          `${widget('elementor-widget-donate', `<p>${support}</p>`)}</div></div></main>`,
      ),
    );
    for (let n = 1; n <= 6; n++) expect(t, `paragraph ${n}`).toContain(para(n));
    expect(t).not.toContain(support);
  });

  it('reads "-print" style utilities as styles, not print boxes: the standfirst stays in the title block', () => {
    const dek = 'The mayor said the plan keeps taxes flat while adding money for roads and schools.';
    const units = setPage(
      `<div class="article"><section class="hero"><header class="header mh0-print"><div class="hero-inner">` +
        `<h1>Council approves the new budget</h1><div class="dek">${dek}</div></div></header></section>` +
        `<article class="body">${body}</article></div>`,
    );
    expect(units.find((u) => u.text === dek)?.kind).toBe('headline');
  });
});
