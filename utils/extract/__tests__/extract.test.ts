// @vitest-environment jsdom
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it } from 'vitest';
import { extractUnits } from '..';
import { CLASS_OWN, TAG_PAIR, TAG_TRANSLATION } from '../../dom-labels';
import { JSDOM } from 'jsdom';
import { createRenderer } from '../../render';

const para = (n: number): string =>
  `Paragraph ${n} of the story tells, in a full sentence with commas, what happened in the town hall, why it matters, and who said what about it afterwards.`;

/** An article page around `inner`, with enough prose to be judged an article. */
function page(inner: string, extra = ''): void {
  document.title = 'Council approves the new budget';
  document.body.innerHTML = `
    <nav><a href="/">Home</a> <a href="/news">News section</a></nav>
    <article><h1>Council approves the new budget</h1>
      <div class="body"><p>${para(1)}</p><p>${para(2)}</p>${inner}<p>${para(3)}</p></div>
    </article>${extra}
    <footer><p>Copyright 2025 Example News Company, all rights reserved, no reuse.</p></footer>`;
}

const texts = (): string[] => extractUnits(document).units.map((u) => u.text);

beforeEach(() => {
  document.head.innerHTML = '';
  document.body.innerHTML = '';
});

describe('extractUnits: units and kinds', () => {
  it('gives headline, paragraphs and headings in reading order with ids u0…', () => {
    page('<h2>What the vote means</h2>');
    const { isArticle, units } = extractUnits(document);
    expect(isArticle).toBe(true);
    expect(units.map((u) => [u.id, u.kind, u.text])).toEqual([
      ['u0', 'headline', 'Council approves the new budget'],
      ['u1', 'paragraph', para(1)],
      ['u2', 'paragraph', para(2)],
      ['u3', 'heading', 'What the vote means'],
      ['u4', 'paragraph', para(3)],
    ]);
  });

  it('makes each list item, quote paragraph and caption its own unit', () => {
    page(`<ul><li>The first change to the budget plan.</li><li>The second change, for schools.</li></ul>
      <blockquote><p>We did what the town asked of us.</p><p>Nothing more, nothing less.</p></blockquote>
      <figure><img src="x.jpg" alt=""><figcaption>The council chamber on Tuesday evening.</figcaption></figure>`);
    const units = extractUnits(document).units;
    const kinds = Object.fromEntries(units.map((u) => [u.text, u.kind]));
    expect(kinds['The first change to the budget plan.']).toBe('list-item');
    expect(kinds['The second change, for schools.']).toBe('list-item');
    expect(kinds['We did what the town asked of us.']).toBe('quote');
    expect(kinds['Nothing more, nothing less.']).toBe('quote');
    expect(kinds['The council chamber on Tuesday evening.']).toBe('caption');
  });

  it('keeps a results table whole: number cells of rows with text are units, a stray number is not', () => {
    page(`<table><tr><th>Pos.</th><th>Driver</th><th>Points</th></tr>
      <tr><td>1</td><td>Kyle Busch</td><td>5040</td></tr><tr><td>2</td><td>Martin Truex Jr.</td><td>85%</td></tr></table>
      <table><tr><td>2019</td></tr></table>`);
    const t = texts();
    const start = t.indexOf('Pos.');
    expect(t.slice(start, start + 9)).toEqual(['Pos.', 'Driver', 'Points', '1', 'Kyle Busch', '5040', '2', 'Martin Truex Jr.', '85%']);
    expect(t).not.toContain('2019');
  });

  it('translates a table footer that repeats the header row once, in the header', () => {
    page(`<table><thead><tr><th>Player</th><th>Plays</th></tr></thead><tfoot><tr><th>Player</th><th>Plays</th></tr></tfoot>
      <tbody><tr><td>Larry Ogunjobi</td><td>63</td></tr></tbody></table>
      <table><thead><tr><th>Team</th></tr></thead><tfoot><tr><td>Total of the season</td></tr></tfoot><tbody><tr><td>Browns</td></tr></tbody></table>`);
    const t = texts();
    expect(t.filter((x) => x === 'Player')).toHaveLength(1);
    expect(t).toContain('Larry Ogunjobi');
    expect(t).toContain('63');
    expect(t).toContain('Total of the season');
  });

  it('keeps block boundaries: a list item label and its sub-list are separate units', () => {
    page('<ul><li>Spending <ul><li>Roads and bridges in the north</li><li>Schools and libraries</li></ul></li></ul>');
    const t = texts();
    expect(t).toContain('Spending');
    expect(t).toContain('Roads and bridges in the north');
    expect(t).toContain('Schools and libraries');
    // No unit's text holds another unit's text.
    for (const a of t) for (const b of t) if (a !== b) expect(a.includes(b)).toBe(false);
  });

  it('keeps loose text beside blocks as its own unit, flagged as holding other units', () => {
    page('<div class="more">Loose text of an old page, written straight into a div.<br><br>Its second line.<p>A real paragraph inside the same div.</p></div>');
    const units = extractUnits(document).units;
    const loose = units.find((u) => u.text.startsWith('Loose text'));
    // Issue 10: <br><br> is a paragraph break kept in the text (one translation, its paragraphs apart).
    expect(loose?.text).toBe('Loose text of an old page, written straight into a div.\n\nIts second line.');
    expect(loose?.containsUnits).toBe(true);
    expect(units.find((u) => u.text === 'A real paragraph inside the same div.')?.containsUnits).toBeUndefined();
  });

  it('skips navigation, footer, comments, code, forms and ad boxes', () => {
    page(
      '<pre>const x = 1;</pre><p><code>npm run build</code></p><div class="ad-slot">Sponsored content from a partner brand here.</div>' +
        '<form><label>Your email address for the newsletter</label></form>',
      '<section class="comments"><p>I think this budget is a disgrace, honestly, and so do my neighbours.</p></section>',
    );
    const all = texts().join('\n');
    for (const bad of ['News section', 'Copyright', 'const x', 'npm run', 'Sponsored', 'newsletter', 'disgrace']) {
      expect(all).not.toContain(bad);
    }
  });

  it('skips hidden, do-not-translate and editable content, and Duet’s own nodes', () => {
    page(`<p hidden>Hidden by attribute, a sentence nobody sees.</p>
      <p aria-hidden="true">Hidden from assistive tech, a sentence.</p>
      <p style="display: none">Hidden by inline style, a sentence.</p>
      <p translate="no">A brand slogan that must stay as it is.</p>
      <p class="notranslate">Another slogan marked notranslate here.</p>
      <div contenteditable="true"><p>An editable draft paragraph in the page.</p></div>
      <p class="${CLASS_OWN}">Duet's own inserted translation text.</p>
      <${TAG_PAIR}><p>An original paragraph that Duet paired with its translation.</p><${TAG_TRANSLATION}>Duet's translation text of that paragraph.</${TAG_TRANSLATION}></${TAG_PAIR}>`);
    const all = texts().join('\n');
    for (const bad of ['Hidden by', 'assistive', 'slogan', 'editable draft', "Duet's own", "Duet's translation"]) {
      expect(all).not.toContain(bad);
    }
    expect(all).toContain(para(3));
    // The pair wrapper is Duet's, but the original inside it is the page's own text.
    expect(all).toContain('An original paragraph that Duet paired with its translation.');
  });
});

