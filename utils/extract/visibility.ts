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

/**
 * A visibility test for the blocks of one document; caches opacities per element for one analysis.
 * `wrapper` is the element holding all of the page's text (the common ancestor of its blocks): hiding set on it
 * or above it hides the whole page at once, which is a page fading itself in (Google Optimize's "async-hide"
 * class sets opacity 0 on <html> until its script runs, up to 4 s), not text kept from the reader. Such hiding
 * is looked through; hiding below the wrapper still counts.
 */
export function visibilityCheck(doc: Document, wrapper?: Element | null): (el: Element) => boolean {
  const view = doc.defaultView;
  const layout = typeof (doc.body as Checkable | null)?.checkVisibility === 'function' && !!view;
  const opacity = new Map<Element, number>();
  const wrapperEl = wrapper ?? doc.body;
  const effectiveOpacity = (el: Element): number => {
    const known = opacity.get(el);
    if (known !== undefined) return known;
    const own = Number.parseFloat(view!.getComputedStyle(el).opacity);
    const parent = el.parentElement;
    const above = el === wrapperEl || !parent ? 1 : effectiveOpacity(parent);
    const value = (Number.isFinite(own) && el !== wrapperEl ? own : 1) * above;
    opacity.set(el, value);
    return value;
  };
  // Whole-page hiding (see above): checkVisibility would call every block hidden; then only display and
  // content-visibility are asked of it, and opacity is read below the wrapper only.
  let pageHidden = false;
  if (layout && wrapperEl) {
    for (let e: Element | null = wrapperEl; e && !pageHidden; e = e.parentElement) {
      const style = view!.getComputedStyle(e);
      pageHidden = Number.parseFloat(style.opacity) < MIN_OPACITY || style.visibility === 'hidden';
    }
  }
  const options = pageHidden ? {} : { checkOpacity: true, checkVisibilityCSS: true };
  return (el: Element): boolean => {
    if (inClosedDetails(el)) return false;
    if (!layout) return true;
    const c = el as Checkable;
    if (!c.checkVisibility!(options)) return false;
    if (effectiveOpacity(el) < MIN_OPACITY) return false;
    const rect = el.getBoundingClientRect();
    if (rect.width <= 1 || rect.height <= 1) return false;
    // Off the page to the left or above: no scrolling brings it into view.
    return rect.right + view!.scrollX > 0 && rect.bottom + view!.scrollY > 0;
  };
}
