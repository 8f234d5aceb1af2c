import type { Page } from 'playwright-core';

/**
 * What the tests read from a page. Each function runs in the page (main world), so everything it
 * needs is inside it; attribute names follow utils/dom-labels.ts.
 */

export interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
  width: number;
  height: number;
}

export interface UnitProbe {
  text: string;
  /** Elements (outside Duet's own nodes) whose normalised text equals `text`. */
  candidates: number;
  /** data-duet-unit of the matching element that carries one, if any. */
  unitId: string | null;
  /** The JS property `tagOriginals` put on the matching element (proves node identity). */
  tag: number | null;
  box: Box | null;
  visible: boolean;
  style: { fontSize: string; color: string; fontFamily: string } | null;
  translation: null | { state: string | null; text: string; lang: string | null; dir: string | null; translate: string | null; box: Box; visible: boolean; hasRetry: boolean };
}

export interface TranslationInfo {
  forId: string | null;
  state: string | null;
  text: string;
  /** Normalised text of the original element paired with it (data-duet-unit = forId). */
  originalText: string | null;
}

interface Snapshot {
  units: UnitProbe[];
  translations: TranslationInfo[];
  tagged: number;
}

/**
 * One pass over the page. An element's text is its text content with <br> read as a space and
 * Duet's own nodes left out (utils/extract/block-text.ts reads blocks the same way); innerText
 * would apply CSS text-transform (the krone kicker is uppercase on screen).
 */
function snapshot(page: Page, wanted: string[], tag: boolean): Promise<Snapshot> {
  return page.evaluate(
    ([texts, tagThem]) => {
      const OURS = 'duet-translation, duet-ui, .duet-own:not(duet-pair)';
      const textOf = (el: Element): string => {
        const parts: string[] = [];
        const walk = (node: Node) => {
          for (let c = node.firstChild; c; c = c.nextSibling) {
            if (c.nodeType === 3) parts.push(c.nodeValue ?? '');
            else if (c.nodeType === 1) {
              const child = c as Element;
              if (child.tagName === 'BR') parts.push(' ');
              else if (!child.matches(OURS) && !['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE'].includes(child.tagName)) walk(child);
            }
          }
        };
        walk(el);
        return parts.join('').replace(/\s+/g, ' ').trim();
      };
      const box = (el: Element) => {
        // An original holding its translation (Duet adds it as the last child): the box of the page's own content.
        const own = [...el.children].find((c) => c.matches('duet-translation'));
        let r: DOMRect = el.getBoundingClientRect();
        if (own && el.firstChild && el.firstChild !== own) {
          const range = document.createRange();
          range.setStartBefore(el.firstChild);
          range.setEndBefore(own);
          r = range.getBoundingClientRect();
        }
        return { left: r.left, right: r.right, top: r.top + scrollY, bottom: r.bottom + scrollY, width: r.width, height: r.height };
      };
      const visible = (el: Element) => {
        const r = el.getBoundingClientRect();
        return r.width > 0 && r.height > 0 && el.checkVisibility({ opacityProperty: true, visibilityProperty: true });
      };
      const all = [...document.body.querySelectorAll('*')].filter((el) => !el.closest(OURS));
      const textByEl = new Map(all.map((el) => [el, textOf(el)] as const));
      const translations = new Map<string, Element>();
      for (const t of document.querySelectorAll('duet-translation')) translations.set(t.getAttribute('data-duet-for') ?? '', t);
      const originals = new Map<string, Element>();
      for (const o of document.querySelectorAll('[data-duet-unit]')) originals.set(o.getAttribute('data-duet-unit') ?? '', o);
      type Tagged = { __duetTestTag?: number };
      let tagged = 0;

      const units = texts.map((text, i) => {
        const matches = all.filter((el) => textByEl.get(el) === text);
        if (tagThem && matches.length) {
          for (const m of matches) (m as unknown as Tagged).__duetTestTag = i;
          tagged++;
        }
        // Prefer the element Duet marked; else the innermost match.
        const el = matches.find((m) => m.hasAttribute('data-duet-unit')) ?? matches[matches.length - 1];
        const unitId = el?.getAttribute('data-duet-unit') ?? null;
        const tr = unitId !== null ? translations.get(unitId) : undefined;
        const cs = el ? getComputedStyle(el) : null;
        const retry = tr && (tr.querySelector('button.duet-retry') ?? tr.shadowRoot?.querySelector('button.duet-retry'));
        return {
          text,
          candidates: matches.length,
          unitId,
          tag: (el as unknown as Tagged | undefined)?.__duetTestTag ?? null,
          box: el ? box(el) : null,
          visible: el ? visible(el) : false,
          style: cs ? { fontSize: cs.fontSize, color: cs.color, fontFamily: cs.fontFamily } : null,
          translation: tr
            ? {
                state: tr.getAttribute('data-duet-state'),
                // The translation's words, without the retry button's label.
                text: [...tr.childNodes]
                  .filter((n) => !(n.nodeType === 1 && (n as Element).matches('button')))
                  .map((n) => (n.nodeType === 1 && (n as Element).localName === 'br' ? ' ' : n.textContent))
                  .join('') // inline elements (links, emphasis: issue 11) sit between text nodes
                  .replace(/\s+/g, ' ')
                  .trim(),
                lang: tr.getAttribute('lang'),
                dir: tr.getAttribute('dir'),
                translate: tr.getAttribute('translate'),
                box: box(tr),
                visible: visible(tr),
                hasRetry: !!retry,
              }
            : null,
        };
      });
      const list = [...translations.entries()].map(([forId, t]) => {
        const original = originals.get(forId);
        return {
          forId,
          state: t.getAttribute('data-duet-state'),
          text: (t.textContent ?? '').replace(/\s+/g, ' ').trim(),
          originalText: original ? textOf(original) : null,
        };
      });
      return { units, translations: list, tagged };
    },
    [wanted, tag] as const,
  );
}

/** For each text: the original element showing it, its Duet marks and its translation. */
export async function probeUnits(page: Page, texts: string[]): Promise<UnitProbe[]> {
  return (await snapshot(page, texts, false)).units;
}

/** Every translation element in the page with the text of its original. */
export async function listTranslations(page: Page): Promise<TranslationInfo[]> {
  return (await snapshot(page, [], false)).translations;
}

/** Puts a JS property (`__duetTestTag = index`) on the elements showing each text; returns how many texts were found. */
export async function tagOriginals(page: Page, texts: string[]): Promise<number> {
  return (await snapshot(page, texts, true)).tagged;
}

export interface PageMetrics {
  scrollWidth: number;
  clientWidth: number;
  bodyHtml: string;
}

export function pageMetrics(page: Page): Promise<PageMetrics> {
  return page.evaluate(() => {
    const se = document.scrollingElement ?? document.documentElement;
    return { scrollWidth: se.scrollWidth, clientWidth: se.clientWidth, bodyHtml: document.body.innerHTML };
  });
}

/**
 * Scrolls to the bottom one viewport at a time and back to the top, so viewport-first scheduling
 * reaches every unit (a reader scrolling through the article).
 */
export async function scrollThrough(page: Page, pauseMs = 150): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const atBottom = await page.evaluate(() => {
      scrollBy(0, innerHeight * 0.8);
      return innerHeight + scrollY >= document.documentElement.scrollHeight - 2;
    });
    await page.waitForTimeout(pauseMs);
    if (atBottom) break;
  }
  await page.evaluate(() => scrollTo(0, 0));
}