describe('extractUnits: purity', () => {
  // A path, not a URL object: in the jsdom environment `URL` is jsdom's.
  const dir = join(dirname(fileURLToPath(import.meta.url)), '../../../e2e/fixtures/news/');
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.html'))) {
    it(`${file}: does not change the document and returns its live elements`, () => {
      document.documentElement.innerHTML = readFileSync(dir + file, 'utf8').replace(/^[\s\S]*?<html[^>]*>|<\/html>\s*$/gi, '');
      const before = document.documentElement.outerHTML;
      for (const mode of ['article', 'whole-page'] as const) {
        const { units } = extractUnits(document, { mode });
        expect(units.length).toBeGreaterThan(0);
        for (const u of units) {
          expect(u.element.ownerDocument).toBe(document);
          expect(document.contains(u.element)).toBe(true);
        }
      }
      expect(document.documentElement.outerHTML).toBe(before);
    });
  }

  it('returns no units for an empty page', () => {
    expect(extractUnits(document)).toEqual({ isArticle: false, units: [] });
  });

  it('whole-page mode keeps main text blocks and leaves out nav and footer', () => {
    page('');
    const units = extractUnits(document, { mode: 'whole-page' }).units.map((u) => u.text);
    expect(units).toContain(para(1));
    expect(units.join('\n')).not.toMatch(/News section|Copyright/);
  });
});

describe('extractUnits on a page Duet has already rendered', () => {
  const dir = join(dirname(fileURLToPath(import.meta.url)), '../../../e2e/fixtures/news');
  const fixtures = readdirSync(dir).filter((f) => f.endsWith('.html'));

  // An endless page or a live blog is rescanned while translations are on screen: the rescan must
  // find the same units (same elements, same text), not new ones shaped by Duet's own wrappers.
  it.each(fixtures)('%s: the same units with every unit paired and translated', (file) => {
    const doc = new JSDOM(readFileSync(join(dir, file), 'utf8'), { url: `https://news.example/${file}` }).window.document;
    const mode = file.startsWith('front-page') ? 'whole-page' : 'article';
    const before = extractUnits(doc, { mode }).units;
    expect(before.length).toBeGreaterThan(0);
    const renderer = createRenderer(doc, { layout: 'side-by-side', targetLanguage: 'de' });
    renderer.showLoading(before);
    for (const u of before) renderer.showTranslation(u, `Übersetzung: ${u.text}`);
    expect(doc.querySelectorAll('duet-translation').length, 'the renderer added its translations inside the originals').toBe(before.length);
    const after = extractUnits(doc, { mode }).units;
    expect(after.map((u) => u.text)).toEqual(before.map((u) => u.text));
    expect(after.map((u) => u.element)).toEqual(before.map((u) => u.element));
    renderer.destroy();
  });

  it('a results table with a repeated footer and number cells rescans to the same units', () => {
    page(`<table><thead><tr><th>Player</th><th>Plays</th></tr></thead><tfoot><tr><th>Player</th><th>Plays</th></tr></tfoot>
      <tbody><tr><td>Larry Ogunjobi</td><td>63</td></tr></tbody></table>
      <figure><figcaption>The mayor speaks to reporters after the vote. (Photo: Jane Doe/Reuters)</figcaption></figure>`);
    const before = extractUnits(document).units;
    const renderer = createRenderer(document, { layout: 'side-by-side', targetLanguage: 'de' });
    renderer.showLoading(before);
    for (const u of before) renderer.showTranslation(u, `Übersetzung: ${u.text}`);
    const after = extractUnits(document).units;
    expect(after.map((u) => u.text)).toEqual(before.map((u) => u.text));
    expect(after.map((u) => u.element)).toEqual(before.map((u) => u.element));
    renderer.destroy();
  });
});
