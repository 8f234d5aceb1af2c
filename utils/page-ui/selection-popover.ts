import { createUiHost } from './ui-host';
import { t, uiDirection, uiLocale } from '../i18n/t';
import type { TabRequest } from '../messaging/protocol';

type SelectionAnswer = Extract<TabRequest, { type: 'showSelection' }>;

const CSS = `
:host { all: initial; }
.pop {
  position: fixed; z-index: 2147483647; box-sizing: border-box; width: max-content; max-width: min(420px, calc(100vw - 16px));
  max-height: 40vh; overflow: auto; padding: 10px 12px; border-radius: 10px;
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1f2328;
  background: #fff; box-shadow: 0 4px 18px rgba(0, 0, 0, .2), 0 0 0 1px rgba(0, 0, 0, .08);
}
.head { display: flex; justify-content: space-between; align-items: center; gap: 8px; font-size: 12px; color: #57606a; margin-bottom: 4px; }
.text { white-space: pre-wrap; overflow-wrap: break-word; }
.error { color: #b3261e; }
button { all: unset; cursor: pointer; padding: 0 6px; border-radius: 6px; font-size: 16px; color: #57606a; }
button:focus-visible { outline: 2px solid #0b57d0; }
@media (prefers-color-scheme: dark) {
  .pop { color: #e6edf3; background: #24292f; }
  .head, button { color: #9da7b3; }
  .error { color: #f2b8b5; }
}
`;

/**
 * The translation of a selection, in a popover by the selection (context menu "Translate selection").
 * A closed shadow root on its own <duet-ui> host outside <body>: the page's layout never moves. Text
 * goes in as text. Escape, a click elsewhere, or the close button remove it; a new answer replaces it.
 */
export function createSelectionPopover(doc: Document) {
  let host: HTMLElement | null = null;
  let removeHost: (() => void) | undefined;
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape') close();
  };
  const onPointer = (e: Event) => {
    if (host && !e.composedPath().includes(host)) close();
  };

  function close(): void {
    removeHost?.();
    removeHost = undefined;
    host = null;
    doc.removeEventListener('keydown', onKey, true);
    doc.removeEventListener('pointerdown', onPointer, true);
  }

  function anchor(): { left: number; top: number; bottom: number } {
    const range = doc.getSelection()?.rangeCount ? doc.getSelection()!.getRangeAt(0) : null;
    const r = range?.getBoundingClientRect();
    if (!r || (r.width === 0 && r.height === 0)) return { left: 16, top: 16, bottom: 16 };
    return { left: r.left, top: r.top, bottom: r.bottom };
  }

  function show(answer: SelectionAnswer): void {
    close();
    const ui = createUiHost(doc);
    removeHost = ui.remove;
    host = ui.host;
    const root = ui.root;
    const style = doc.createElement('style');
    style.textContent = CSS;
    const pop = doc.createElement('div');
    pop.className = 'pop';
    pop.setAttribute('role', 'dialog');
    pop.setAttribute('aria-label', t('selection_label'));
    pop.lang = uiLocale();
    pop.dir = uiDirection();
    const head = doc.createElement('div');
    head.className = 'head';
    const label = doc.createElement('span');
    label.textContent = t('selection_label');
    const closeButton = doc.createElement('button');
    closeButton.type = 'button';
    closeButton.textContent = '×';
    closeButton.setAttribute('aria-label', t('selection_close'));
    closeButton.addEventListener('click', close);
    head.append(label, closeButton);
    const text = doc.createElement('div');
    text.className = answer.error ? 'text error' : 'text';
    text.setAttribute('role', answer.error ? 'alert' : 'status');
    if (answer.error) text.textContent = answer.error.message;
    else {
      text.textContent = answer.translation ?? '';
      if (answer.lang) text.lang = answer.lang;
      text.dir = 'auto';
    }
    pop.append(head, text);
    root.append(style, pop);
    doc.documentElement.append(host);
    // Below the selection when there is room, else above; kept inside the viewport.
    const at = anchor();
    const view = doc.defaultView;
    const vw = view?.innerWidth ?? 1024;
    const vh = view?.innerHeight ?? 768;
    const box = pop.getBoundingClientRect();
    const left = Math.max(8, Math.min(at.left, vw - box.width - 8));
    const below = at.bottom + 8;
    const top = below + box.height <= vh - 8 ? below : Math.max(8, at.top - box.height - 8);
    pop.style.left = `${left}px`;
    pop.style.top = `${top}px`;
    doc.addEventListener('keydown', onKey, true);
    doc.addEventListener('pointerdown', onPointer, true);
  }

  return { show, close, isOpen: () => host !== null };
}
