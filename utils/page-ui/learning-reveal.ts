import { ATTR_FOR, ATTR_LEARNING, ATTR_REVEALED, ATTR_STATE, ATTR_UNIT_ID, TAG_TRANSLATION, TAG_UI_HOST } from '../dom-labels';
import { unitAtReadingPosition } from './reading-position';

/**
 * Learning mode's reveals that CSS hover cannot do (utils/render/learning.ts blurs): a tap on a
 * paragraph (touch) and Alt+Shift+R — the paragraph at the reading position — toggle its translation;
 * the revealed mark sits on Duet's own element only. Inactive unless <html> says learning is on.
 */
export function createLearningReveal(doc: Document) {
  const view = doc.defaultView!;
  const active = () => doc.documentElement.getAttribute(ATTR_LEARNING) === 'hidden';
  const translationOf = (id: string) => doc.querySelector<HTMLElement>(`${TAG_TRANSLATION}[${ATTR_FOR}="${CSS.escape(id)}"]`);

  function idOf(node: EventTarget | null): string | null {
    if (!(node instanceof view.Node)) return null;
    const el = node.nodeType === 1 ? (node as Element) : (node as Node).parentElement;
    if (!el || el.closest(TAG_UI_HOST)) return null;
    const tr = el.closest(TAG_TRANSLATION);
    const id = tr ? tr.getAttribute(ATTR_FOR) : el.closest(`[${ATTR_UNIT_ID}]`)?.getAttribute(ATTR_UNIT_ID);
    return id && translationOf(id)?.getAttribute(ATTR_STATE) === 'done' ? id : null;
  }

  function toggle(id: string): void {
    const tr = translationOf(id);
    if (!tr) return;
    if (tr.hasAttribute(ATTR_REVEALED)) tr.removeAttribute(ATTR_REVEALED);
    else tr.setAttribute(ATTR_REVEALED, '');
  }

  const onTap = (e: PointerEvent) => {
    if (e.pointerType !== 'touch' || !active()) return;
    const id = idOf(e.target);
    if (id) toggle(id);
  };
  const onKey = (e: KeyboardEvent) => {
    if (!active() || !e.altKey || !e.shiftKey || e.ctrlKey || e.metaKey || e.code !== 'KeyR') return;
    e.preventDefault();
    const ids = [...doc.querySelectorAll(`${TAG_TRANSLATION}[${ATTR_STATE}="done"]`)].map((tr) => tr.getAttribute(ATTR_FOR)).filter((id): id is string => !!id);
    const id = unitAtReadingPosition(doc, ids, idOf, (x) => translationOf(x)?.getBoundingClientRect());
    if (id) toggle(id);
  };

  doc.addEventListener('pointerdown', onTap, { passive: true });
  doc.addEventListener('keydown', onKey, true);
  return {
    destroy(): void {
      doc.removeEventListener('pointerdown', onTap);
      doc.removeEventListener('keydown', onKey, true);
    },
  };
}
