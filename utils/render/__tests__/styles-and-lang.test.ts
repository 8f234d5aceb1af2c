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
  it('stacks below the breakpoint for auto, always for stacked, never for side-by-side', () => {
    const media = `@media (max-width: ${STACK_BELOW_PX - 0.02}px)`;
    const stackedRule = `${TAG_PAIR} { display: block; }`;
    expect(buildStyles('auto')).toContain(media);
    expect(buildStyles('auto')).toContain(stackedRule);
    expect(buildStyles('stacked')).not.toContain(media);
    expect(buildStyles('stacked')).toContain(stackedRule);
    expect(buildStyles('side-by-side')).not.toContain(stackedRule);
  });

  it('guards against horizontal scrolling and respects reduced motion', () => {
    const css = buildStyles('auto');
    expect(css).toContain('overflow-wrap: anywhere');
    expect(css).toContain('minmax(0, 1fr)');
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
  it('wraps blocks and renders inside structural or inline elements', () => {
    const doc = new JSDOM(
      `<!doctype html><body><p id="p">x</p><blockquote id="q">x</blockquote><dl><dt id="dt">x</dt></dl>
       <div style="display:inline" id="inl">x</div><span id="s">x</span><ol><div id="bad">x</div></ol></body>`,
    ).window.document;
    const at = (id: string) => doc.getElementById(id)!;
    expect(choosePlacement(at('p'))).toBe('wrap');
    expect(choosePlacement(at('q'))).toBe('wrap');
    expect(choosePlacement(at('dt'))).toBe('inside');
    expect(choosePlacement(at('inl'))).toBe('inside');
    expect(choosePlacement(at('s'))).toBe('inside');
    expect(choosePlacement(at('bad'))).toBe('inside');
  });
});
