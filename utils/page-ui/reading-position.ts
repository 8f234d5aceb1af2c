/**
 * The paragraph the reader is at, for keyboard commands that act on "this paragraph" without a Tab stop
 * per paragraph: the one holding focus, else the selection/caret (caret browsing, a click), else the one
 * crossing the upper third of the viewport (where eyes rest while reading), else the first visible one.
 */
export function unitAtReadingPosition(
  doc: Document,
  ids: readonly string[],
  idOf: (node: Node | null) => string | null,
  boxOf: (id: string) => DOMRect | undefined,
): string | null {
  const fromFocus = idOf(doc.activeElement);
  if (fromFocus) return fromFocus;
  const sel = doc.getSelection();
  const fromCaret = sel && sel.rangeCount ? idOf(sel.anchorNode) : null;
  if (fromCaret) return fromCaret;
  const height = doc.defaultView?.innerHeight ?? 0;
  const line = height / 3;
  let firstVisible: string | null = null;
  for (const id of ids) {
    const r = boxOf(id);
    if (!r || r.bottom <= 0 || r.top >= height) continue;
    firstVisible ??= id;
    if (r.top <= line && r.bottom >= line) return id;
  }
  return firstVisible;
}
