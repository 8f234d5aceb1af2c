// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { JSDOM } from 'jsdom';
import { describe, expect, it, vi } from 'vitest';
import {
  ATTR_FOR,
  ATTR_MODE,
  ATTR_PLACE,
  ATTR_STATE,
  ATTR_UNIT_ID,
  CLASS_RETRY,
  STYLE_ID,
  TAG_PAIR,
  TAG_TRANSLATION,
} from '../../dom-labels';
import type { Unit, UnitKind } from '../../extract/types';
import { createRenderer } from '../renderer';
import { trustScriptedClicks } from '../../page-ui/__tests__/trust-scripted-clicks';

trustScriptedClicks(); // the tests' clicks stand in for the reader's (trusted-click.ts)

// Node's URL, not jsdom's: the test file's own path.
const FIXTURE = resolve(dirname(fileURLToPath(import.meta.url)), '../../../e2e/fixtures/news/krone-north-korea.html');
const ARTICLE_BLOCKS = '.article-header h1, .article-body p, .article-body h2';

function loadFixture(): Document {
  return new JSDOM(readFileSync(FIXTURE, 'utf8')).window.document;
}

function unitsOf(elements: Iterable<Element>): Unit[] {
  return [...elements].map((element, i) => ({
    id: `u${i}`,
    element,
    text: element.textContent ?? '',
    kind: (/^H/.test(element.tagName) ? 'heading' : 'paragraph') as UnitKind,
  }));
}

function translationOf(doc: Document, id: string): HTMLElement[] {
  return [...doc.querySelectorAll<HTMLElement>(`${TAG_TRANSLATION}[${ATTR_FOR}="${id}"]`)];
}

