// @vitest-environment jsdom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Unit } from '../../extract/types';
import { createViewportScheduler, DEFAULT_ROOT_MARGIN } from '../viewport';

/** Stands in for the browser's IntersectionObserver: tests decide which targets intersect. */
class FakeIntersectionObserver {
  static last: FakeIntersectionObserver | null = null;
  readonly observed = new Set<Element>();
  disconnected = false;
  constructor(
    readonly callback: IntersectionObserverCallback,
    readonly init?: IntersectionObserverInit,
  ) {
    FakeIntersectionObserver.last = this;
  }
  observe(el: Element) {
    this.observed.add(el);
  }
  unobserve(el: Element) {
    this.observed.delete(el);
  }
  disconnect() {
    this.disconnected = true;
    this.observed.clear();
  }
  /** One observer tick: the given targets intersect, every other observed target does not. */
  tick(intersecting: Element[]) {
    const entries = [...this.observed].map(
      (target) => ({ target, isIntersecting: intersecting.includes(target), intersectionRatio: intersecting.includes(target) ? 1 : 0 }) as IntersectionObserverEntry,
    );
    this.callback(entries, this as unknown as IntersectionObserver);
  }
}

const fakeWin = { IntersectionObserver: FakeIntersectionObserver } as unknown as Window;

function makeUnits(count: number): Unit[] {
  document.body.innerHTML = Array.from({ length: count }, (_, i) => `<p id="p${i}">Paragraph ${i}</p>`).join('');
  return Array.from({ length: count }, (_, i) => ({
    id: `u${i}`,
    element: document.getElementById(`p${i}`)!,
    text: `Paragraph ${i}`,
    kind: 'paragraph' as const,
  }));
}

const ids = (units: Unit[]) => units.map((u) => u.id);

describe('createViewportScheduler with IntersectionObserver', () => {
  beforeEach(() => {
    FakeIntersectionObserver.last = null;
  });

  it('reports visible units first, in document order, one batch per tick, each once', () => {
    const units = makeUnits(6);
    const onNeeded = vi.fn();
    const scheduler = createViewportScheduler({ onNeeded, win: fakeWin });
    scheduler.observe(units);
    const io = FakeIntersectionObserver.last!;
    expect(io.init?.rootMargin).toBe(DEFAULT_ROOT_MARGIN);
    expect(io.observed.size).toBe(6);
    expect(onNeeded).not.toHaveBeenCalled();

    // Entries arrive in arbitrary order: the batch still comes out in document order.
    io.tick([units[2]!.element, units[0]!.element, units[1]!.element]);
    expect(onNeeded).toHaveBeenCalledTimes(1);
    expect(ids(onNeeded.mock.calls[0]![0])).toEqual(['u0', 'u1', 'u2']);
    expect(io.observed.has(units[0]!.element)).toBe(false); // reported units stop being watched

    io.tick([]); // nothing new on screen: no call
    expect(onNeeded).toHaveBeenCalledTimes(1);
    scheduler.observe(units); // re-observing reported units does not report them again
    io.tick([units[5]!.element, units[3]!.element]);
    expect(ids(onNeeded.mock.calls[1]![0])).toEqual(['u3', 'u5']);
    expect(io.observed.size).toBe(1);
  });

  it('honours a custom rootMargin, unobserve and destroy', () => {
    const units = makeUnits(3);
    const onNeeded = vi.fn();
    const scheduler = createViewportScheduler({ onNeeded, win: fakeWin, rootMargin: '50% 0px' });
    scheduler.observe(units);
    const io = FakeIntersectionObserver.last!;
    expect(io.init?.rootMargin).toBe('50% 0px');
    scheduler.unobserve(['u1']);
    expect(io.observed.has(units[1]!.element)).toBe(false);
    io.tick([units[0]!.element]);
    expect(ids(onNeeded.mock.calls[0]![0])).toEqual(['u0']);
    scheduler.destroy();
    expect(io.disconnected).toBe(true);
    io.callback([{ target: units[2]!.element, isIntersecting: true, intersectionRatio: 1 } as IntersectionObserverEntry], io as never);
    expect(onNeeded).toHaveBeenCalledTimes(1);
  });

  it('reports every unit sharing one element together', () => {
    const [unit] = makeUnits(1);
    const onNeeded = vi.fn();
    const scheduler = createViewportScheduler({ onNeeded, win: fakeWin });
    scheduler.observe([unit!, { ...unit!, id: 'u0b' }]);
    FakeIntersectionObserver.last!.tick([unit!.element]);
    expect(ids(onNeeded.mock.calls[0]![0])).toEqual(['u0', 'u0b']);
  });
});

describe('createViewportScheduler without IntersectionObserver', () => {
  it('falls back to reporting all units in document order in one batch', async () => {
    expect(typeof window.IntersectionObserver).toBe('undefined'); // jsdom has none
    const units = makeUnits(4);
    const onNeeded = vi.fn();
    const scheduler = createViewportScheduler({ onNeeded });
    scheduler.observe([units[3]!, units[1]!]);
    scheduler.observe([units[0]!, units[2]!]);
    await Promise.resolve();
    expect(onNeeded).toHaveBeenCalledTimes(1);
    expect(ids(onNeeded.mock.calls[0]![0])).toEqual(['u0', 'u1', 'u2', 'u3']);
    scheduler.observe(units);
    await Promise.resolve();
    expect(onNeeded).toHaveBeenCalledTimes(1);
  });
});

describe('createViewportScheduler: units already on screen', () => {
  it('reports units within one screen at once, without waiting for the first observer tick', () => {
    const units = makeUnits(4);
    // A 1000 px window: p0 on screen, p1 one screen below, p2 three screens below, p3 not rendered.
    const tops = [100, 1500, 3500, 0];
    units.forEach((u, i) => {
      const rendered = i !== 3;
      u.element.getBoundingClientRect = () =>
        ({ top: tops[i]!, bottom: tops[i]! + (rendered ? 80 : 0), width: rendered ? 600 : 0, height: rendered ? 80 : 0 }) as DOMRect;
    });
    const win = { IntersectionObserver: FakeIntersectionObserver, innerHeight: 1000 } as unknown as Window;
    const onNeeded = vi.fn();
    const scheduler = createViewportScheduler({ onNeeded, win });
    scheduler.observe(units);
    expect(onNeeded).toHaveBeenCalledTimes(1);
    expect(ids(onNeeded.mock.calls[0]![0])).toEqual(['u0', 'u1']);
    // The rest still wait for the observer, and nothing is reported twice.
    FakeIntersectionObserver.last!.tick([units[0]!.element, units[2]!.element]);
    expect(ids(onNeeded.mock.calls[1]![0])).toEqual(['u2']);
    scheduler.destroy();
  });
});
