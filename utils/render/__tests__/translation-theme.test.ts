// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { ATTR_SIZE, ATTR_STYLE, TAG_TRANSLATION } from '../../dom-labels';
import { buildStyles } from '../styles';
import { applyTheme, TRANSLATION_THEME_CSS } from '../translation-theme';

describe('translation theme', () => {
  it('puts the choice on <html> and takes it away again', () => {
    applyTheme(document, { translationStyle: 'sidebar', translationSize: 'larger' });
    expect(document.documentElement.getAttribute(ATTR_STYLE)).toBe('sidebar');
    expect(document.documentElement.getAttribute(ATTR_SIZE)).toBe('larger');
    applyTheme(document, null);
    expect(document.documentElement.hasAttribute(ATTR_STYLE)).toBe(false);
    expect(document.documentElement.hasAttribute(ATTR_SIZE)).toBe(false);
  });

  it('is keyed only on the translation tag and the root attributes, and is part of the page stylesheet', () => {
    for (const rule of TRANSLATION_THEME_CSS.split('}').map((r) => r.trim()).filter(Boolean)) {
      const selector = rule.split('{')[0]!;
      for (const part of selector.split(',')) expect(part.trim()).toMatch(new RegExp(`^html\\[data-duet-(style|size)(="[a-z]+")?\\](:not\\(\\[data-duet-style="muted"\\]\\))? ${TAG_TRANSLATION}`));
    }
    expect(buildStyles('auto')).toContain(TRANSLATION_THEME_CSS);
  });

  it('never breaks words mid-word (only a word wider than the whole line may wrap)', () => {
    expect(TRANSLATION_THEME_CSS).toContain('overflow-wrap: break-word');
    expect(TRANSLATION_THEME_CSS).toContain('hyphens: manual');
    expect(TRANSLATION_THEME_CSS).not.toContain('anywhere');
  });

  it('tints with a translucent neutral grey, which darkens light pages and lightens dark ones', () => {
    expect(TRANSLATION_THEME_CSS).toMatch(/data-duet-style="tint"\] duet-translation\[data-duet-state="done"\] \{ background-color: rgba\(127, 127, 127, 0\.12\)/);
  });
});
