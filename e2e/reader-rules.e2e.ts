/**
 * Issue 13 (a)–(d), in Chromium: site rules that fit how sites are named (a rule covers subdomains),
 * never-translate sites over always-translate languages, the pill's "Translate whole page" on an
 * always-translate site's front page, the popup in the reader's language (German, then Arabic right to
 * left, with Chromium's --lang), and a stored v1 settings object migrated to v2 on an update.
 * Hostnames: Chromium resolves every *.localhost name to the loopback address, so the fixture server
 * on 127.0.0.1 answers for www.news.localhost, blocked.news.localhost …
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithExtension, type DuetBrowser } from '../scripts/e2e-kit/chromium';
import { sendToTab, serviceWorkerOf, waitForContentScript, writeSettings, type WorkerGlobals } from '../scripts/e2e-kit/extension';
import { FakeGoogle } from '../scripts/e2e-kit/fake-google';
import { startFixtureServer, type FixtureServer } from '../scripts/e2e-kit/fixture-server';
import { countTranslations, waitForTranslations } from '../scripts/e2e-kit/page-state';
import { SETTINGS_VERSION, type Settings } from '../utils/settings/schema';
import { artifactPath } from './helpers/session';
import { clickAccessibleButton, pillControls, pillDirection } from './helpers/pill-probe';

const on = (server: FixtureServer, host: string, page: string) => server.url(page).replace('127.0.0.1', host);

async function openBrowser(lang: string, userDataDir?: string, viewport = { width: 1280, height: 900 }) {
  const browser = await launchWithExtension({ viewport, args: [`--lang=${lang}`], ...(userDataDir ? { userDataDir } : {}) });
  await new FakeGoogle().attach(browser.context);
  return browser;
}

/** The popup as the toolbar opens it, over `page`: opened in a tab, then read while `page` is the active tab. */
async function openPopup(browser: DuetBrowser, page: Page): Promise<Page> {
  const popup = await browser.context.newPage();
  await popup.setViewportSize({ width: 360, height: 640 });
  await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
  await page.bringToFront();
  await popup.evaluate(() => location.reload()); // asks for the active tab again: now the news page
  await popup.waitForSelector('[data-progress]', { timeout: 15_000 });
  return popup;
}

async function stayUntranslated(page: Page, ms = 1500): Promise<number> {
  await page.waitForTimeout(ms);
  return (await countTranslations(page)).done;
}

