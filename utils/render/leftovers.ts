import { undoAllChanges } from './page-changes';

/**
 * Removes what an earlier content-script instance left in the page. When the extension is updated
 * or reloaded, the old script's renderer may be gone while its nodes stay; a new instance calls this
 * before rendering so the page does not end up with two translations per paragraph.
 *
 * Only changes recorded in page-changes.ts are undone: Duet's own, made during this page's lifetime.
 * Markup a page wrote itself with Duet's names (`<duet-translation>`, `data-duet-unit`, `#duet-style`)
 * is never touched. Returns true when anything was found.
 */
export function removeLeftovers(doc: Document): boolean {
  return undoAllChanges(doc) > 0;
}