describe('renderer on the krone fixture', () => {
  it('restores the exact original body and the same element nodes after modes, errors and retries', () => {
    const doc = loadFixture();
    const bodyBefore = doc.body.innerHTML;
    const headBefore = doc.head.innerHTML;
    const elements = [...doc.querySelectorAll(ARTICLE_BLOCKS)];
    const units = unitsOf(elements);
    expect(units.length).toBe(11);

    const renderer = createRenderer(doc, { layout: 'auto', targetLanguage: 'de' });
    for (const unit of units) renderer.showLoading(unit);
    expect(doc.body.innerHTML).not.toBe(bodyBefore);
    units.slice(0, 6).forEach((u, i) => renderer.showTranslation(u, `Übersetzung ${i} <b>kein HTML</b>`));
    const onRetry = vi.fn(() => renderer.showLoading(units[7]!));
    renderer.showError(units[7]!, 'The provider is not reachable.', onRetry);
    doc.querySelector<HTMLButtonElement>(`.${CLASS_RETRY}`)!.click();
    expect(onRetry).toHaveBeenCalledTimes(1);
    renderer.showTranslation(units[7]!, 'Nach dem Neuversuch');
    renderer.showError(units[8]!, 'Quota exceeded.', () => {});

    renderer.setMode('translation');
    renderer.setLayout('stacked');
    renderer.setMode('bilingual');
    renderer.setMode('original');
    expect(doc.body.innerHTML).toBe(bodyBefore);
    renderer.setMode('translation');
    renderer.setLayout('side-by-side');
    renderer.showTranslation(units[9]!, 'Spät angekommen');
    expect(doc.body.innerHTML).not.toBe(bodyBefore);

    renderer.restore();
    expect(doc.body.innerHTML).toBe(bodyBefore);
    expect(doc.head.innerHTML).toBe(headBefore);
    expect(doc.documentElement.hasAttribute(ATTR_MODE)).toBe(false);
    expect(doc.getElementById(STYLE_ID)).toBeNull();
    const elementsAfter = [...doc.querySelectorAll(ARTICLE_BLOCKS)];
    expect(elementsAfter.length).toBe(elements.length);
    elementsAfter.forEach((el, i) => expect(el).toBe(elements[i]));
    expect(renderer.has('u0')).toBe(false);
    expect(renderer.getMode()).toBe('original');
  });

  it('pairs each original with one translation element carrying the contract attributes', () => {
    const doc = loadFixture();
    const units = unitsOf(doc.querySelectorAll(ARTICLE_BLOCKS));
    const renderer = createRenderer(doc, { layout: 'auto', targetLanguage: 'de' });
    const lead = units[1]!;
    renderer.showLoading(lead);
    let [tr] = translationOf(doc, 'u1');
    expect(tr!.getAttribute(ATTR_STATE)).toBe('loading');
    expect(tr!.getAttribute('translate')).toBe('no');
    expect(tr!.getAttribute('lang')).toBe('de');
    expect(tr!.getAttribute('dir')).toBe('ltr');
    expect(tr!.textContent).toBe('');
    expect(lead.element.getAttribute(ATTR_UNIT_ID)).toBe('u1');
    // Issue 9: the original stays where the page put it; the translation is added as its last child
    // (side by side is a column layout of the original's own box, decided by CSS).
    expect(lead.element.lastChild).toBe(tr);
    expect(tr!.getAttribute(ATTR_PLACE)).toBe('columns');
    expect(doc.querySelector(TAG_PAIR)).toBeNull();

    renderer.showTranslation(lead, 'Erste <script>alert(1)</script>');
    renderer.showTranslation(lead, 'Zweite Fassung <img src=x onerror=alert(1)>');
    const all = translationOf(doc, 'u1');
    expect(all).toHaveLength(1);
    expect(all[0]).toBe(tr);
    expect(tr!.getAttribute(ATTR_STATE)).toBe('done');
    // Issue 11: answers are markup, rebuilt from a whitelist: a provider's element never reaches the page.
    expect(tr!.textContent).toBe('Zweite Fassung ');
    expect(tr!.children).toHaveLength(0);
    renderer.showTranslation(lead, 'Zweite Fassung &lt;img src=x onerror=alert(1)&gt;');
    expect(tr!.textContent).toBe('Zweite Fassung <img src=x onerror=alert(1)>'); // escaped: text
    expect(tr!.children).toHaveLength(0);
    expect(doc.querySelectorAll(`#${STYLE_ID}`)).toHaveLength(1);
    expect(doc.documentElement.getAttribute(ATTR_MODE)).toBe('bilingual');

    renderer.showError(lead, 'Network down.', () => {});
    [tr] = translationOf(doc, 'u1');
    expect(tr!.getAttribute(ATTR_STATE)).toBe('error');
    expect(tr!.textContent).toContain('Network down.');
    expect(tr!.querySelector(`button.${CLASS_RETRY}`)).not.toBeNull();
  });

  it('leaves elements that are not units untouched', () => {
    const doc = loadFixture();
    const units = unitsOf(doc.querySelectorAll('.article-body p'));
    const others = [...doc.body.querySelectorAll('*')].filter(
      (el) => !units.some((u) => u.element === el || el.contains(u.element) || u.element.contains(el)),
    );
    const before = others.map((el) => el.outerHTML);
    const ancestors = [...doc.querySelectorAll('.article-body, .article-wrapper, main')];
    const ancestorAttrs = ancestors.map((el) => [...el.attributes].map((a) => `${a.name}=${a.value}`).join(' '));
    const renderer = createRenderer(doc, { layout: 'side-by-side', targetLanguage: 'fr' });
    units.forEach((u) => renderer.showTranslation(u, 'Traduction'));
    renderer.setMode('translation');
    expect(others.map((el) => el.outerHTML)).toEqual(before);
    expect(ancestors.map((el) => [...el.attributes].map((a) => `${a.name}=${a.value}`).join(' '))).toEqual(ancestorAttrs);
    expect(doc.querySelectorAll(TAG_TRANSLATION)).toHaveLength(units.length);
  });

  it('reuses the same translation elements across mode switches and keeps originals in the page', () => {
    const doc = loadFixture();
    const units = unitsOf(doc.querySelectorAll(ARTICLE_BLOCKS));
    const renderer = createRenderer(doc, { layout: 'auto', targetLanguage: 'es' });
    units.forEach((u) => renderer.showTranslation(u, `t-${u.id}`));
    const first = translationOf(doc, 'u3')[0];
    renderer.setMode('translation');
    expect(doc.documentElement.getAttribute(ATTR_MODE)).toBe('translation');
    expect(first!.hasAttribute('tabindex')).toBe(false); // issue 13: no Tab stop per paragraph
    units.forEach((u) => expect(u.element.isConnected).toBe(true)); // hidden, not removed
    renderer.setMode('original');
    expect(doc.querySelectorAll(TAG_TRANSLATION)).toHaveLength(0);
    expect(renderer.has('u3')).toBe(true);
    renderer.setMode('bilingual');
    expect(translationOf(doc, 'u3')[0]).toBe(first);
    expect(first!.textContent).toBe('t-u3');
    expect(first!.hasAttribute('tabindex')).toBe(false);
  });

  it('keeps translations made in Original mode out of the page until a translated mode is chosen', () => {
    const doc = loadFixture();
    const before = doc.body.innerHTML;
    const [unit] = unitsOf(doc.querySelectorAll('h1'));
    const renderer = createRenderer(doc, { layout: 'auto', targetLanguage: 'it', mode: 'original' });
    renderer.showTranslation(unit!, 'Titolo');
    expect(doc.body.innerHTML).toBe(before);
    expect(doc.getElementById(STYLE_ID)).toBeNull();
    renderer.setMode('bilingual');
    expect(translationOf(doc, 'u0')[0]!.textContent).toBe('Titolo');
  });

  it('reads every original style of a batch before its first DOM write', () => {
    const doc = loadFixture();
    const units = unitsOf(doc.querySelectorAll(ARTICLE_BLOCKS));
    const view = doc.defaultView!;
    let wrote = false;
    let readsAfterFirstWrite = 0;
    const real = view.getComputedStyle.bind(view);
    const read = vi.spyOn(view, 'getComputedStyle').mockImplementation((...args) => {
      if (wrote) readsAfterFirstWrite++;
      return real(...args);
    });
    const renderer = createRenderer(doc, {
      layout: 'auto',
      targetLanguage: 'de',
      mutate: (fn) => {
        wrote = true;
        return fn();
      },
    });
    renderer.showLoading(units);
    expect(read.mock.calls.length).toBeGreaterThanOrEqual(units.length);
    expect(readsAfterFirstWrite).toBe(0); // one style recalculation, not one per unit
    expect(doc.querySelectorAll(TAG_TRANSLATION)).toHaveLength(units.length);
    units.forEach((u) => renderer.showTranslation(u, 'x')); // existing slots: no further reads
    expect(read.mock.calls.length).toBe(units.length);
  });

  it('runs every write through the mutate hook and does nothing after destroy', () => {
    const doc = loadFixture();
    const before = doc.body.innerHTML;
    const units = unitsOf(doc.querySelectorAll('.article-body p'));
    let mutateCalls = 0;
    const observer = new doc.defaultView!.MutationObserver(() => {});
    observer.observe(doc, { subtree: true, childList: true, attributes: true, characterData: true });
    const outside: MutationRecord[] = [];
    const mutate = <T,>(fn: () => T): T => {
      mutateCalls++;
      outside.push(...observer.takeRecords()); // anything pending now was written outside the hook
      const result = fn();
      observer.takeRecords();
      return result;
    };
    const renderer = createRenderer(doc, { layout: 'auto', targetLanguage: 'de', mutate });
    renderer.showLoading(units[0]!);
    renderer.setMode('translation');
    expect(mutateCalls).toBeGreaterThanOrEqual(2);
    renderer.destroy();
    outside.push(...observer.takeRecords());
    expect(outside, 'DOM writes outside the mutate hook').toEqual([]);
    expect(doc.body.innerHTML).toBe(before);
    renderer.showTranslation(units[1]!, 'x');
    renderer.setMode('bilingual');
    expect(doc.body.innerHTML).toBe(before);
  });
});

