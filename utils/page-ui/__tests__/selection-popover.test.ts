// @vitest-environment jsdom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { TAG_UI_HOST } from '../../dom-labels';
import { createSelectionPopover } from '../selection-popover';

function captureShadowRoots(): ShadowRoot[] {
  const roots: ShadowRoot[] = [];
  const original = Element.prototype.attachShadow;
  vi.spyOn(Element.prototype, 'attachShadow').mockImplementation(function (this: Element, init: ShadowRootInit) {
    const root = original.call(this, init);
    roots.push(root);
    return root;
  });
  return roots;
}

beforeEach(() => {
  document.body.innerHTML = '<p id="p">La sequía obliga a Navalcruz</p>';
});

describe('selection popover', () => {
  it('shows the translation as text in a closed shadow root outside <body>, and closes on Escape', () => {
    const roots = captureShadowRoots();
    const bodyBefore = document.body.innerHTML;
    const popover = createSelectionPopover(document);
    popover.show({ type: 'showSelection', original: 'La sequía', translation: '<b>The drought</b>', lang: 'en' });
    const host = document.querySelector(TAG_UI_HOST)!;
    expect(host.parentElement).toBe(document.documentElement);
    expect(host.shadowRoot).toBeNull();
    const text = roots[0]!.querySelector('.text')!;
    expect(text.textContent).toBe('<b>The drought</b>'); // text, never HTML
    expect(text.querySelector('b')).toBeNull();
    expect(text.getAttribute('lang')).toBe('en');
    expect(document.body.innerHTML).toBe(bodyBefore);
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    expect(document.querySelector(TAG_UI_HOST)).toBeNull();
  });

  it('shows an error in words, and one popover at a time', () => {
    const roots = captureShadowRoots();
    const popover = createSelectionPopover(document);
    popover.show({ type: 'showSelection', original: 'x', translation: 'y' });
    popover.show({ type: 'showSelection', original: 'x', error: { kind: 'network', message: "Couldn't reach the translation service.", retryable: true } });
    expect(document.querySelectorAll(TAG_UI_HOST)).toHaveLength(1);
    expect(roots[1]!.querySelector('[role=alert]')?.textContent).toBe("Couldn't reach the translation service.");
    (roots[1]!.querySelector('button') as HTMLButtonElement).click();
    expect(popover.isOpen()).toBe(false);
  });
});
