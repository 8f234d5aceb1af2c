import type { Page } from 'playwright-core';

/**
 * Reading a live page's state for the issue-9 tests. Functions passed to `evaluate` run in the page;
 * they avoid named inner functions (tsx's keepNames helper does not exist there).
 */
export interface UnitState {
  /** The element's own text, Duet's nodes left out. */
  text: string;
  /** Translation elements (Duet's) directly inside or right after the element. */
  translations: { state: string | null; text: string }[];
  /** Where the element sits: the tag of its parent (a Duet tag there would mean Duet re-parented it). */
  parentTag: string;
}

/** The state of every element matching `selector` (page elements only). */
export function unitStates(page: Page, selector: string): Promise<UnitState[]> {
  return page.evaluate((sel) => {
    const own = (n: Node) => n.nodeType === 1 && (n as Element).tagName.toLowerCase().startsWith('duet-');
    return [...document.querySelectorAll(sel)]
      .filter((el) => !el.closest('duet-translation'))
      .map((el) => {
        const text = [...el.childNodes]
          .filter((n) => !own(n))
          .map((n) => n.textContent)
          .join('')
          .replace(/\s+/g, ' ')
          .trim();
        const inside = [...el.children].filter((c) => c.tagName.toLowerCase() === 'duet-translation');
        const next = el.nextElementSibling;
        const after = next && next.tagName.toLowerCase() === 'duet-translation' && next.getAttribute('data-duet-place') === 'after' ? [next] : [];
        return {
          text,
          translations: [...inside, ...after].map((t) => ({ state: t.getAttribute('data-duet-state'), text: (t.textContent ?? '').replace(/\s+/g, ' ').trim() })),
          parentTag: el.parentElement?.tagName.toLowerCase() ?? '',
        };
      });
  }, selector);
}

/**
 * Waits until every element matching `selector` shows exactly one finished translation equal to
 * `expected(text)`; returns the last states either way (the caller asserts on them).
 */
export async function waitUntilTranslated(page: Page, selector: string, expected: (text: string) => string, timeoutMs = 20_000): Promise<UnitState[]> {
  const deadline = Date.now() + timeoutMs;
  let states: UnitState[] = [];
  while (Date.now() < deadline) {
    states = await unitStates(page, selector);
    const ok = states.length > 0 && states.every((s) => s.translations.length === 1 && s.translations[0]!.state === 'done' && s.translations[0]!.text === expected(s.text));
    if (ok) return states;
    await page.waitForTimeout(100);
  }
  return states;
}

/** Every node, attribute or style of Duet's still in the page (none after Original). */
export function duetTraces(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    for (const el of document.querySelectorAll('*')) {
      if (el.tagName.toLowerCase().startsWith('duet-')) found.push(`<${el.tagName.toLowerCase()}>`);
      for (const a of el.getAttributeNames()) if (a.startsWith('data-duet-')) found.push(`[${a}] on <${el.tagName.toLowerCase()}>`);
    }
    if (document.getElementById('duet-style')) found.push('#duet-style');
    if (performance.getEntriesByType('mark').some((m) => m.name.startsWith('duet:'))) found.push('duet:* performance marks');
    return found;
  });
}
