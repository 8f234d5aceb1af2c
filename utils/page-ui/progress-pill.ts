import { CLASS_OWN, TAG_UI_HOST } from '../dom-labels';
import type { TabStatus } from '../messaging/protocol';
import { PILL_CSS } from './pill-styles';
import { pillView, type PillView } from './pill-view';
import { onTrustedClick } from './trusted-click';

export interface ProgressPillCallbacks {
  onRetryFailed(): void;
  onTranslateWholePage(): void;
  onShowOriginal(): void;
}

export interface ProgressPillOptions {
  /**
   * A pill with nothing done yet ("Translating 0/12") waits this long before it is added to the page,
   * so an answer from the cache lands in the same layout as the pill instead of queueing behind a
   * layout of the whole page caused by the pill alone (traced on a 60,000-element page: 40–80 ms).
   */
  firstShowDelayMs?: number;
}

export interface ProgressPill {
  update(status: TabStatus): void;
  /** Removes the pill's host element and stops its timer. */
  destroy(): void;
}

/** How long a finished pill stays before hiding itself. */
export const AUTO_HIDE_MS = 4000;

/**
 * A small fixed pill showing translation progress, with the one action that fits the moment.
 * It lives in a closed shadow root on a <duet-ui> host appended to <html> — outside <body>, so the
 * body's HTML stays exactly the page's own, and page CSS cannot restyle it.
 * Nothing is added to the page until there is something to show.
 */
export function createProgressPill(doc: Document, callbacks: ProgressPillCallbacks, options: ProgressPillOptions = {}): ProgressPill {
  let ui: ReturnType<typeof buildUi> | null = null;
  let firstShowTimer: ReturnType<typeof setTimeout> | undefined;
  let current: PillView | null = null;
  /** Text of a view the reader dismissed or that hid itself: not shown again until the text changes. */
  let hiddenKey: string | null = null;
  let hideTimer: ReturnType<typeof setTimeout> | undefined;

  const keyOf = (view: PillView) => `${view.text}|${view.action?.kind ?? ''}`;

  function hide(): void {
    clearTimeout(hideTimer);
    hideTimer = undefined;
    if (current) hiddenKey = keyOf(current);
    if (ui) ui.pill.hidden = true;
  }

  function buildUi() {
    const host = doc.createElement(TAG_UI_HOST);
    host.className = CLASS_OWN;
    host.setAttribute('translate', 'no');
    const root = host.attachShadow({ mode: 'closed' });
    const pill = doc.createElement('div');
    pill.className = 'pill';
    pill.lang = 'en';
    const text = doc.createElement('span');
    text.className = 'text';
    text.setAttribute('role', 'status');
    text.setAttribute('aria-live', 'polite');
    const action = button('action', '', () => {
      if (current?.action?.kind === 'retry-failed') callbacks.onRetryFailed();
      else if (current?.action?.kind === 'translate-whole-page') callbacks.onTranslateWholePage();
    });
    const original = button('original', 'Show original', () => callbacks.onShowOriginal());
    const close = button('close', '×', hide);
    close.setAttribute('aria-label', 'Hide');
    const bar = doc.createElement('div');
    bar.className = 'bar';
    const fill = doc.createElement('div');
    bar.append(fill);
    pill.append(text, action, original, close, bar);
    adoptStyles(root);
    root.append(pill);
    doc.documentElement.append(host);
    return { host, pill, text, action, bar, fill };
  }

  /** A constructed sheet is not subject to the page's style-src CSP; a <style> element is the fallback. */
  function adoptStyles(root: ShadowRoot): void {
    const view = doc.defaultView;
    try {
      if (view && 'adoptedStyleSheets' in view.ShadowRoot.prototype) {
        const sheet = new view.CSSStyleSheet();
        sheet.replaceSync(PILL_CSS);
        root.adoptedStyleSheets = [sheet];
        return;
      }
    } catch {
      // Some engines refuse sheets built in a content script's world: fall through.
    }
    const style = doc.createElement('style');
    style.textContent = PILL_CSS;
    root.append(style);
  }

  function button(className: string, label: string, onClick: () => void): HTMLButtonElement {
    const b = doc.createElement('button');
    b.type = 'button';
    b.className = className;
    b.textContent = label;
    onTrustedClick(b, onClick);
    return b;
  }

  /** True when this view's first appearance should wait (nothing on the page has changed yet). */
  function deferFirstShow(view: PillView): boolean {
    if (ui || !options.firstShowDelayMs || view.progress !== 0) return false;
    firstShowTimer ??= setTimeout(() => {
      firstShowTimer = undefined;
      if (!ui && current && keyOf(current) !== hiddenKey) render(current);
    }, options.firstShowDelayMs);
    return true;
  }

  function render(view: PillView): void {
    clearTimeout(firstShowTimer);
    firstShowTimer = undefined;
    ui ??= buildUi();
    ui.text.textContent = view.text;
    ui.action.hidden = !view.action;
    ui.action.textContent = view.action?.label ?? '';
    ui.bar.hidden = view.progress === undefined;
    ui.fill.style.width = `${Math.round((view.progress ?? 0) * 100)}%`;
    ui.pill.hidden = false;
  }

  return {
    update(status) {
      const view = pillView(status);
      const previousKey = current && keyOf(current);
      current = view;
      if (!view) {
        hiddenKey = null;
        clearTimeout(hideTimer);
        hideTimer = undefined;
        if (ui) ui.pill.hidden = true;
        return;
      }
      const key = keyOf(view);
      if (key === hiddenKey) return;
      hiddenKey = null;
      if (deferFirstShow(view)) return;
      render(view);
      if (!view.complete) {
        clearTimeout(hideTimer);
        hideTimer = undefined;
      } else if (hideTimer === undefined || key !== previousKey) {
        clearTimeout(hideTimer);
        hideTimer = setTimeout(hide, AUTO_HIDE_MS);
      }
    },
    destroy() {
      clearTimeout(hideTimer);
      clearTimeout(firstShowTimer);
      firstShowTimer = undefined;
      ui?.host.remove();
      ui = null;
      current = null;
    },
  };
}
