/**
 * What a reader can see (issue 10, "hidden is never sent"). In a browser: `checkVisibility` with opacity and
 * `visibility` checks (display:none, content-visibility, visibility:hidden, opacity 0), plus what it does not
 * catch — an ancestor chain whose opacities multiply to near 0 (a hostile page stacking paragraphs at 0.02),
 * boxes of a pixel or less (the clipped screen-reader pattern), and boxes placed where no scrolling reaches
 * (left:-9999px). Everywhere, jsdom included: the content of a closed <details> beyond its <summary>
 * (deferred until the reader opens it and the page is analysed again). Read-only.
 */

/** Below this effective opacity a text is not readable. */
export const MIN_OPACITY = 0.1;

type Checkable = Element & { checkVisibility?: (options?: Record<string, boolean>) => boolean };

/** Inside a closed <details>, and not in its summary. */
export function inClosedDetails(el: Element): boolean {
  for (let e: Element | null = el; e; e = e.parentElement) {
    const parent = e.parentElement;
    if (parent && parent.tagName.toUpperCase() === 'DETAILS' && !parent.hasAttribute('open') && e.tagName.toUpperCase() !== 'SUMMARY') return true;
  }
  return false;
}

/** A visibility test for the blocks of one document; caches opacities per element for one analysis. */
export function visibilityCheck(doc: Document): (el: Element) => boolean {
  const view = doc.defaultView;
  const layout = typeof (doc.body as Checkable | null)?.checkVisibility === 'function' && !!view;
  const opacity = new Map<Element, number>();
  const effectiveOpacity = (el: Element): number => {
    const known = opacity.get(el);
    if (known !== undefined) return known;
    const own = Number.parseFloat(view!.getComputedStyle(el).opacity);
    const parent = el.parentElement;
    const value = (Number.isFinite(own) ? own : 1) * (parent ? effectiveOpacity(parent) : 1);
    opacity.set(el, value);
    return value;
  };
  return (el: Element): boolean => {
    if (inClosedDetails(el)) return false;
    if (!layout) return true;
    const c = el as Checkable;
    if (!c.checkVisibility!({ checkOpacity: true, checkVisibilityCSS: true, contentVisibilityAuto: false })) return false;
    if (effectiveOpacity(el) < MIN_OPACITY) return false;
    const rect = el.getBoundingClientRect();
    if (rect.width <= 1 || rect.height <= 1) return false;
    // Off the page to the left or above: no scrolling brings it into view.
    return rect.right + view!.scrollX > 0 && rect.bottom + view!.scrollY > 0;
  };
}
