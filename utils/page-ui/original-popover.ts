import { unitAtReadingPosition } from './reading-position';
import { lazyTooltip, placeTooltip, TOOLTIP_CSS } from './ui-host';
import { ATTR_FOR, ATTR_MODE, ATTR_STATE, ATTR_UNIT_ID, TAG_TRANSLATION, TAG_UI_HOST, isOwnNode } from '../dom-labels';

const STYLES = TOOLTIP_CSS;

/** How long the pointer rests on a paragraph before its original shows (a pointer passing by shows nothing). */
export const HOVER_DELAY_MS = 120;

/**
 * Translation only: the original of one paragraph, shown OVER the page in a popover anchored to the
 * paragraph — never in the page's flow, so nothing moves. One shared popover in a closed shadow root on
 * Duet's own <duet-ui> host outside <body>, created on first use; the page's nodes are only read.
 *
 * Opens on: the pointer resting on a translation (mouse/pen), a tap (touch toggles), focus entering a
 * paragraph (a link inside it), or Alt+Shift+O — the paragraph at the reading position (focus, the
 * selection/caret, else the one crossing the upper third of the viewport); Alt+Shift+↓/↑ then step to
 * the next/previous paragraph. Escape closes. Paragraphs get no Tab stop (renderer.ts says why).
 * Inactive unless the page is in Translation only (the mode attribute on <html>).
 */
export function createOriginalPopover(doc: Document) {
  const view = doc.defaultView!;
  const tooltip = lazyTooltip(doc, STYLES);
  let shownId: string | null = null;
  let timer: number | undefined;

  const active = () => doc.documentElement.getAttribute(ATTR_MODE) === 'translation';

  /** The unit id a node belongs to (inside an original or its translation), when it is a translated leaf. */
  function unitIdOf(node: EventTarget | null): string | null {
    if (!(node instanceof view.Node)) return null;
    const el = node.nodeType === 1 ? (node as Element) : (node as Node).parentElement;
    if (!el || el.closest(TAG_UI_HOST)) return null;
    const tr = el.closest(TAG_TRANSLATION);
    const id = tr ? tr.getAttribute(ATTR_FOR) : el.closest(`[${ATTR_UNIT_ID}]`)?.getAttribute(ATTR_UNIT_ID);
    if (!id) return null;
    const original = originalOf(id);
    if (!original || original.querySelector(`[${ATTR_UNIT_ID}]`)) return null; // an original holding others is not hidden
    return translationOf(id)?.getAttribute(ATTR_STATE) === 'done' ? id : null;
  }

  const originalOf = (id: string) => doc.querySelector(`[${ATTR_UNIT_ID}="${CSS.escape(id)}"]`);
  const translationOf = (id: string) => doc.querySelector<HTMLElement>(`${TAG_TRANSLATION}[${ATTR_FOR}="${CSS.escape(id)}"]`);

  /** The original's own text (Duet's nodes inside it skipped), whitespace-normalised. */
  function originalText(original: Element): string {
    let text = '';
    const walker = doc.createTreeWalker(original, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) if (!isOwnNode(n)) text += n.nodeValue ?? '';
    return text.replace(/\s+/g, ' ').trim();
  }

  function show(id: string): void {
    const original = originalOf(id);
    const anchor = translationOf(id);
    if (!original || !anchor) return hide();
    const box = tooltip.get();
    const text = originalText(original);
    if (!text) return hide();
    box.textContent = text;
    box.lang = original.closest('[lang]')?.getAttribute('lang') ?? '';
    box.hidden = false;
    shownId = id;
    position();
  }

  /** Above the paragraph when there is room (it covers what was already read), else below; inside the viewport. */
  function position(): void {
    const pop = tooltip.current();
    if (!pop || !shownId) return;
    const anchor = translationOf(shownId);
    if (!anchor?.isConnected) return hide();
    placeTooltip(pop, anchor.getBoundingClientRect(), view);
  }

  function hide(): void {
    clearTimeout(timer);
    shownId = null;
    const pop = tooltip.current();
    if (pop) pop.hidden = true;
  }

  /** The translated paragraphs in reading order (for the keyboard). */
  function shownUnits(): string[] {
    return [...doc.querySelectorAll(`${TAG_TRANSLATION}[${ATTR_STATE}="done"]`)]
      .map((tr) => tr.getAttribute(ATTR_FOR))
      .filter((id): id is string => !!id && unitIdOf(translationOf(id)) === id);
  }

  const readingPosition = () =>
    unitAtReadingPosition(doc, shownUnits(), unitIdOf, (id) => translationOf(id)?.getBoundingClientRect());

  function step(by: 1 | -1): void {
    const ids = shownUnits();
    const at = shownId ? ids.indexOf(shownId) : -1;
    const next = ids[at < 0 ? 0 : Math.max(0, Math.min(ids.length - 1, at + by))];
    if (!next) return;
    translationOf(next)?.scrollIntoView({ block: 'nearest' });
    show(next);
  }

  const onOver = (e: PointerEvent) => {
    if (e.pointerType === 'touch' || !active()) return;
    const id = unitIdOf(e.target);
    if (id === shownId) return clearTimeout(timer);
    clearTimeout(timer);
    if (!id) return hide();
    timer = view.setTimeout(() => show(id), HOVER_DELAY_MS);
  };
  const onLeave = (e: PointerEvent) => {
    if (e.pointerType === 'touch') return;
    if (!unitIdOf(e.relatedTarget)) hide();
  };
  const onTap = (e: PointerEvent) => {
    if (e.pointerType !== 'touch' || !active()) return;
    const id = unitIdOf(e.target);
    if (id && id !== shownId) show(id);
    else hide();
  };
  const onFocus = (e: FocusEvent) => {
    if (!active()) return;
    const id = unitIdOf(e.target);
    if (id) show(id);
    else if (shownId) hide();
  };
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape' && shownId) return hide();
    if (!active() || !e.altKey || !e.shiftKey || e.ctrlKey || e.metaKey) return;
    // e.code: Alt+Shift+O types "Ø" on a Mac keyboard, the key is still KeyO.
    if (e.code === 'KeyO') {
      e.preventDefault();
      if (shownId) hide();
      else {
        const id = readingPosition();
        if (id) show(id);
      }
    } else if (shownId && (e.code === 'ArrowDown' || e.code === 'ArrowUp')) {
      e.preventDefault();
      step(e.code === 'ArrowDown' ? 1 : -1);
    }
  };
  let frame = 0;
  const onScroll = () => {
    if (!shownId || frame) return;
    frame = view.requestAnimationFrame(() => {
      frame = 0;
      position();
    });
  };

  doc.addEventListener('pointerover', onOver, { passive: true });
  doc.addEventListener('pointerout', onLeave, { passive: true });
  doc.addEventListener('pointerdown', onTap, { passive: true });
  doc.addEventListener('focusin', onFocus);
  doc.addEventListener('keydown', onKey, true);
  view.addEventListener('scroll', onScroll, { passive: true, capture: true });

  return {
    /** For the controller when the mode changes away from Translation only. */
    hide,
    isOpenFor: (id: string) => shownId === id,
    destroy(): void {
      hide();
      if (frame) view.cancelAnimationFrame(frame);
      doc.removeEventListener('pointerover', onOver);
      doc.removeEventListener('pointerout', onLeave);
      doc.removeEventListener('pointerdown', onTap);
      doc.removeEventListener('focusin', onFocus);
      doc.removeEventListener('keydown', onKey, true);
      view.removeEventListener('scroll', onScroll, { capture: true });
      tooltip.remove();
    },
  };
}