describe('renderer placement and direction', () => {
  const html = `<article><h2>Title</h2><ul><li>First <a href="#">item</a></li><li>Second</li></ul>
<table><tr><td>Cell text</td></tr></table><p>Running <span class="q">quoted words</span> text.</p>
<a href="/story"><h3>Linked headline</h3></a><figure><img src="x.png"><figcaption>Caption</figcaption></figure></article>`;

  function setup(targetLanguage = 'fr') {
    const doc = new JSDOM(`<!doctype html><html><head></head><body>${html}</body></html>`).window.document;
    const pick = (sel: string) => doc.querySelector(sel)!;
    const elements = [pick('h2'), pick('li'), pick('td'), pick('span.q'), pick('h3'), pick('figcaption')];
    return { doc, elements, units: unitsOf(elements), renderer: createRenderer(doc, { layout: 'auto', targetLanguage }) };
  }

  it('adds every translation as the last child of its original, never moving it; only blocks may take columns', () => {
    const { doc, elements, units, renderer } = setup();
    const before = doc.body.innerHTML;
    const parents = elements.map((el) => [el.parentNode, el.previousSibling, el.nextSibling]);
    units.forEach((u) => renderer.showTranslation(u, `T ${u.id}`));
    const [h2, li, td, span, h3, figcaption] = elements;
    elements.forEach((el, i) => {
      expect(el.lastElementChild!.tagName.toLowerCase()).toBe(TAG_TRANSLATION);
      expect([el.parentNode, el.previousSibling, el.nextSibling], 'the original did not move').toEqual(parents[i]);
    });
    for (const block of [h2, h3]) expect(block!.lastElementChild!.getAttribute(ATTR_PLACE)).toBe('columns');
    for (const inside of [li, td, span, figcaption]) expect(inside!.lastElementChild!.getAttribute(ATTR_PLACE)).toBe('inside');
    expect(doc.querySelector(TAG_PAIR)).toBeNull();
    expect(doc.querySelector('ul')!.children[0]).toBe(li); // list stays a list of li
    renderer.setMode('translation');
    renderer.restore();
    expect(doc.body.innerHTML).toBe(before);
  });

  it('gives right-to-left targets dir=rtl and honours an explicit language', () => {
    const { doc, units, renderer } = setup('ar');
    renderer.showLoading(units[0]!);
    expect(translationOf(doc, 'u0')[0]!.getAttribute('dir')).toBe('rtl');
    renderer.showTranslation(units[0]!, 'שלום', { lang: 'he-IL' });
    expect(translationOf(doc, 'u0')[0]!.getAttribute('lang')).toBe('he-IL');
    expect(translationOf(doc, 'u0')[0]!.getAttribute('dir')).toBe('rtl');
    renderer.showTranslation(units[1]!, 'Hello', { lang: 'en', dir: 'ltr' });
    expect(translationOf(doc, 'u1')[0]!.getAttribute('dir')).toBe('ltr');
  });

  it('keeps a retry click from reaching the link around the original', () => {
    const { doc, units, renderer } = setup();
    const linkClick = vi.fn((e: Event) => e.preventDefault());
    doc.querySelector('a[href="/story"]')!.addEventListener('click', linkClick);
    const onRetry = vi.fn();
    renderer.showError(units[4]!, 'Failed', onRetry);
    doc.querySelector<HTMLButtonElement>(`.${CLASS_RETRY}`)!.click();
    expect(onRetry).toHaveBeenCalledTimes(1);
    expect(linkClick).not.toHaveBeenCalled();
  });

  it('replaces the pairing when the same element comes back under another id, and survives a removed original', () => {
    const { doc, elements, units, renderer } = setup();
    const before = doc.body.innerHTML;
    renderer.showTranslation(units[0]!, 'A');
    renderer.showTranslation({ ...units[0]!, id: 'x9' }, 'B');
    expect(doc.querySelectorAll(TAG_TRANSLATION)).toHaveLength(1);
    expect(renderer.has('u0')).toBe(false);
    expect(elements[0]!.getAttribute(ATTR_UNIT_ID)).toBe('x9');
    renderer.showTranslation(units[1]!, 'li');
    renderer.remove('u1');
    expect(elements[1]!.querySelector(TAG_TRANSLATION)).toBeNull();
    renderer.restore();
    expect(doc.body.innerHTML).toBe(before);
  });

  it('mirrors the original look into custom properties and leaves the original untouched', () => {
    const doc = new JSDOM(
      `<!doctype html><html><head><style>h1{font-size:32px;margin:20px 0 12px;color:rgb(200, 0, 0)}</style></head><body><h1>Big</h1></body></html>`,
    ).window.document;
    const [unit] = unitsOf(doc.querySelectorAll('h1'));
    createRenderer(doc, { layout: 'auto', targetLanguage: 'de' }).showTranslation(unit!, 'Groß');
    const tr = translationOf(doc, 'u0')[0]!;
    expect(tr.style.getPropertyValue('--duet-fs')).toBe('32px');
    expect(tr.style.getPropertyValue('--duet-color')).toBe('rgb(200, 0, 0)');
    expect(tr.parentElement).toBe(unit!.element);
    expect((unit!.element as HTMLElement).getAttribute('style')).toBeNull(); // original never restyled inline
  });
});

