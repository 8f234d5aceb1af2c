// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { blockMarkup } from '../../extract/block-markup';
import type { Unit } from '../../extract/types';
import { COPIED_ATTRIBUTES, MAX_GROWTH, MIN_CAP_CHARS } from '../inline-tags';
import { capAnswer, rebuildTranslation } from '../rebuild';
import { fillTranslation, wireText } from '../unit-markup';

/** The page paragraph every test rebuilds against: a link (with target/rel), bold, italic, code and a footnote. */
const PARAGRAPH =
  'Den Bericht gibt es <a href="https://example.org/bericht.pdf" target="_blank" rel="noopener" class="pdf" style="color:red" onclick="steal()" data-track="1">hier als PDF</a>, ' +
  '<strong>exklusiv</strong> und <em>kostenlos</em> mit <code>curl -O</code><sup><a href="#fn1">1</a></sup>.';

let p: HTMLElement;
let source: { markup: string; inline: Element[] };
beforeEach(() => {
  document.body.innerHTML = `<article><p id="p">${PARAGRAPH}</p></article><div id="out"></div>`;
  p = document.getElementById('p')!;
  source = blockMarkup(p);
});

function rebuild(answer: string): HTMLElement {
  const out = document.getElementById('out')!;
  out.textContent = '';
  out.append(rebuildTranslation(document, answer, source));
  return out;
}

/** Every element in the rebuilt translation, with every attribute it carries. */
function elementsOf(root: Element): { tag: string; attrs: Record<string, string> }[] {
  return [...root.querySelectorAll('*')].map((e) => ({ tag: e.localName, attrs: Object.fromEntries([...e.attributes].map((a) => [a.name, a.value])) }));
}
const ALLOWED = new Set(['a', 'strong', 'b', 'em', 'i', 'u', 's', 'strike', 'sub', 'sup', 'code', 'mark', 'small', 'abbr', 'q', 'br']);
function expectOnlyWhitelisted(root: Element): void {
  for (const { tag, attrs } of elementsOf(root)) {
    expect(ALLOWED.has(tag), `element <${tag}> outside the whitelist`).toBe(true);
    const allowedAttrs = COPIED_ATTRIBUTES[tag.toUpperCase()] ?? [];
    for (const name of Object.keys(attrs)) expect(allowedAttrs, `attribute ${name} on <${tag}>`).toContain(name);
  }
}

describe('rebuildTranslation: a faithful answer', () => {
  it('sends the paragraph as numbered placeholders', () => {
    expect(source.markup).toBe('Den Bericht gibt es <a0>hier als PDF</a0>, <b1>exklusiv</b1> und <i2>kostenlos</i2> mit <code3>curl -O</code3><sup4><a5>1</a5></sup4>.');
  });

  it('rebuilds links with the original href/target/rel and nothing else, and emphasis as the original tags', () => {
    const out = rebuild('The report is available <a0>here as a PDF</a0>, <b1>exclusively</b1> and <i2>free</i2> with <code3>curl -O</code3><sup4><a5>1</a5></sup4>.');
    expect(out.textContent).toBe('The report is available here as a PDF, exclusively and free with curl -O1.');
    expect(elementsOf(out)).toEqual([
      { tag: 'a', attrs: { href: 'https://example.org/bericht.pdf', target: '_blank', rel: 'noopener' } },
      { tag: 'strong', attrs: {} },
      { tag: 'em', attrs: {} },
      { tag: 'code', attrs: {} },
      { tag: 'sup', attrs: {} },
      { tag: 'a', attrs: { href: '#fn1' } },
    ]);
    expect(out.querySelector('sup > a')!.textContent).toBe('1');
  });

  it('follows the provider\'s order when it moves tags with their words', () => {
    const out = rebuild('<i2>Free</i2> and <b1>exclusive</b1>: the report <a0>as a PDF</a0>.');
    expect([...out.children].map((e) => e.localName)).toEqual(['em', 'strong', 'a']);
    expect(out.querySelector('a')!.textContent).toBe('as a PDF');
  });

  it('shows the original code text, never the provider\'s version of it', () => {
    const out = rebuild('Use <code3>boucle -O</code3> now.');
    expect(out.querySelector('code')!.textContent).toBe('curl -O');
  });
});

