import { describe, expect, it } from 'vitest';
import { decodeEntities, escapeHtml, htmlToText } from '../html-text';

describe('html-text', () => {
  it('escapes exactly & < > and newlines', () => {
    expect(escapeHtml('Tom & Jerry <3 "quoted" a>b\nnext')).toBe('Tom &amp; Jerry &lt;3 "quoted" a&gt;b<br>next');
  });

  it('decodes named, decimal and hex entities once, leaving unknown ones alone', () => {
    expect(decodeEntities('&amp;lt; &quot;x&quot; &#39;y&#39; &#x1F600; &mdash; &bogus; &#0; &#xD800;')).toBe('&lt; "x" \'y\' 😀 — &bogus; \ufffd \ufffd');
  });

  it('turns an HTML answer into text: tags dropped, escaped text kept literal', () => {
    expect(htmlToText('<b>Bold</b> &lt;script&gt;alert(1)&lt;/script&gt;<br/>line')).toBe('Bold <script>alert(1)</script>\nline');
  });

  it('round-trips text through escape → (service) → htmlToText', () => {
    const original = 'a < b && c > d\n<i>not a tag</i>';
    expect(htmlToText(escapeHtml(original))).toBe(original);
  });
});
