// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { onTrustedClick } from '../trusted-click';

describe('onTrustedClick', () => {
  it("ignores a page script's scripted clicks (jsdom's element.click() is untrusted, like a page's)", () => {
    const button = document.createElement('button');
    const handler = vi.fn();
    onTrustedClick(button, handler);
    button.click();
    button.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    expect(handler).not.toHaveBeenCalled();
  });
});
