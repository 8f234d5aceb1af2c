import { isOwnNode } from '../dom-labels';
import { lazyTooltip, placeTooltip, TOOLTIP_CSS } from '../page-ui/ui-host';
import { blockText } from '../extract/block-text';
import type { PortResponse } from '../messaging/protocol';
import { PortClient } from './port-client';

/** Blocks a reader points at to read one paragraph; the closest one under the pointer is translated. */
const BLOCKS = 'p, li, h1, h2, h3, h4, h5, h6, blockquote, dd, dt, figcaption, caption, td, th, summary';
const MAX_CHARS = 5000;

const STYLES = `${TOOLTIP_CSS}
.error { color: #b3261e; }
@media (prefers-color-scheme: dark) { .error { color: #f2b8b5; } }
`;

export interface HoverTranslateOptions {
  /** Source and target as the reader's settings say now. */
  languages(): { from: string; to: string };
  /** "Translating…" in the reader's language. */
  loadingText(): string;
}

/**
 * Hover to translate one paragraph on any page (translated or not): hold Shift and point at a paragraph,
 * or point and press Shift. Its translation shows in a popover over the page (the page is only read, never
 * changed), through the same translation port as whole pages — so the same cache, batcher, provider and
 * fallback chain answer it, and a paragraph seen before costs no request. It stays while the pointer is on
 * the paragraph (Shift can be let go to read); moving off it or Escape hides it. Shift was chosen over Alt (Alt alone opens the menu bar on Windows
 * and Linux desktops move windows with Alt+drag) and Ctrl (Ctrl+click opens links in new tabs).
 */
export function createHoverTranslate(doc: Document, options: HoverTranslateOptions) {
  const view = doc.defaultView!;
  const tooltip = lazyTooltip(doc, STYLES);
  let block: Element | null = null;
  let pointer: { x: number; y: number } | null = null;
  let seq = 0;
  let pendingId: string | null = null;
  const port = new PortClient(onResponse, () => {
    if (pendingId) showText(options.loadingText(), false); // the background restarted: the next point asks again
    pendingId = null;
  });

  function blockAt(x: number, y: number): Element | null {
    const el = doc.elementFromPoint(x, y);
    if (!el || isOwnNode(el) || (el as HTMLElement).isContentEditable) return null;
    const found = el.closest(BLOCKS);
    return found && !isOwnNode(found) ? found : null;
  }

  function showText(text: string, error: boolean): void {
    const box = tooltip.get();
    box.textContent = text;
    box.classList.toggle('error', error);
    box.hidden = false;
    position();
  }

  function position(): void {
    const pop = tooltip.current();
    if (!pop || !block?.isConnected) return hide();
    placeTooltip(pop, block.getBoundingClientRect(), view);
  }

  function hide(): void {
    if (pendingId) port.cancel([pendingId]);
    pendingId = null;
    block = null;
    const pop = tooltip.current();
    if (pop) pop.hidden = true;
  }

  function translateAt(x: number, y: number): void {
    const target = blockAt(x, y);
    if (!target || target === block) return;
    const text = blockText(target).slice(0, MAX_CHARS);
    if (text.length < 2) return;
    hide();
    block = target;
    pendingId = `hover${++seq}`;
    tooltip.current()?.removeAttribute('lang');
    showText(options.loadingText(), false);
    const { from, to } = options.languages();
    port.translate([{ id: pendingId, text }], from, to);
  }

  function onResponse(response: PortResponse): void {
    if (!pendingId) return;
    if (response.type === 'failed') {
      if (!response.ids.includes(pendingId)) return;
      pendingId = null;
      return showText(response.error.message, true);
    }
    const result = response.results.find((r) => r.id === pendingId);
    if (!result) return;
    pendingId = null;
    showText(result.text, false);
    const pop = tooltip.current();
    if (pop) pop.lang = options.languages().to;
  }

  const onMove = (e: PointerEvent) => {
    pointer = { x: e.clientX, y: e.clientY };
    if (e.shiftKey && !e.altKey && !e.ctrlKey && !e.metaKey && e.pointerType !== 'touch') translateAt(e.clientX, e.clientY);
    else if (block && !block.contains(doc.elementFromPoint(e.clientX, e.clientY))) hide();
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') return hide();
    if (e.key !== 'Shift' || e.repeat || e.altKey || e.ctrlKey || e.metaKey || !pointer) return; // Shift alone: Alt+Shift+O and the like are other commands
    const active = doc.activeElement as HTMLElement | null;
    if (active && (active.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(active.tagName))) return; // typing, not pointing
    translateAt(pointer.x, pointer.y);
  };
  const onScroll = () => position();

  doc.addEventListener('pointermove', onMove, { passive: true });
  doc.addEventListener('keydown', onKeyDown, true);
  view.addEventListener('scroll', onScroll, { passive: true, capture: true });

  return {
    destroy(): void {
      hide();
      doc.removeEventListener('pointermove', onMove);
      doc.removeEventListener('keydown', onKeyDown, true);
      view.removeEventListener('scroll', onScroll, { capture: true });
      port.disconnect();
      tooltip.remove();
    },
  };
}
