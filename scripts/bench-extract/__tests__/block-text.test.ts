// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { blockText } from '../block-text';

describe('blockText (Readability reference text)', () => {
  it('keeps block boundaries as blank lines and <br> as line breaks', () => {
    const div = document.createElement('div');
    div.innerHTML = '<h2>Title</h2><p>One <b>bold</b> word</p><ul><li>a</li><li>b</li></ul>line<br>next';
    expect(blockText(div)).toBe('Title\n\nOne bold word\n\na\n\nb\n\nline\n\nnext');
  });
});