describe('site rules, popup language, settings migration', () => {
  let server: FixtureServer;
  beforeAll(async () => {
    server = await startFixtureServer();
  });
  afterAll(async () => {
    await server?.close();
  });

  describe('German UI', () => {
    let browser: DuetBrowser;
    const rules: Partial<Settings> = {
      targetLanguage: 'en',
      alwaysTranslateSites: ['news.localhost'],
      neverTranslateSites: ['blocked.news.localhost'],
      alwaysTranslateLanguages: ['es'],
    };
    beforeAll(async () => {
      browser = await openBrowser('de');
      await writeSettings(browser, rules);
    });
    afterAll(async () => {
      await browser?.close();
    });

    it('a rule for news.localhost translates www.news.localhost (a subdomain)', async () => {
      await writeSettings(browser, { ...rules, targetLanguage: 'de', translationStyle: 'sidebar', translationSize: 'smaller' });
      const page = await browser.context.newPage();
      await page.goto(on(server, 'www.news.localhost', 'krone-north-korea.html'));
      const counts = await waitForTranslations(page, { scope: 'viewport', timeoutMs: 30_000 });
      expect(counts.done).toBeGreaterThan(0);
      // The display choice reaches the page: a side bar on each translation, a smaller size; gone in Original.
      const look = () =>
        page.evaluate(() => {
          const t = document.querySelector('duet-translation[data-duet-state="done"]');
          const css = t && getComputedStyle(t);
          return { style: document.documentElement.getAttribute('data-duet-style'), border: css?.borderInlineStartStyle, wrap: css?.overflowWrap };
        });
      expect(await look()).toEqual({ style: 'sidebar', border: 'solid', wrap: 'break-word' });
      await page.screenshot({ path: artifactPath('sidebar-1280-de.png') });
      await sendToTab(browser, page, { type: 'setMode', mode: 'original' });
      expect(await page.evaluate(() => document.documentElement.hasAttribute('data-duet-style'))).toBe(false);
      await page.close();
    });

    it('a never-translate subdomain wins over its site rule and over an always-translate language', async () => {
      await writeSettings(browser, rules);
      const page = await browser.context.newPage();
      await page.goto(on(server, 'blocked.news.localhost', 'es-navalcruz-sequia.html'));
      expect((await waitForContentScript(browser, page)).mode).toBe('original');
      expect(await stayUntranslated(page)).toBe(0);
      const popup = await openPopup(browser, page);
      expect(await popup.textContent('[data-site-note=never]')).toContain('Duet übersetzt blocked.news.localhost nicht von selbst');
      await popup.close();
      await page.close();
    });

    it('an always-translate language translates a page on a site without a rule', async () => {
      const page = await browser.context.newPage();
      await page.goto(on(server, 'elsewhere.localhost', 'es-navalcruz-sequia.html'));
      const counts = await waitForTranslations(page, { scope: 'viewport', timeoutMs: 30_000 });
      expect(counts.done).toBeGreaterThan(0);

      const popup = await openPopup(browser, page);
      await popup.waitForFunction(() => document.querySelector('[data-language]') !== null, undefined, { timeout: 10_000 });
      // German UI: the page's language is named in German, the progress is a sentence, nothing is red.
      expect(await popup.textContent('[data-language]')).toBe('Sprache der Seite: Spanisch');
      expect(await popup.textContent('[data-progress]')).toMatch(/Absätze|Absätzen|Absatz/);
      expect(await popup.locator('.duet-count-failed').count()).toBe(0);
      expect(await popup.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(['de', 'ltr']);
      await popup.screenshot({ path: artifactPath('popup-de.png') });
      await popup.close();
      await page.close();
    });

    it('shows a selection\'s translation in a popover without moving the page (content half; the menu click is unit-tested)', async () => {
      const page = await browser.context.newPage();
      await page.goto(on(server, 'nothing.localhost', 'krone-north-korea.html'));
      await waitForContentScript(browser, page);
      const before = await page.evaluate(() => document.body.innerHTML);
      await page.evaluate(() => {
        const h = document.querySelector('h1')!;
        getSelection()!.selectAllChildren(h);
      });
      await sendToTab(browser, page, { type: 'showSelection', original: 'Blinken', translation: 'Blinken verspricht eine harte Antwort', lang: 'de' });
      await expect.poll(async () => (await pillControls(page)).texts, { timeout: 5000 }).toContain('Blinken verspricht eine harte Antwort');
      expect((await pillControls(page)).buttons).toContain('Schließen');
      expect(await page.evaluate(() => document.body.innerHTML)).toBe(before); // outside <body>: the page did not change
      await page.screenshot({ path: artifactPath('selection-1280-de.png') });
      await page.keyboard.press('Escape');
      await expect.poll(async () => (await pillControls(page)).buttons, { timeout: 5000 }).not.toContain('Schließen');
      await page.close();
    });

    it("an always-translate site's front page (not an article) shows the pill with Translate whole page, gone once used", async () => {
      await writeSettings(browser, { ...rules, targetLanguage: 'de' });
      const page = await browser.context.newPage();
      await page.goto(on(server, 'www.news.localhost', 'front-page-en.html'));
      await waitForContentScript(browser, page);
      await expect.poll(async () => (await pillControls(page)).buttons, { timeout: 10_000 }).toContain('Ganze Seite übersetzen');
      expect((await pillControls(page)).texts).toContain('Kein Artikel');
      expect(await pillDirection(page)).toEqual({ dir: 'ltr', lang: 'de' });
      await page.screenshot({ path: artifactPath('pill-offer-1280-de.png') });
      await page.setViewportSize({ width: 390, height: 844 });
      await page.screenshot({ path: artifactPath('pill-offer-390-de.png') });
      await page.setViewportSize({ width: 1280, height: 900 });
      await clickAccessibleButton(page, 'Ganze Seite übersetzen');
      const counts = await waitForTranslations(page, { scope: 'viewport', timeoutMs: 30_000 });
      expect(counts.done).toBeGreaterThan(0);
      expect((await pillControls(page)).buttons).not.toContain('Ganze Seite übersetzen');
      await page.screenshot({ path: artifactPath('whole-page-1280-de.png') });
      await page.close();
    });
  });

  describe('Arabic UI (right to left) and a v1 → v2 settings migration', () => {
    let browser: DuetBrowser;
    let profile: string;
    beforeAll(async () => {
      profile = await mkdtemp(join(tmpdir(), 'duet-profile-'));
      browser = await openBrowser('ar', profile);
    });
    afterAll(async () => {
      await browser?.close();
      await rm(profile, { recursive: true, force: true });
    });

    it('moves a stored v1 object from storage.local into sync as v2 on update, keeping every field', async () => {
      const v1 = {
        version: 1,
        mode: 'bilingual',
        targetLanguage: 'en',
        sourceLanguage: 'auto',
        provider: 'google',
        layout: 'stacked',
        alwaysTranslateSites: ['127.0.0.1'],
        cacheMaxMb: 120,
      };
      const sw = await serviceWorkerOf(browser);
      await sw.evaluate(async (value) => {
        const { chrome } = globalThis as unknown as WorkerGlobals;
        await chrome.storage.sync.remove(['settings', 'settings$']);
        await chrome.storage.local.set({ settings: value });
      }, v1);
      // As after an update: the extension starts again on the same profile, and its first read migrates.
      // (chrome.runtime.reload() does not bring an unpacked extension back under Playwright.)
      await browser.close();
      browser = await openBrowser('ar', profile);
      const page = await browser.context.newPage();
      await page.goto(server.url('es-navalcruz-sequia.html'));
      await waitForTranslations(page, { scope: 'viewport', timeoutMs: 30_000 }); // the v1 site rule still works
      const after = await (await serviceWorkerOf(browser)).evaluate(async () => {
        const { chrome } = globalThis as unknown as WorkerGlobals;
        return { sync: await chrome.storage.sync.get(['settings', 'settings$']), local: await chrome.storage.local.get('settings') };
      });
      // v1 → current (v3 since learning mode): every v1 field kept, the new ones at their defaults.
      expect(after.sync.settings).toMatchObject({ ...v1, version: SETTINGS_VERSION, neverTranslateSites: [], alwaysTranslateLanguages: [], siteModes: {}, learning: false, learningSites: {} });
      expect(after.sync['settings$']).toEqual({ v: SETTINGS_VERSION });
      expect(after.local).toEqual({});

      // The same page in the Arabic UI: the popup reads right to left, the pill follows the UI's direction.
      const popup = await openPopup(browser, page);
      expect(await popup.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(['ar', 'rtl']);
      expect(await popup.textContent('[data-progress]')).toMatch(/فقر/);
      expect(await popup.textContent('[data-language]')).toBe('لغة الصفحة: الإسبانية');
      await popup.screenshot({ path: artifactPath('popup-ar.png') });
      await popup.close();
      expect(await pillDirection(page)).toEqual({ dir: 'rtl', lang: 'ar' });
      await page.screenshot({ path: artifactPath('translated-1280-ar-ui.png') });
      await page.setViewportSize({ width: 390, height: 844 });
      await page.waitForTimeout(300);
      await page.screenshot({ path: artifactPath('translated-390-ar-ui.png') });
      await page.close();
    });
  });
});
