// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { blockMarkup, withoutCode } from '../block-markup';
import { blockText } from '../block-text';
import { markupToPlain } from '../../rich-text/wire';

function block(html: string): Element {
  document.body.innerHTML = `<p id="x">${html}</p>`;
  return document.getElementById('x')!;
}
const plainOf = (markup: string) => markupToPlain(markup, ' ').replace(/\s+/g, ' ').trim();

describe('blockMarkup', () => {
  it('numbers kept inline elements in reading order and maps each number to its element', () => {
    const el = block('Lesen Sie <a href="/pdf">hier als <strong>PDF</strong></a> und <em>jetzt</em>.');
    const { markup, inline } = blockMarkup(el);
    expect(markup).toBe('Lesen Sie <a0>hier als <b1>PDF</b1></a0> und <i2>jetzt</i2>.');
    expect(inline.map((e) => e.tagName)).toEqual(['A', 'STRONG', 'EM']);
    expect(inline[0]!.getAttribute('href')).toBe('/pdf');
  });

  it('reads other elements as their text and leaves skipped ones out, like blockText', () => {
    const el = block(
      'A <span class="x">span <b>bold</b></span> <cite>cite</cite> <script>bad()</script><span hidden>hidden</span> <button>Share</button>' +
        '<sup><a href="#fn1">1</a></sup> <code>x &lt; y</code>',
    );
    const { markup } = blockMarkup(el);
    expect(markup).toBe('A span <b0>bold</b0> cite <sup1><a2>1</a2></sup1> <code3>x &lt; y</code3>');
    // Inline code travels with its text (the sentence reads whole) but is not part of the unit's text.
    expect(plainOf(withoutCode(markup))).toBe(blockText(el));
  });

  it('collapses whitespace across tag boundaries and trims inside leading and trailing tags', () => {
    const el = block('\n  <a href="/a">  Vorne </a>  mitten   <i> hinten  </i>\n ');
    const { markup } = blockMarkup(el);
    expect(markup).toBe('<a0>Vorne </a0>mitten <i1>hinten</i1>');
    expect(plainOf(markup)).toBe(blockText(el));
  });

  it('drops elements without text (an image-only link) and line breaks at the ends, keeps inner <br>', () => {
    const el = block('<br><a href="/i"><img src="x.png" alt=""></a>Erste Zeile<br>zweite <b> </b>Zeile<br>');
    const { markup } = blockMarkup(el);
    expect(markup).toBe('Erste Zeile<br>zweite Zeile');
    expect(plainOf(markup)).toBe(blockText(el));
  });

  it('escapes text so page text can never pose as a tag', () => {
    const el = block('Use &lt;a0&gt;this&lt;/a0&gt; &amp; <b>that</b>');
    expect(blockMarkup(el).markup).toBe('Use &lt;a0&gt;this&lt;/a0&gt; &amp; <b0>that</b0>');
  });

  it('agrees with blockText on adjacent and nested elements, RTL and CJK text', () => {
    for (const html of [
      '<b>eins</b><i>zwei</i><u>drei</u> <s>vier</s><sub>5</sub><sup>6</sup><mark>7</mark><small>8</small><abbr title="x">9</abbr><q>10</q>',
      'قال <a href="/x">الوزير</a> إن <strong>المياه</strong> تكفي.',
      '据<a href="/r">路透社</a>报道，<em>水库</em>已满。',
    ]) {
      const el = block(html);
      expect(plainOf(blockMarkup(el).markup)).toBe(blockText(el));
    }
  });
});