describe('renderer: originals that hold other units', () => {
  it('never moves them (or <body>): their translation goes at their end, and restore is exact', () => {
    const doc = new JSDOM('<body>Loose text of an old page.<br><div id="box">More loose text.<p id="inner">A paragraph inside.</p></div></body>').window.document;
    const before = doc.documentElement.innerHTML;
    const body: Unit = { id: 'b', element: doc.body, text: 'Loose text of an old page.', kind: 'paragraph', containsUnits: true };
    const box: Unit = { id: 'x', element: doc.getElementById('box')!, text: 'More loose text.', kind: 'paragraph', containsUnits: true };
    const inner: Unit = { id: 'i', element: doc.getElementById('inner')!, text: 'A paragraph inside.', kind: 'paragraph' };
    const renderer = createRenderer(doc, { layout: 'side-by-side', targetLanguage: 'de' });
    renderer.showLoading([body, box, inner]);
    for (const u of [body, box, inner]) renderer.showTranslation(u, `DE ${u.text}`);
    expect(doc.body.parentElement).toBe(doc.documentElement);
    expect(box.element.parentElement).toBe(doc.body);
    expect(translationOf(doc, 'x')[0]!.parentElement).toBe(box.element);
    expect(translationOf(doc, 'x')[0]!.getAttribute(ATTR_PLACE)).toBe('inside'); // one column: its units are inside it
    expect(inner.element.parentElement).toBe(box.element);
    expect(inner.element.lastChild).toBe(translationOf(doc, 'i')[0]);
    renderer.restore();
    expect(doc.documentElement.innerHTML).toBe(before);
  });
});
