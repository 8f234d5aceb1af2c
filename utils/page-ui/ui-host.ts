import { CLASS_OWN, TAG_UI_HOST } from '../dom-labels';
import { forgetChange, recordChange } from '../render/page-changes';

export interface UiHost {
  host: HTMLElement;
  /** Closed: the page's scripts and styles cannot reach in, and Duet's styles cannot leak out. */
  root: ShadowRoot;
  /** Takes the host out of the page and out of the leftover record. */
  remove(): void;
}

/**
 * The host of one piece of Duet's on-page UI (the pill, the budget notice, the selection popover):
 * a `<duet-ui>` element marked as Duet's, left alone by page translators, and recorded as a change of
 * this page's lifetime so leftover cleanup removes it and nothing else (render/page-changes.ts).
 * The caller appends it where it belongs (outside <body>, so the page's layout never moves).
 */
export function createUiHost(doc: Document): UiHost {
  const host = doc.createElement(TAG_UI_HOST);
  host.className = CLASS_OWN;
  host.setAttribute('translate', 'no');
  recordChange(doc, host, () => host.remove());
  const root = host.attachShadow({ mode: 'closed' });
  return {
    host,
    root,
    remove() {
      forgetChange(doc, host);
      host.remove();
    },
  };
}

/** The look of Duet's tooltips: over the page, never catching the pointer, light or dark with the system. */
export const TOOLTIP_CSS = `
:host { all: initial; }
.pop {
  position: fixed; z-index: 2147483647; box-sizing: border-box; max-width: min(560px, calc(100vw - 16px));
  max-height: 45vh; overflow: hidden; padding: 8px 12px; border-radius: 8px; pointer-events: none;
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1f2328;
  background: #fff; box-shadow: 0 4px 18px rgba(0, 0, 0, .22), 0 0 0 1px rgba(0, 0, 0, .08);
  white-space: pre-wrap; overflow-wrap: break-word;
}
.pop[hidden] { display: none; }
@media (prefers-color-scheme: dark) { .pop { color: #e6edf3; background: #24292f; } }
`;

/**
 * A hidden tooltip box of Duet's in its own UI host (the original over its translation, a pointed
 * paragraph's translation): styled by `css` inside the shadow root, shown by its owner.
 */
export function createTooltip(doc: Document, css: string): UiHost & { pop: HTMLElement } {
  const ui = createUiHost(doc);
  const style = doc.createElement('style');
  style.textContent = css;
  const pop = doc.createElement('div');
  pop.className = 'pop';
  pop.setAttribute('role', 'tooltip');
  pop.dir = 'auto';
  pop.hidden = true;
  ui.root.append(style, pop);
  doc.documentElement.append(ui.host);
  return { ...ui, pop };
}

/**
 * A tooltip made on first use, made again if the page removed its host, and taken out by `remove`
 * (the owner's stop): the state both tooltips (original popover, hover translation) need.
 */
export function lazyTooltip(doc: Document, css: string): { get(): HTMLElement; current(): HTMLElement | null; remove(): void } {
  let made: (UiHost & { pop: HTMLElement }) | null = null;
  return {
    get() {
      if (!made || !made.host.isConnected) {
        made?.remove();
        made = createTooltip(doc, css);
      }
      return made.pop;
    },
    current: () => made?.pop ?? null,
    remove() {
      made?.remove();
      made = null;
    },
  };
}

/**
 * Places a tooltip over the page at `at` (its paragraph's box): as wide as the paragraph within
 * 200–560 px, above it when there is room (it covers what was already read), else below; inside the viewport.
 */
export function placeTooltip(pop: HTMLElement, at: DOMRect, view: Window): void {
  const vw = view.innerWidth;
  const vh = view.innerHeight;
  pop.style.width = `${Math.max(200, Math.min(at.width, 560, vw - 16))}px`;
  const size = pop.getBoundingClientRect();
  pop.style.left = `${Math.max(8, Math.min(at.left, vw - size.width - 8))}px`;
  const above = at.top - size.height - 6;
  pop.style.top = `${Math.max(8, above >= 8 ? above : Math.min(at.bottom + 6, vh - size.height - 8))}px`;
}
