import { t, uiDirection, uiLocale } from '../i18n/t';
import { createUiHost } from './ui-host';
import type { TabStatus } from '../messaging/protocol';
import { PILL_CSS } from './pill-styles';
import { pillView, wholePageOffer, type PillView } from './pill-view';
import { onTrustedClick } from './trusted-click';

export interface ProgressPillCallbacks {
  onRetryFailed(): void;
  onTranslateWholePage(): void;
  onShowOriginal(): void;
  /** Learning mode: "Reveal all" / "Blur again" was pressed. */
  onToggleReveal?(): void;
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
  /** An always-translate site's page that is not an article: say so and offer the whole page. */
  offerWholePage(): void;
  /** Learning mode's state on this page (null: off): shows "Reveal all" or "Blur again". */
  setLearning(state: 'hidden' | 'revealed' | null): void;
  /** Removes the pill's host element and stops its timer. */
  destroy(): void;
}

/** How long a finished pill stays open before folding into its small control. */
export const AUTO_HIDE_MS = 4000;

/**
 * The on-page control of a translated page: open, it shows progress with the one action that fits the
 * moment and "Show original"; finished, it folds into a small round button that stays as long as the
 * page is translated (a lasting way back to the controls without the toolbar). It speaks the reader's
 * language and follows that language's direction (an Arabic UI reads right to left on an English page).
 * It lives in a closed shadow root on a <duet-ui> host appended to <html> — outside <body>, so the
 * body's HTML stays exactly the page's own, and page CSS cannot restyle it.
 * Nothing is added to the page until there is something to show.
 */
export function createProgressPill(doc: Document, callbacks: ProgressPillCallbacks, options: ProgressPillOptions = {}): ProgressPill {
  let ui: ReturnType<typeof buildUi> | null = null;
  let firstShowTimer: ReturnType<typeof setTimeout> | undefined;
  let current: PillView | null = null;
  /** Folded into the small control (by the reader or after completion). */
  let folded = false;
  /** The reader opened the control: it stays open until they fold it. */
  let openedByReader = false;
  let foldTimer: ReturnType<typeof setTimeout> | undefined;
  /** "Translate whole page" is on offer: statuses of the untouched page (Original) do not take it away. */
  let offering = false;
  let learning: 'hidden' | 'revealed' | null = null;

  const keyOf = (view: PillView) => `${view.text}|${view.action?.kind ?? ''}`;
  /** Views that need the reader (a failure, an offer) open a folded control; progress does not. */
  const needsReader = (view: PillView) => !!view.action;

  function setFolded(next: boolean): void {
    folded = next;
    clearTimeout(foldTimer);
    foldTimer = undefined;
    if (!ui) return;
    ui.body.hidden = next;
    ui.fold.hidden = !next;
    ui.fold.setAttribute('aria-expanded', String(!next));
    ui.pill.classList.toggle('folded', next);
  }

  function buildUi() {
    const { host, root, remove } = createUiHost(doc);
    const pill = doc.createElement('div');
    pill.className = 'pill';
    pill.lang = uiLocale();
    pill.dir = uiDirection();
    pill.setAttribute('role', 'region');
    pill.setAttribute('aria-label', t('pill_region'));
    const fold = button('fold', 'Duet', () => {
      openedByReader = true;
      setFolded(false);
      ui?.collapse.focus();
    });
    fold.setAttribute('aria-label', t('pill_expand'));
    fold.hidden = true;
    const body = doc.createElement('div');
    body.className = 'body';
    const text = doc.createElement('span');
    text.className = 'text';
    text.setAttribute('role', 'status');
    text.setAttribute('aria-live', 'polite');
    const action = button('action', '', () => {
      if (current?.action?.kind === 'retry-failed') callbacks.onRetryFailed();
      else if (current?.action?.kind === 'translate-whole-page') callbacks.onTranslateWholePage();
    });
    const original = button('original', t('pill_show_original'), () => callbacks.onShowOriginal());
    const reveal = button('reveal', '', () => callbacks.onToggleReveal?.());
    const collapse = button('close', '–', () => {
      openedByReader = false;
      setFolded(true);
      ui?.fold.focus();
    });
    collapse.setAttribute('aria-label', t('pill_collapse'));
    collapse.title = t('pill_collapse');
    const bar = doc.createElement('div');
    bar.className = 'bar';
    const fill = doc.createElement('div');
    bar.append(fill);
    body.append(text, action, reveal, original, collapse, bar);
    pill.append(fold, body);
    adoptStyles(root);
    root.append(pill);
    doc.documentElement.append(host);
    return { host, remove, pill, fold, body, text, action, reveal, original, collapse, bar, fill };
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
      if (!ui && current) show(current, undefined);
    }, options.firstShowDelayMs);
    return true;
  }

  function render(view: PillView): void {
    clearTimeout(firstShowTimer);
    firstShowTimer = undefined;
    const fresh = !ui;
    ui ??= buildUi();
    ui.text.textContent = view.text;
    ui.action.hidden = !view.action;
    ui.action.textContent = view.action?.label ?? '';
    ui.original.hidden = view.action?.kind === 'translate-whole-page'; // nothing translated to hide yet
    renderLearning();
    ui.bar.hidden = view.progress === undefined;
    ui.fill.style.width = `${Math.round((view.progress ?? 0) * 100)}%`;
    ui.pill.classList.toggle('failed', !!view.failed);
    ui.pill.hidden = false;
    if (fresh) setFolded(folded);
  }

  function renderLearning(): void {
    if (!ui) return;
    ui.reveal.hidden = learning === null;
    ui.reveal.textContent = learning === 'revealed' ? t('learning_blur_again') : t('learning_reveal_all');
  }

  function show(view: PillView, previousKey: string | null | undefined): void {
    const key = keyOf(view);
    if (folded && needsReader(view) && key !== previousKey) setFolded(false);
    render(view);
    if (!view.complete || openedByReader) {
      clearTimeout(foldTimer);
      foldTimer = undefined;
    } else if (!folded && (foldTimer === undefined || key !== previousKey)) {
      clearTimeout(foldTimer);
      foldTimer = setTimeout(() => setFolded(true), AUTO_HIDE_MS);
    }
  }

  function update(view: PillView | null): void {
    const previousKey = current && keyOf(current);
    current = view;
    if (!view) {
      // Original (or nothing found): the control goes away; the next translation opens it again.
      clearTimeout(foldTimer);
      foldTimer = undefined;
      folded = false;
      openedByReader = false;
      if (ui) ui.pill.hidden = true;
      return;
    }
    if (deferFirstShow(view)) return;
    show(view, previousKey);
  }

  return {
    update(status) {
      if (offering && status.mode === 'original') return;
      offering = false;
      update(pillView(status));
    },
    setLearning(state) {
      learning = state;
      renderLearning();
    },
    offerWholePage() {
      offering = true;
      update(wholePageOffer());
    },
    destroy() {
      clearTimeout(foldTimer);
      clearTimeout(firstShowTimer);
      firstShowTimer = undefined;
      ui?.remove();
      ui = null;
      current = null;
    },
  };
}
