// @vitest-environment jsdom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CLASS_OWN, TAG_PAIR, TAG_TRANSLATION, TAG_UI_HOST } from '../../dom-labels';
import { createRenderer } from '../../render/renderer';
import { watchMutations } from '../mutations';

const DEBOUNCE = 10;
const settle = (ms = DEBOUNCE * 4) => new Promise((r) => setTimeout(r, ms));
/** Waits for the first report (machines under load are slow), then a little more so a second one would show. */
async function reported(spy: ReturnType<typeof vi.fn>) {
  await vi.waitFor(() => expect(spy).toHaveBeenCalled(), { timeout: 3000, interval: 5 });
  await settle();
}

function el(html: string): Element {
  const t = document.createElement('template');
  t.innerHTML = html;
  return t.content.firstElementChild!;
}

describe('watchMutations', () => {
  beforeEach(() => {
    document.body.innerHTML = '<main><p id="old">Already there</p></main>';
  });

  it('reports only the outermost added elements, in document order, once per quiet period', async () => {
    const onAdded = vi.fn();
    const watcher = watchMutations(document.body, onAdded, { debounceMs: DEBOUNCE });
    const main = document.querySelector('main')!;
    const later = el('<p>Second</p>');
    main.append(later);
    const section = el('<section><h2>New</h2><p>Inner</p></section>');
    main.prepend(section);
    section.append(el('<p>Nested later</p>'));
    await reported(onAdded);
    expect(onAdded).toHaveBeenCalledTimes(1);
    expect(onAdded.mock.calls[0]![0].added).toEqual([section, later]);
    watcher.disconnect();
  });

  it('ignores Duet nodes, nodes removed again before the report, and whitespace text', async () => {
    const onAdded = vi.fn();
    const watcher = watchMutations(document.body, onAdded, { debounceMs: DEBOUNCE });
    const main = document.querySelector('main')!;
    main.append(document.createElement(TAG_TRANSLATION), document.createElement(TAG_PAIR), el(`<div class="${CLASS_OWN}">x</div>`));
    document.documentElement.append(document.createElement(TAG_UI_HOST));
    const gone = el('<p>Gone</p>');
    main.append(gone, document.createTextNode('   '));
    gone.remove();
    await settle();
    expect(onAdded.mock.calls.flatMap((c) => c[0].added)).toEqual([]);
    watcher.disconnect();
  });

  it('reports text filled into an existing element, edited text and removals as changes of that element', async () => {
    const onAdded = vi.fn();
    const watcher = watchMutations(document.body, onAdded, { debounceMs: DEBOUNCE });
    const old = document.getElementById('old')!;
    old.append(' and more text');
    await reported(onAdded);
    expect(onAdded.mock.calls[0]![0]).toMatchObject({ added: [], touched: [old], removed: false });
    onAdded.mockClear();
    old.firstChild!.nodeValue = 'Edited';
    await reported(onAdded);
    expect(onAdded.mock.calls[0]![0]).toMatchObject({ added: [], touched: [old], removed: false });
    onAdded.mockClear();
    old.remove();
    await reported(onAdded);
    expect(onAdded.mock.calls[0]![0]).toMatchObject({ added: [], touched: [document.querySelector('main')], removed: true });
    watcher.disconnect();
  });

  it('asks for a full rescan past the threshold', async () => {
    const onAdded = vi.fn();
    const watcher = watchMutations(document.body, onAdded, { debounceMs: DEBOUNCE, fullRescanThreshold: 5 });
    const main = document.querySelector('main')!;
    for (let i = 0; i < 12; i++) main.append(el(`<p>Item ${i}</p>`));
    await reported(onAdded);
    expect(onAdded).toHaveBeenCalledTimes(1);
    expect(onAdded.mock.calls[0]![0]).toMatchObject({ added: [], overflow: true });
    watcher.disconnect();
  });

  it('drops writes made inside pause but keeps the page changes made before it', async () => {
    const onAdded = vi.fn();
    const watcher = watchMutations(document.body, onAdded, { debounceMs: DEBOUNCE });
    const main = document.querySelector('main')!;
    const pageAdded = el('<p>From the page</p>');
    main.append(pageAdded);
    const result = watcher.pause(() => {
      main.append(el('<p>Ours</p>'));
      return 42;
    });
    expect(result).toBe(42);
    await reported(onAdded);
    expect(onAdded).toHaveBeenCalledTimes(1);
    expect(onAdded.mock.calls[0]![0].added).toEqual([pageAdded]);
    watcher.disconnect();
  });

  it("never re-enters on the renderer's own writes when the renderer writes through pause", async () => {
    document.body.innerHTML = '<article><h1>Title</h1><p>One</p><ul><li>Item</li></ul></article>';
    const units = [...document.querySelectorAll('h1, p, li')].map((element, i) => ({
      id: `u${i}`,
      element,
      text: element.textContent!,
      kind: 'paragraph' as const,
    }));
    const run = async (paused: boolean) => {
      const onAdded = vi.fn();
      const watcher = watchMutations(document.body, onAdded, { debounceMs: DEBOUNCE });
      const renderer = createRenderer(document, {
        layout: 'auto',
        targetLanguage: 'de',
        mutate: paused ? watcher.pause : undefined,
      });
      units.forEach((u) => renderer.showTranslation(u, 'Übersetzt'));
      renderer.setMode('translation');
      renderer.setMode('original'); // takes every translation out
      renderer.setMode('bilingual');
      renderer.restore();
      if (paused) await settle(DEBOUNCE * 10);
      else await reported(onAdded);
      watcher.disconnect();
      return onAdded.mock.calls.length;
    };
    expect(await run(true)).toBe(0);
    expect(await run(false)).toBeGreaterThan(0); // proves the check above can fail
  });

  it('debounces a burst into one report, caps the wait, and stops after disconnect', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    try {
      const onAdded = vi.fn();
      const watcher = watchMutations(document.body, onAdded, { debounceMs: 50 });
      const main = document.querySelector('main')!;
      const addAndWait = async (ms: number) => {
        main.append(el('<p>Burst</p>'));
        await Promise.resolve(); // let the observer deliver its records
        await vi.advanceTimersByTimeAsync(ms);
      };
      for (let i = 0; i < 3; i++) await addAndWait(30); // never 50 ms quiet
      expect(onAdded).not.toHaveBeenCalled();
      await vi.advanceTimersByTimeAsync(50);
      expect(onAdded).toHaveBeenCalledTimes(1);
      expect(onAdded.mock.calls[0]![0].added).toHaveLength(3);

      // A stream that never goes quiet is still reported within 10 debounce periods.
      for (let i = 0; i < 20; i++) await addAndWait(40);
      expect(onAdded.mock.calls.length).toBeGreaterThanOrEqual(2);

      watcher.disconnect();
      const calls = onAdded.mock.calls.length;
      await addAndWait(200);
      expect(onAdded).toHaveBeenCalledTimes(calls);
    } finally {
      vi.useRealTimers();
    }
  });
});
