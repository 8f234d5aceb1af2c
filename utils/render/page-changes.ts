/**
 * Every change Duet made to a page, as undo steps, kept in the content script's own JavaScript world.
 *
 * A page's scripts share the DOM with us but not our JavaScript objects: they cannot see this registry,
 * add to it or forge an entry, so leftover cleanup (leftovers.ts) touches exactly what a Duet instance of
 * this page's lifetime did — never `<duet-…>` markup or `data-duet-…` attributes the page wrote itself.
 * The registry lives on the content script world's global object under a registered symbol, so a later
 * instance of the content script in the same world (extension reloaded or updated) finds what an earlier
 * one left behind.
 */
type Undo = () => void;
type Registry = WeakMap<Document, Map<object, Undo>>;

const KEY = Symbol.for('duet.page-changes');

function registry(): Registry {
  const holder = globalThis as unknown as Record<symbol, Registry | undefined>;
  return (holder[KEY] ??= new WeakMap());
}

function changesOf(doc: Document): Map<object, Undo> {
  const all = registry();
  let changes = all.get(doc);
  if (!changes) {
    changes = new Map();
    all.set(doc, changes);
  }
  return changes;
}

/** Records how to undo one change (keyed by the node or object it concerns; a new record replaces the old). */
export function recordChange(doc: Document, key: object, undo: Undo): void {
  changesOf(doc).set(key, undo);
}

/** The change was undone by its owner: forget it. */
export function forgetChange(doc: Document, key: object): void {
  registry().get(doc)?.delete(key);
}

/** Undoes every recorded change of this document (most recent first); returns how many there were. */
export function undoAllChanges(doc: Document): number {
  const changes = registry().get(doc);
  if (!changes || changes.size === 0) return 0;
  const steps = [...changes.values()].reverse();
  changes.clear();
  for (const undo of steps) {
    try {
      undo();
    } catch {
      // A node the page took away already: nothing left to undo there.
    }
  }
  return steps.length;
}
