// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TAG_UI_HOST } from '../../dom-labels';
import type { TabStatus } from '../../messaging/protocol';
import { AUTO_HIDE_MS, createProgressPill } from '../progress-pill';
import { trustScriptedClicks } from './trust-scripted-clicks';

trustScriptedClicks(); // the tests' clicks stand in for the reader's (trusted-click.ts)

const base: TabStatus = { mode: 'bilingual', isArticle: true, found: 40, translated: 0, fromCache: 0, failed: 0, pending: 0 };

/** The pill's shadow root is closed: capture it as it is created. */
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

function setup() {
  document.body.innerHTML = '<main><p>Article text</p></main>';
  const bodyBefore = document.body.innerHTML;
  const roots = captureShadowRoots();
  const callbacks = { onRetryFailed: vi.fn(), onTranslateWholePage: vi.fn(), onShowOriginal: vi.fn(), onToggleReveal: vi.fn() };
  const pill = createProgressPill(document, callbacks);
  const q = <T extends Element>(sel: string) => roots[0]!.querySelector<T>(sel)!;
  const visible = () => roots.length > 0 && !q<HTMLElement>('.pill').hidden;
  /** Open: the status and its buttons show; folded: only the small round control does. */
  const open = () => visible() && !q<HTMLElement>('.body').hidden;
  const folded = () => visible() && q<HTMLElement>('.body').hidden && !q<HTMLElement>('.fold').hidden;
  return { pill, callbacks, roots, q, visible, open, folded, bodyBefore };
}

