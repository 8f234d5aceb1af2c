// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { afterLoad } from '../late-article';

function fakeDocument(readyState: DocumentReadyState) {
  const win = new EventTarget();
  return { doc: { readyState, defaultView: win } as unknown as Document, win };
}

describe('afterLoad', () => {
  it('calls back once when the page loads', () => {
    const { doc, win } = fakeDocument('interactive');
    let calls = 0;
    afterLoad(doc, () => calls++);
    expect(calls).toBe(0);
    win.dispatchEvent(new Event('load'));
    win.dispatchEvent(new Event('load'));
    expect(calls).toBe(1);
  });

  it('never calls back on a page that had loaded already, or once cancelled', () => {
    const done = fakeDocument('complete');
    let calls = 0;
    afterLoad(done.doc, () => calls++);
    done.win.dispatchEvent(new Event('load'));
    const loading = fakeDocument('interactive');
    const cancel = afterLoad(loading.doc, () => calls++);
    cancel();
    loading.win.dispatchEvent(new Event('load'));
    expect(calls).toBe(0);
  });
});
