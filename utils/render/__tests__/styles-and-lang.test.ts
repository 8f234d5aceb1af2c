// @vitest-environment jsdom
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { ATTR_MODE, STYLE_ID, TAG_PAIR } from '../../dom-labels';
import { directionOf } from '../lang';
import { choosePlacement } from '../placement';
import { createRenderer } from '../renderer';
import { buildStyles, STACK_BELOW_PX } from '../styles';

describe('directionOf', () => {
  it('is rtl for Arabic, Hebrew, Persian and Urdu in any region, ltr otherwise', () => {
    for (const lang of ['ar', 'ar-EG', 'he', 'he-IL', 'fa', 'ur', 'UR-pk']) expect(directionOf(lang)).toBe('rtl');
    for (const lang of ['en', 'de-AT', 'zh-Hans', 'ja', 'tr', 'hu', '']) expect(directionOf(lang)).toBe('ltr');
  });
});

describe('buildStyles', () => {
  it('puts originals in two columns from the breakpoint up for auto, always for side-by-side, never for stacked', () => {
    const media = `@media (min-width: ${STACK_BELOW_PX}px)`;
    const columns = 'columns: 2';
    expect(buildStyles('auto')).toContain(media);
    expect(buildStyles('auto')).toContain(columns);
    expect(buildStyles('side-by-side')).not.toContain(media);
    expect(buildStyles('side-by-side')).toContain(columns);
    expect(buildStyles('stacked')).not.toContain(columns);
    expect(buildStyles('auto')).not.toContain(TAG_PAIR);
  });

  it('guards against horizontal scrolling and respects reduced motion', () => {
    const css = buildStyles('auto');
    expect(css).toContain('overflow-wrap: anywhere');
    expect(css).toContain('break-before: column');
    expect(css).toContain('max-width: 100%');
    expect(css).toMatch(/prefers-reduced-motion: reduce\)[^}]*animation: none/);
    expect(css).toContain(`html[${ATTR_MODE}="translation"]`);
  });

  it('setLayout rewrites the one stylesheet in place', () => {
    const doc = new JSDOM('<!doctype html><body><p>Text</p></body>').window.document;
    const renderer = createRenderer(doc, { layout: 'side-by-side', targetLanguage: 'de' });
    renderer.showLoading({ id: 'u0', element: doc.querySelector('p')!, text: 'Text', kind: 'paragraph' });
    const style = doc.getElementById(STYLE_ID)!;
    expect(style.textContent).toBe(buildStyles('side-by-side'));
    renderer.setLayout('stacked');
    expect(doc.querySelectorAll(`#${STYLE_ID}`)).toHaveLength(1);
    expect(doc.getElementById(STYLE_ID)).toBe(style);
    expect(style.textContent).toBe(buildStyles('stacked'));
  });
});

describe('choosePlacement', () => {
  it('puts every translation inside its original; blocks may take columns; flex and grid originals get a next sibling', () => {
    const doc = new JSDOM(
      `<!doctype html><body><p id="p">x</p><blockquote id="q">x</blockquote><dl><dt id="dt">x</dt></dl>
       <div style="display:inline" id="inl">x</div><span id="s">x</span><ol><div id="bad">x</div></ol>
       <div style="display:flex" id="flex">x</div><ul><li style="display:flex" id="fli">x</li></ul></body>`,
    ).window.document;
    const at = (id: string) => doc.getElementById(id)!;
    expect(choosePlacement(at('p'))).toEqual({ placement: 'inside', sideBySide: true });
    expect(choosePlacement(at('q'))).toEqual({ placement: 'inside', sideBySide: true });
    for (const id of ['dt', 'inl', 's', 'bad', 'fli']) expect(choosePlacement(at(id)), id).toEqual({ placement: 'inside', sideBySide: false });
    expect(choosePlacement(at('flex'))).toEqual({ placement: 'after', sideBySide: false });
  });
});