describe('rebuildTranslation: hostile or broken answers stay inert text', () => {
  const HOSTILE = [
    '<script>document.title="pwned"</script>Text',
    '<img src=x onerror="document.title=\'pwned\'">Text',
    '<svg onload="document.title=\'pwned\'"><a0 xlink:href="javascript:alert(1)">here</a0></svg>Text',
    '<math><mi xlink:href="javascript:alert(1)">x</mi></math>Text',
    '<iframe srcdoc="<script>parent.document.title=1</script>"></iframe>Text',
    '<a0 href="javascript:alert(1)" onclick="alert(1)" style="position:fixed">here</a0>Text',
    '<a href="https://evil.example/">evil</a> <a0 href="data:text/html,<script>alert(1)</script>">here</a0>',
    '<b1 style="background:url(javascript:alert(1))" class="x" id="y">bold</b1><style>*{display:none}</style>',
    '<form action="https://evil.example"><input name=q><button>Go</button></form><object data="x"></object><embed src="x">',
    '<template><img src=x onerror=alert(1)></template><noscript><img src=x onerror=alert(1)></noscript>',
    '&lt;script&gt;alert(1)&lt;/script&gt; &amp;lt;b&amp;gt; &#60;img src=x onerror=alert(1)&#62;',
    '<!--<a0>--><a0><!-- x --></a0><![CDATA[<script>x</script>]]><?xml-stylesheet href="x"?>',
    '<meta http-equiv="refresh" content="0;url=https://evil.example"><link rel=stylesheet href=x><base href="https://evil.example/">Text',
    '<details open ontoggle=alert(1)>x</details><video><source onerror=alert(1)></video><marquee onstart=alert(1)>m</marquee>',
  ];

  it.each(HOSTILE)('%s', (answer) => {
    const title = document.title;
    const out = rebuild(answer);
    expectOnlyWhitelisted(out);
    for (const a of out.querySelectorAll('a')) expect(['https://example.org/bericht.pdf', '#fn1']).toContain(a.getAttribute('href'));
    expect(document.title).toBe(title);
    expect(document.querySelectorAll('script, img, iframe, svg, style, base, meta, link')).toHaveLength(0);
  });

  it('entities decode to text exactly once (an escaped tag is shown, never built)', () => {
    const out = rebuild('&lt;a0&gt;x&lt;/a0&gt; &amp;lt; &quot;q&quot; &#x41;&nbsp;B');
    expect(out.children).toHaveLength(0);
    expect(out.textContent).toBe('<a0>x</a0> &lt; "q" A\u00a0B');
  });

  it('forged placeholders become text: unknown numbers, wrong kinds, repeats, links inside links', () => {
    const out = rebuild('<a9>nine</a9> <b0>wrong kind</b0> <a0>first</a0> <a0>again</a0> <i2>x <a5>inner</a5></i2> <a0x>odd</a0x>');
    expect(out.textContent).toBe('nine wrong kind first again x inner odd');
    expect([...out.querySelectorAll('a')].map((a) => a.textContent)).toEqual(['first', 'inner']);
    // A provider nesting one link in another gets the inner words as text of the outer link.
    const nested = rebuild('<a0>outer <a5>inner</a5></a0>');
    expect(nested.querySelectorAll('a')).toHaveLength(1);
    expect(nested.textContent).toBe('outer inner');
  });

  it('dropped, unbalanced and misnested tags still read as the whole translation', () => {
    expect(rebuild('The report here as a PDF.').textContent).toBe('The report here as a PDF.');
    const out = rebuild('<a0>here <b1>bold</a0> rest</b1> <i2>open');
    expect(out.textContent).toBe('here bold rest open');
    expectOnlyWhitelisted(out);
    expect(out.querySelector('a')!.getAttribute('href')).toBe('https://example.org/bericht.pdf');
  });

  it('line breaks: as many as the original had; invented ones read as spaces', () => {
    document.body.innerHTML = '<p id="q">eins<br>zwei</p><div id="out"></div>';
    source = blockMarkup(document.getElementById('q')!);
    const out = rebuild('one<br>two<br><br>three');
    expect(out.querySelectorAll('br')).toHaveLength(1);
    expect(out.textContent).toBe('onetwo  three');
  });

  it('a deep tag bomb is flattened to text past a fixed depth', () => {
    const out = rebuild(`${'<span>'.repeat(60)}deep${'</span>'.repeat(60)}<b1>ok</b1>`); // under the length cap, past MAX_DEPTH
    expect(out.textContent).toBe('deepok');
    expect(out.querySelectorAll('*').length).toBe(1);
  });

  it('caps a 1 MB answer for a 150-character paragraph at a sane multiple of its source, quickly', () => {
    const huge = `<a0>${'x'.repeat(500_000)}</a0>${'<b1>'.repeat(100_000)}`;
    expect(huge.length).toBeGreaterThan(900_000);
    const started = performance.now();
    const out = rebuild(huge);
    const ms = performance.now() - started;
    expect(out.textContent!.length).toBeLessThanOrEqual(Math.max(MIN_CAP_CHARS, source.markup.length * MAX_GROWTH) + 1);
    expect(out.querySelectorAll('a')).toHaveLength(1);
    // A guard against super-linear work on hostile input (~tens of ms normally), loose enough for a loaded machine.
    expect(ms).toBeLessThan(5_000);
    expect(capAnswer('short', source.markup)).toBe('short');
  });

  it('a link whose ORIGINAL is javascript: or data: is rebuilt as its words only', () => {
    document.body.innerHTML = '<p id="q"><a href="javascript:void(0)">eins</a> <a href=" JaVaScRiPt:alert(1)">zwei</a> <a href="data:text/html,x">drei</a> <a href="mailto:a@b.example">vier</a></p><div id="out"></div>';
    source = blockMarkup(document.getElementById('q')!);
    const out = rebuild('<a0>one</a0> <a1>two</a1> <a2>three</a2> <a3>four</a3>');
    expect([...out.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual(['mailto:a@b.example']);
    expect(out.textContent).toBe('one two three four');
  });
});

describe('RTL and CJK with links', () => {
  it.each([
    ['ar', 'قال <a href="/minister">الوزير</a> إن <strong>المياه</strong> تكفي.', 'The <a0>minister</a0> said the <b1>water</b1> is enough.', 'minister'],
    ['zh', '据<a href="/reuters">路透社</a>报道，<em>水库</em>已满。', 'According to <a0>Reuters</a0>, the <i1>reservoir</i1> is full.', 'Reuters'],
    ['en→ja', 'The <a href="/dam">dam</a> is <b>full</b>.', '<a0>ダム</a0>は<b1>満杯</b1>です。', 'ダム'],
    ['en→he', 'The <a href="/dam">dam</a> is <b>full</b>.', 'ה<a0>סכר</a0> <b1>מלא</b1>.', 'סכר'],
  ])('%s', (_lang, html, answer, linkText) => {
    document.body.innerHTML = `<p id="q">${html}</p><div id="out"></div>`;
    source = blockMarkup(document.getElementById('q')!);
    const out = rebuild(answer);
    const link = out.querySelector('a')!;
    expect(link.textContent).toBe(linkText);
    expect(link.getAttribute('href')).toBe(document.querySelector('#q a')!.getAttribute('href'));
    expect(out.querySelectorAll('strong, b, em, i')).toHaveLength(1);
  });
});

describe('unit glue (wireText / fillTranslation)', () => {
  const unitOf = (element: Element, text: string): Unit => ({ id: 'u1', element, text, kind: 'paragraph' });

  it('sends the markup and rebuilds against the same elements', () => {
    const unit = unitOf(p, 'Den Bericht gibt es hier als PDF, exklusiv und kostenlos mit 1.');
    expect(wireText(unit)).toBe(source.markup);
    const target = document.getElementById('out')!;
    fillTranslation(target, unit, 'Report <a0>here</a0>.');
    expect(target.querySelector('a')!.href).toBe('https://example.org/bericht.pdf');
  });

  it('falls back to the plain text when the element no longer says what the unit says', () => {
    const unit = unitOf(p, 'Something the page has since replaced');
    expect(wireText(unit)).toBe('Something the page has since replaced');
    const nested = unitOf(p, 'Loose & text');
    expect(wireText({ ...nested, containsUnits: true })).toBe('Loose &amp; text');
  });
});
