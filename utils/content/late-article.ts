/**
 * Calls `fn` once when the document's window fires `load`; never when the page has loaded already
 * (an analysis made then saw the loaded page). Returns a function that cancels the call.
 */
export function afterLoad(doc: Document, fn: () => void): () => void {
  const win = doc.defaultView;
  if (!win || doc.readyState === 'complete') return () => {};
  const onLoad = () => fn();
  win.addEventListener('load', onLoad, { once: true });
  return () => win.removeEventListener('load', onLoad);
}
