/**
 * Issue 14: Duet in a real Firefox (Debian's firefox-esr over WebDriver BiDi, the Firefox MV3 build
 * installed as a temporary add-on). One browser for the whole file (a Firefox start costs seconds
 * on a shared 2-core machine). Providers: a local LibreTranslate-compatible server on 127.0.0.1,
 * since Firefox cannot route an add-on's own requests.
 *
 *  1. the add-on's pages work: options lists the services without Chrome's on-device Translator,
 *     the popup renders, the Alt+A command is registered;
 *  2. API keys never sit where a content script can read (storage.local/sync in Firefox), yet the
 *     background uses them;
 *  3. a page the reader asks to translate (what Alt+A and the context menu send) is translated
 *     paragraph by paragraph; Translation only and back; Original restores the body exactly;
 *  4. an always-translate site is translated as it loads, from the background's IndexedDB cache,
 *     with zero requests to the provider, after Firefox suspended the event page;
 *  5. an open page still reaches a suspended-and-woken background; a paragraph the page adds later
 *     is translated.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firefoxChrome, launchFirefoxWithExtension, probePage, type DuetFirefox, type FirefoxChrome } from '../../scripts/e2e-kit/firefox-browser';
import {
  openExtensionPage,
  readContentReadableStorage,
  sendToTabFirefox,
  waitForContentScriptFirefox,
  writeSettingsFirefox,
  waitInExtensionPage,
  type ExtensionPage,
} from '../../scripts/e2e-kit/firefox-extension';
import { startFakeLibreTranslate, type FakeLibreTranslate } from '../../scripts/e2e-kit/firefox-fake-libretranslate';
import { startFixtureServer, type FixtureServer } from '../../scripts/e2e-kit/fixture-server';
import { waitForTranslations } from '../../scripts/e2e-kit/page-state';
import { normalizeText, pseudoTranslate } from '../../scripts/e2e-kit/pseudo-translate';
import type { Page } from 'playwright-core';
import { listTranslations, pageMetrics, probeUnits, scrollThrough, tagOriginals } from '../helpers/page-probe';
import { loadExpectation, recordMetric } from '../helpers/session';

const expected = loadExpectation('krone-north-korea');
const allowed = new Set([...expected.mustTranslate, ...expected.eitherWay]);
const TARGET = 'de';
const SECRET = 'lt-key-e2e-must-not-leak-0123456789';
const IDLE_MS = 2_000;
const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

describe('Duet in Firefox (firefox-esr, WebDriver BiDi)', () => {
  let ff: DuetFirefox;
  let ext: ExtensionPage;
  let ui: FirefoxChrome;
  let lt: FakeLibreTranslate;
  let server: FixtureServer;
  let pageUrl: string;
  /** The article tab, read through the same probes as the Chromium tests (they only evaluate). */
  let probe: Page;
  let bodyBefore = '';
  const started = Date.now();

  beforeAll(async () => {
    [lt, server] = await Promise.all([startFakeLibreTranslate(), startFixtureServer()]);
    const launchStart = Date.now();
    // The event page is suspended after 2 s idle (Firefox's default is 30 s), so the steps below
    // also prove Duet wakes it up again: ports, messages and the IndexedDB cache after a restart.
    ff = await launchFirefoxWithExtension({ backgroundIdleMs: IDLE_MS });
    recordMetric('firefox: launch + temporary add-on install', Date.now() - launchStart, 'ms');
    ui = await firefoxChrome(ff);
    ext = await openExtensionPage(ff, 'options.html');
    probe = probePage(ff.page) as unknown as Page;
    pageUrl = server.url(expected.page);
    // What a reader does in the options page: LibreTranslate, its server and key. Written into
    // storage.local on purpose, where an older build or a script would put them: the background
    // must move the key out of there at once.
    await writeSettingsFirefox(ext, { provider: 'libretranslate', targetLanguage: TARGET, alwaysTranslateSites: [] });
    await ext.evaluate('(config) => browser.storage.local.set({ providerConfig: config })', { libretranslate: { url: lt.url, apiKey: SECRET } });
  });
  afterAll(async () => {
    await ff?.close();
    await Promise.all([lt?.close(), server?.close()]);
    recordMetric('firefox: whole file', Date.now() - started, 'ms');
  });

  it('the options page and the popup work; Chrome\'s on-device Translator is not offered; Alt+A is registered', async () => {
    // The options page lists the services once the background answered getProviders.
    const options = await waitInExtensionPage<{ title: string; services: string[] }>(
      ext,
      '() => { const services = [...document.querySelectorAll("[data-provider] label")].map((o) => o.textContent); return services.some((s) => /LibreTranslate/.test(s)) && { title: document.title, services }; }',
    );
    expect(options.title).toMatch(/Duet/);
    expect(options.services.some((s) => /LibreTranslate/.test(s)), `services listed: ${options.services.join(' | ')}`).toBe(true);
    expect(options.services.some((s) => /Chrome/i.test(s)), `services listed: ${options.services.join(' | ')}`).toBe(false);

    const providers = await ext.evaluate<Array<{ id: string }>>('() => browser.runtime.sendMessage({ type: "getProviders" })');
    expect(providers.map((p) => p.id)).not.toContain('chrome-builtin');
    expect(providers.map((p) => p.id)).toContain('libretranslate');

    const commands = await ext.evaluate<Array<{ name: string; shortcut: string }>>('() => browser.commands.getAll()');
    expect(commands.find((c) => c.name === 'translate-page')?.shortcut).toBe('Alt+A');

    // The popup, opened in a tab of its own, is its own active tab: it renders its controls and says
    // it cannot run there (BiDi cannot open the toolbar panel over the article).
    const popup = await openExtensionPage(ff, 'popup.html');
    const popupView = await waitInExtensionPage<{ text: string; services: string[] }>(
      popup,
      '() => { const services = [...document.querySelectorAll("option")].map((o) => o.textContent); return services.some((s) => /LibreTranslate/.test(s)) && { text: document.body.innerText, services }; }',
    );
    expect(popupView.text).toMatch(/Translation service/);
    expect(popupView.services.some((s) => /Chrome/i.test(s)), `popup services: ${popupView.services.join(' | ')}`).toBe(false);
    await popup.page.close();
  });

  it('keys never stay in storage a content script can read, and the background still uses them', async () => {
    let readable = await readContentReadableStorage(ext);
    const deadline = Date.now() + 5_000;
    while (JSON.stringify(readable).includes(SECRET) && Date.now() < deadline) {
      await new Promise((ok) => setTimeout(ok, 100));
      readable = await readContentReadableStorage(ext);
    }
    console.log(`[e2e] content-readable storage keys after the move: ${JSON.stringify(Object.keys(readable.local))}`);
    expect(JSON.stringify(readable), 'the key is readable from storage.local/sync (content scripts can read those in Firefox)').not.toContain(SECRET);
    expect(readable.local.providerConfig).toBeUndefined();
    // The key is in the extension-only vault (IndexedDB of moz-extension://…, which content scripts cannot open).
    const vault = await ext.evaluate<string>(`() => new Promise((resolve, reject) => {
      const open = indexedDB.open('duet-provider-config');
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const get = open.result.transaction('config').objectStore('config').get('all');
        get.onsuccess = () => { resolve(JSON.stringify(get.result)); open.result.close(); };
        get.onerror = () => reject(get.error);
      };
    })`);
    expect(vault).toContain(SECRET);
    // A content script's indexedDB is the page's (Firefox hands it the page window's factory): the
    // vault is not there.
    await ff.page.goto(pageUrl);
    const pageDatabases = await ff.page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name));
    expect(pageDatabases).not.toContain('duet-provider-config');
  });

  it('Alt+A translates the article, each paragraph beside its original', async () => {
    await ff.page.bringToFront();
    await ff.page.goto(pageUrl);
    const status = await waitForContentScriptFirefox(ext, pageUrl);
    expect(status.isArticle).toBe(true);
    expect(lt.requests, 'nothing is sent before the reader asks').toBe(0);
    bodyBefore = (await pageMetrics(probe)).bodyHtml;
    expect(await tagOriginals(probe, expected.mustTranslate)).toBe(expected.mustTranslate.length);

    const askedAt = Date.now();
    expect(await ui.pressShortcut('Alt+A')).toBe('alt+A');
    await ff.page.waitForSelector('duet-translation[data-duet-state="done"]', { timeout: 30_000 });
    recordMetric('firefox: Alt+A → first translated paragraph', Date.now() - askedAt, 'ms');
    await scrollThrough(probe);
    const counts = await waitForTranslations(probe, { scope: 'all', timeoutMs: 30_000 });
    recordMetric('firefox: Alt+A → every unit translated (scrolled through)', Date.now() - askedAt, 'ms');
    expect(counts.error).toBe(0);

    const units = await probeUnits(probe, expected.mustTranslate);
    units.forEach((unit, i) => {
      expect(unit.translation?.state, `no translation for "${unit.text}"`).toBe('done');
      expect(unit.translation!.text).toBe(pseudoTranslate(unit.text, TARGET));
      expect(unit.translation!.lang).toBe(TARGET);
      expect(unit.translation!.visible, `translation not visible: "${unit.text}"`).toBe(true);
      expect(unit.tag, `original element replaced: "${unit.text}"`).toBe(i);
    });
    for (const t of await listTranslations(probe)) {
      expect(allowed.has(t.originalText ?? ''), `translated something outside the article: "${t.originalText}"`).toBe(true);
    }
    const sent = lt.log.flatMap((r) => r.texts.map(normalizeText));
    for (const text of sent) expect(allowed.has(text), `sent to the provider: "${text.slice(0, 80)}"`).toBe(true);
    expect(lt.log.every((r) => r.target === TARGET && r.apiKey === SECRET), 'every request carries the key from the vault').toBe(true);
    recordMetric('firefox: provider requests (cold)', lt.requests, 'requests');
  });

  it('Translation only hides the originals; the context menu\'s "Translate this page" goes back to Original, restoring the body exactly', async () => {
    const requestsBefore = lt.requests;
    await sendToTabFirefox(ext, pageUrl, { type: 'setMode', mode: 'translation' });
    await new Promise((ok) => setTimeout(ok, 200));
    const hidden = await probeUnits(probe, expected.mustTranslate);
    for (const unit of hidden) {
      expect(unit.visible, `original still visible: "${unit.text}"`).toBe(false);
      expect(unit.translation?.visible, `translation not visible: "${unit.text}"`).toBe(true);
    }
    await ff.page.bringToFront();
    await ui.contextMenu(ff.page, 300, 300, 'Translate this page');
    await ff.page.waitForFunction(() => !document.querySelector('duet-translation, duet-pair, [data-duet-unit]'), { timeout: 5_000 }).catch(() => {});
    const after = (await pageMetrics(probe)).bodyHtml;
    expect(after === bodyBefore, 'body.innerHTML after Original differs from before translation').toBe(true);
    const restored = await probeUnits(probe, expected.mustTranslate);
    restored.forEach((unit, i) => {
      expect(unit.tag, `not the same node after restore: "${unit.text}"`).toBe(i);
      expect(unit.visible).toBe(true);
    });
    expect(lt.requests - requestsBefore, 'provider requests caused by mode switches').toBe(0);
  });

  it('an always-translate site is translated as it loads, from the IndexedDB cache: zero provider requests', async () => {
    // A settings change also empties the background's page memory: what follows comes from IndexedDB.
    await writeSettingsFirefox(ext, { provider: 'libretranslate', targetLanguage: TARGET, alwaysTranslateSites: ['127.0.0.1'] });
    const cached = await ext.evaluate<number>(`() => new Promise((resolve, reject) => {
      const open = indexedDB.open('duet-translation-cache');
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const count = open.result.transaction('translations').objectStore('translations').count();
        count.onsuccess = () => { resolve(count.result); open.result.close(); };
        count.onerror = () => reject(count.error);
      };
    })`);
    expect(cached, 'translations stored in the background\'s IndexedDB').toBeGreaterThan(0);
    lt.resetCounts();
    // Idle until Firefox suspends the event page: the reload must wake it, and its memory is gone.
    const idleDeadline = Date.now() + IDLE_MS * 10;
    while ((await ui.backgroundState()) !== 'stopped' && Date.now() < idleDeadline) await sleep(200);
    expect(await ui.backgroundState(), 'event page suspended after idling').toBe('stopped');
    await ff.page.bringToFront();
    const loadStart = Date.now();
    await ff.page.reload();
    await ff.page.waitForSelector('duet-translation[data-duet-state="done"]', { timeout: 30_000 });
    recordMetric('firefox: warm reload → first translated paragraph', Date.now() - loadStart, 'ms');
    await scrollThrough(probe);
    const counts = await waitForTranslations(probe, { scope: 'all', timeoutMs: 30_000 });
    expect(counts.error).toBe(0);
    const units = await probeUnits(probe, expected.mustTranslate);
    for (const unit of units) {
      expect(unit.translation?.state, `not translated on load: "${unit.text}"`).toBe('done');
      expect(unit.translation!.text).toBe(pseudoTranslate(unit.text, TARGET));
    }
    await new Promise((ok) => setTimeout(ok, 500)); // a late request would still be a cache failure
    expect(lt.requests, 'provider requests on a warm reload').toBe(0);
    recordMetric('firefox: warm reload provider requests', lt.requests, 'requests');
    expect(await ui.backgroundState(), 'the page woke the event page').toBe('running');
  });

  it('after the event page was suspended, the open page still reaches it: "whole page" translates more blocks', async () => {
    const idleDeadline = Date.now() + IDLE_MS * 10;
    while ((await ui.backgroundState()) !== 'stopped' && Date.now() < idleDeadline) await sleep(200);
    expect(await ui.backgroundState(), 'event page suspended after idling').toBe('stopped');
    lt.resetCounts();
    const before = await waitForTranslations(probe, { scope: 'all', timeoutMs: 5_000 });
    await sendToTabFirefox(ext, pageUrl, { type: 'translateWholePage' });
    await scrollThrough(probe);
    const after = await waitForTranslations(probe, { scope: 'all', timeoutMs: 20_000 });
    console.log(`[e2e] whole page after suspension: ${JSON.stringify(before)} → ${JSON.stringify(after)}, ${lt.requests} requests`);
    expect(after.error).toBe(0);
    expect(after.done).toBeGreaterThan(before.done);
    expect(lt.requests, 'the new blocks were asked for through the woken background').toBeGreaterThan(0);
    expect(await ui.backgroundState()).toBe('running');
  });

  it('a paragraph the page adds to the article later is translated when it comes into view', async () => {
    lt.resetCounts();
    const text = 'Officials said on Tuesday that the talks would resume next week in the capital.';
    // The page's own script adds a paragraph after the article's last one (pages are alive).
    await ff.page.evaluate((added) => {
      const units = [...document.querySelectorAll('p[data-duet-unit]')];
      const last = units[units.length - 1]!;
      const p = document.createElement('p');
      p.textContent = added;
      (last.closest('duet-pair') ?? last).after(p);
      p.scrollIntoView();
    }, text);
    const translation = await ff.page.waitForFunction(
      (added) => {
        const p = [...document.querySelectorAll('p[data-duet-unit]')].find((el) => el.firstChild?.nodeValue === added);
        const t = p && document.querySelector(`duet-translation[data-duet-for="${p.getAttribute('data-duet-unit')}"][data-duet-state="done"]`);
        return t ? t.textContent : null;
      },
      { timeout: 20_000 },
      text,
    );
    expect(((await translation.jsonValue()) ?? '').trim()).toBe(pseudoTranslate(text, TARGET));
    expect(lt.log.flatMap((r) => r.texts)).toEqual([text]);
  });
});
