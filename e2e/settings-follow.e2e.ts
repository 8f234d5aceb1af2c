/**
 * Issue 2, settings: a change made in one place (here written to storage.local, as the popup and the
 * options page do) reaches an open tab without a reload: a new target language re-translates the
 * page into it, a new layout re-lays it out.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeSettings } from '../scripts/e2e-kit/extension';
import { waitForTranslations } from '../scripts/e2e-kit/page-state';
import { pseudoTranslate } from '../scripts/e2e-kit/pseudo-translate';
import type { Settings } from '../utils/settings/schema';
import { loadExpectation, startSession, type E2ESession } from './helpers/session';

const expected = loadExpectation('krone-north-korea');
const headline = expected.mustTranslate[0]!;

describe('settings changed elsewhere reach an open tab', () => {
  let s: E2ESession;
  const base: Partial<Settings> = { targetLanguage: 'de', alwaysTranslateSites: ['127.0.0.1'] };

  beforeAll(async () => {
    s = await startSession({ settings: base });
  });
  afterAll(async () => {
    await s?.close();
  });

  const headlineTranslation = () =>
    s.page.evaluate((text) => {
      // The original's own words: Duet's translation sits inside it (issue 9), so it is left out.
      const ownText = (el: Element) => [...el.childNodes].filter((n) => !(n.nodeType === 1 && (n as Element).tagName === 'DUET-TRANSLATION')).map((n) => n.textContent).join('');
      const original = [...document.querySelectorAll('[data-duet-unit]')].find((el) => ownText(el).replace(/\s+/g, ' ').trim() === text);
      const id = original?.getAttribute('data-duet-unit');
      const translation = id ? document.querySelector(`duet-translation[data-duet-for="${id}"]`) : null;
      return translation && { text: translation.textContent, lang: translation.getAttribute('lang'), state: translation.getAttribute('data-duet-state') };
    }, headline);

  it('a new target language re-translates the open page into it', async () => {
    await s.page.goto(s.server.url(expected.page));
    await waitForTranslations(s.page, { scope: 'viewport', timeoutMs: 30_000 });
    expect(await headlineTranslation()).toMatchObject({ text: pseudoTranslate(headline, 'de'), lang: 'de' });

    await writeSettings(s.browser, { ...base, targetLanguage: 'fr' });
    await s.page.waitForFunction(() => document.querySelector('duet-translation[lang="fr"][data-duet-state="done"]'), null, { timeout: 15_000 });
    await waitForTranslations(s.page, { scope: 'viewport', timeoutMs: 30_000 });
    expect(await headlineTranslation()).toMatchObject({ text: pseudoTranslate(headline, 'fr'), lang: 'fr', state: 'done' });
    expect(await s.page.locator('duet-translation[lang="de"]').count(), 'no German translation left over').toBe(0);
  });

  it('a new layout applies at once, with no new requests', async () => {
    const requests = s.fake.requests;
    const sideBySide = () =>
      s.page.evaluate(() => {
        const t = document.querySelector('duet-translation[data-duet-state="done"]')!;
        const original = document.querySelector(`[data-duet-unit="${t.getAttribute('data-duet-for')}"]`)!;
        // The original's own content (the translation is its last child since issue 9).
        const range = document.createRange();
        range.setStartBefore(original.firstChild!);
        range.setEndBefore(t);
        return t.getBoundingClientRect().left >= range.getBoundingClientRect().right - 1;
      });
    expect(await sideBySide()).toBe(true);
    await writeSettings(s.browser, { ...base, targetLanguage: 'fr', layout: 'stacked' });
    await s.page.waitForFunction(() => {
      const t = document.querySelector('duet-translation[data-duet-state="done"]')!;
      const original = document.querySelector(`[data-duet-unit="${t.getAttribute('data-duet-for')}"]`)!;
      const range = document.createRange();
      range.setStartBefore(original.firstChild!);
      range.setEndBefore(t);
      return t.getBoundingClientRect().top >= range.getBoundingClientRect().bottom - 1;
    }, null, { timeout: 10_000 });
    expect(s.fake.requests).toBe(requests);
  });
});