describe('createProgressPill', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('adds nothing until there is something to show, then lives in a closed shadow root on <html>', () => {
    const { pill, roots, q, bodyBefore } = setup();
    pill.update({ ...base, mode: 'original' });
    expect(document.querySelector(TAG_UI_HOST)).toBeNull();
    pill.update({ ...base, translated: 12, pending: 28 });
    const host = document.querySelector(TAG_UI_HOST)!;
    expect(host.parentElement).toBe(document.documentElement);
    expect(host.shadowRoot).toBeNull(); // closed
    expect(roots).toHaveLength(1);
    expect(q('.text').textContent).toBe('Translating 12 of 40');
    expect(q<HTMLElement>('.action').hidden).toBe(true);
    expect(q<HTMLElement>('.bar > div').style.width).toBe('30%');
    expect(document.body.innerHTML).toBe(bodyBefore);
    pill.destroy();
    expect(document.querySelector(TAG_UI_HOST)).toBeNull();
  });

  it('wires Retry failed, Translate whole page and Show original to the callbacks', () => {
    const { pill, callbacks, q } = setup();
    pill.update({ ...base, translated: 37, failed: 3 });
    expect(q('.text').textContent).toBe('37 paragraphs translated · 3 failed');
    expect(q('.pill').classList.contains('failed')).toBe(true); // red only when something failed
    q<HTMLButtonElement>('.action').click();
    expect(callbacks.onRetryFailed).toHaveBeenCalledTimes(1);
    expect(callbacks.onTranslateWholePage).not.toHaveBeenCalled();

    pill.update({ ...base, isArticle: false, found: 0 });
    expect(q('.text').textContent).toBe('Not an article');
    expect(q('.action').textContent).toBe('Translate whole page');
    q<HTMLButtonElement>('.action').click();
    expect(callbacks.onTranslateWholePage).toHaveBeenCalledTimes(1);

    q<HTMLButtonElement>('.original').click();
    expect(callbacks.onShowOriginal).toHaveBeenCalledTimes(1);
    pill.destroy();
  });

  it('folds into a small lasting control a few seconds after completion, and opens again on a click', () => {
    const { pill, q, open, folded } = setup();
    pill.update({ ...base, translated: 39, pending: 1 });
    vi.advanceTimersByTime(AUTO_HIDE_MS * 2);
    expect(open()).toBe(true); // still working: never folds
    pill.update({ ...base, translated: 40 });
    expect(q('.text').textContent).toBe('40 paragraphs translated');
    vi.advanceTimersByTime(AUTO_HIDE_MS - 1);
    pill.update({ ...base, translated: 40 }); // repeated status does not restart the timer
    vi.advanceTimersByTime(1);
    expect(folded()).toBe(true); // still on the page: the way back to the controls
    expect(q('.fold').getAttribute('aria-expanded')).toBe('false');
    pill.update({ ...base, found: 60, translated: 40, pending: 20 }); // scrolling on: progress stays folded
    expect(folded()).toBe(true);
    q<HTMLButtonElement>('.fold').click();
    expect(open()).toBe(true);
    pill.update({ ...base, found: 60, translated: 60 });
    vi.advanceTimersByTime(AUTO_HIDE_MS * 2);
    expect(open()).toBe(true); // opened by the reader: stays until they fold it
    pill.destroy();
  });

  it('keeps failures open until folded; a new failure or offer opens the folded control', () => {
    const { pill, q, open, folded, visible } = setup();
    pill.update({ ...base, translated: 38, failed: 2 });
    vi.advanceTimersByTime(AUTO_HIDE_MS * 3);
    expect(open()).toBe(true);
    q<HTMLButtonElement>('.close').click();
    expect(folded()).toBe(true);
    pill.update({ ...base, translated: 38, failed: 2 });
    expect(folded()).toBe(true);
    pill.update({ ...base, translated: 37, failed: 3 });
    expect(open()).toBe(true);
    pill.update({ ...base, mode: 'original', translated: 38, failed: 2 });
    expect(visible()).toBe(false); // Original: the control goes away
    pill.destroy();
  });

  it('offers the whole page on an always-translate site page that is not an article', () => {
    const { pill, q, open, callbacks } = setup();
    pill.offerWholePage();
    expect(open()).toBe(true);
    expect(q('.text').textContent).toBe('Not an article');
    expect(q<HTMLElement>('.original').hidden).toBe(true); // nothing translated to hide yet
    q<HTMLButtonElement>('.action').click();
    expect(callbacks.onTranslateWholePage).toHaveBeenCalledTimes(1);
    pill.update({ ...base, isArticle: false, found: 12, pending: 12, wholePage: true });
    expect(q<HTMLElement>('.action').hidden).toBe(true); // gone once used
    pill.destroy();
  });

  describe('with a first-show delay', () => {
    function delayed() {
      document.body.innerHTML = '<main><p>Article text</p></main>';
      const roots = captureShadowRoots();
      const pill = createProgressPill(document, { onRetryFailed: vi.fn(), onTranslateWholePage: vi.fn(), onShowOriginal: vi.fn() }, { firstShowDelayMs: 60 });
      const text = () => roots[0]?.querySelector('.text')?.textContent;
      return { pill, text };
    }

    it('keeps "Translating 0/N" off the page until the delay has passed, then shows the latest status', () => {
      const { pill, text } = delayed();
      pill.update({ ...base, pending: 40 });
      vi.advanceTimersByTime(59);
      expect(document.querySelector(TAG_UI_HOST)).toBeNull();
      pill.update({ ...base, found: 41, pending: 41 });
      vi.advanceTimersByTime(1);
      expect(document.querySelector(TAG_UI_HOST)).not.toBeNull();
      expect(text()).toBe('Translating 0 of 41');
      pill.destroy();
    });

    it('shows at once when translations arrive first (same layout as the translations), and never after Original', () => {
      const { pill, text } = delayed();
      pill.update({ ...base, pending: 40 });
      pill.update({ ...base, translated: 7, fromCache: 7, pending: 33 });
      expect(text()).toBe('Translating 7 of 40');
      pill.destroy();

      const second = delayed();
      second.pill.update({ ...base, pending: 40 });
      second.pill.update({ ...base, mode: 'original', pending: 0 });
      vi.advanceTimersByTime(500);
      expect(document.querySelector(TAG_UI_HOST)).toBeNull();
      second.pill.destroy();
    });
  });

  it('learning mode: "Reveal all" / "Blur again" only while learning is on, and it calls back', () => {
    const { pill, callbacks, q } = setup();
    pill.update({ ...base, translated: 40 });
    expect(q<HTMLButtonElement>('.reveal').hidden).toBe(true);
    pill.setLearning('hidden');
    expect(q<HTMLButtonElement>('.reveal').hidden).toBe(false);
    expect(q<HTMLButtonElement>('.reveal').textContent).toBe('Reveal all');
    q<HTMLButtonElement>('.reveal').click();
    expect(callbacks.onToggleReveal).toHaveBeenCalledTimes(1);
    pill.setLearning('revealed');
    expect(q<HTMLButtonElement>('.reveal').textContent).toBe('Blur again');
    pill.setLearning(null);
    expect(q<HTMLButtonElement>('.reveal').hidden).toBe(true);
  });
});
