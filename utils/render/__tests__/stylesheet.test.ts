// @vitest-environment jsdom
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { STYLE_ID } from '../../dom-labels';
import { injectStyles } from '../stylesheet';

describe('injectStyles', () => {
  it('inserts one <style id="duet-style"> into <head>, updates it in place and removes it', () => {
    const doc = new JSDOM('<!doctype html><html><head></head><body></body></html>').window.document;
    const headBefore = doc.head.innerHTML;
    const styles = injectStyles(doc, 'p { color: red }');
    const el = doc.getElementById(STYLE_ID)!;
    expect(el.parentElement).toBe(doc.head);
    expect(el.textContent).toBe('p { color: red }');
    styles.update('p { color: blue }');
    expect(doc.getElementById(STYLE_ID)).toBe(el);
    expect(el.textContent).toBe('p { color: blue }');
    styles.remove();
    expect(doc.head.innerHTML).toBe(headBefore);
  });

  it('falls back to an adopted stylesheet when the page CSP blocks the <style> (no sheet), and removes it', () => {
    const { window } = new JSDOM('<!doctype html><html><head></head><body></body></html>');
    const doc = window.document;
    // What Chromium does under `style-src 'self'`: the element is inserted but gets no sheet.
    Object.defineProperty(window.HTMLStyleElement.prototype, 'sheet', { get: () => null });
    let adopted: CSSStyleSheet[] = [new window.CSSStyleSheet()];
    const pageSheet = adopted[0]!;
    Object.defineProperty(doc, 'adoptedStyleSheets', { get: () => adopted, set: (v: CSSStyleSheet[]) => (adopted = v), configurable: true });

    const styles = injectStyles(doc, 'duet-pair { display: grid; }');
    expect(adopted).toHaveLength(2);
    expect(adopted[0]).toBe(pageSheet); // the page's own sheets stay first and untouched
    expect([...adopted[1]!.cssRules].map((r) => r.cssText).join('')).toContain('display: grid');
    styles.update('duet-pair { display: block; }');
    expect([...adopted[1]!.cssRules].map((r) => r.cssText).join('')).toContain('display: block');
    styles.remove();
    expect(adopted).toEqual([pageSheet]);
    expect(doc.getElementById(STYLE_ID)).toBeNull();
  });
});
