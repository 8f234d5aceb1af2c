import { act, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';

/**
 * Minimal rendering helpers for React tests in jsdom (no @testing-library here): render with act(),
 * let pending promises settle, and change form controls the way React listens for.
 */
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

export interface Rendered {
  container: HTMLElement;
  unmount(): void;
}

export async function render(ui: ReactNode): Promise<Rendered> {
  const container = document.createElement('div');
  document.body.append(container);
  const root = createRoot(container);
  await act(async () => root.render(ui));
  return {
    container,
    unmount() {
      act(() => root.unmount());
      container.remove();
    },
  };
}

/** Lets promises and zero-delay timers run inside act(), `rounds` times. */
export async function settle(rounds = 3): Promise<void> {
  for (let i = 0; i < rounds; i++) {
    await act(async () => {
      await new Promise((r) => setTimeout(r, 0));
    });
  }
}

/** Waits (real time) until `check` stops throwing or rejecting, or fails with its last error. */
export async function waitFor(check: () => unknown, timeoutMs = 1000): Promise<void> {
  const start = Date.now();
  for (;;) {
    try {
      await check();
      return;
    } catch (error) {
      if (Date.now() - start > timeoutMs) throw error;
      await settle(1);
    }
  }
}

/** Sets an input's or select's value through the native setter so React sees the change. */
export async function changeValue(el: HTMLInputElement | HTMLSelectElement, value: string): Promise<void> {
  const proto = el instanceof HTMLSelectElement ? HTMLSelectElement.prototype : HTMLInputElement.prototype;
  Object.getOwnPropertyDescriptor(proto, 'value')!.set!.call(el, value);
  await act(async () => {
    el.dispatchEvent(new Event(el instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }));
  });
}

export async function click(el: Element): Promise<void> {
  await act(async () => {
    (el as HTMLElement).click();
  });
}

/** The element matching `selector` whose text contains `text`. */
export function byText<E extends Element = HTMLElement>(root: ParentNode, selector: string, text: string | RegExp): E {
  const match = [...root.querySelectorAll<E>(selector)].find((el) =>
    typeof text === 'string' ? el.textContent?.includes(text) : text.test(el.textContent ?? ''),
  );
  if (!match) throw new Error(`no ${selector} with text ${String(text)}`);
  return match;
}

/** The form control labelled `label` (via <label for> or aria-label). */
export function byLabel<E extends HTMLElement = HTMLInputElement>(root: ParentNode, label: string | RegExp): E {
  for (const el of root.querySelectorAll<HTMLElement>('input, select, textarea')) {
    const texts = [el.getAttribute('aria-label') ?? '', ...[...((el as HTMLInputElement).labels ?? [])].map((l) => l.textContent ?? '')];
    if (texts.some((t) => (typeof label === 'string' ? t.trim().replace(/\s*\*$/, '') === label : label.test(t)))) return el as E;
  }
  throw new Error(`no control labelled ${String(label)}`);
}
