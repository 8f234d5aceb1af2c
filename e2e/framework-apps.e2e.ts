/**
 * Issue 9: pages that render and re-render themselves. Real framework apps (React 19, Vue 3, Preact,
 * and a React page server-rendered and hydrated late), built at test time from npm packages. Each
 * re-renders every 500 ms; the test reorders, edits, removes and adds paragraphs through the app's
 * own state, in a Duet tab and in a control tab without Duet. Duet must never break the app (no page
 * exception, nothing lost), follow every change (all paragraphs translated, removed ones' translations
 * gone), and after Original leave the app's DOM exactly as the control tab's.
 */
import { rmSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, type DuetBrowser } from '../scripts/e2e-kit/chromium';
import { setMode, waitForContentScript, writeSettings } from '../scripts/e2e-kit/extension';
import { FakeGoogle } from '../scripts/e2e-kit/fake-google';
import { startFixtureServer, type FixtureServer } from '../scripts/e2e-kit/fixture-server';
import { pseudoTranslate } from '../scripts/e2e-kit/pseudo-translate';
import { buildFrameworkApps, type AppName } from './helpers/framework-apps';
import { duetTraces, waitUntilTranslated } from './helpers/live-page';
import { recordMetric } from './helpers/session';

const TARGET = 'de';
const UNITS = '#root h1, #root p';
const expected = (text: string) => pseudoTranslate(text, TARGET);
const EDITED = 'The council changed its mind overnight, and the levee work will now go on for another two weeks, officials said.';
const ADDED = 'A late report from the river gauge shows the water rising faster than forecast, with the crest now due on Thursday.';

/** The app's DOM as its framework left it; the 500 ms render counter differs between tabs and is left out. */
const appHtml = (page: Page) => page.evaluate(() => document.getElementById('root')!.innerHTML.replace(/data-render="\d+"/g, 'data-render=""'));

/** The same state changes, through the app's own state, in any tab. */
async function changeState(page: Page): Promise<void> {
  type News = { reorder(): void; remove(i: number): void; edit(i: number, t: string): void; add(t: string): void };
  const news = () => (window as unknown as { __news: News }).__news;
  await page.waitForFunction(() => !!(window as unknown as { __news?: unknown }).__news);
  await page.evaluate(() => (window as unknown as { __news: { reorder(): void } }).__news.reorder());
  await page.waitForTimeout(700);
  await page.evaluate((t) => (window as unknown as { __news: { edit(i: number, t: string): void } }).__news.edit(0, t), EDITED);
  await page.waitForTimeout(700);
  await page.evaluate(() => (window as unknown as { __news: { remove(i: number): void } }).__news.remove(3));
  await page.waitForTimeout(700);
  await page.evaluate((t) => (window as unknown as { __news: { add(t: string): void } }).__news.add(t), ADDED);
  await page.waitForTimeout(700);
  void news;
}

describe('framework apps that re-render themselves', () => {
  let dir: string;
  let server: FixtureServer;
  let browser: DuetBrowser;
  let fake: FakeGoogle;

  beforeAll(async () => {
    dir = await buildFrameworkApps();
    server = await startFixtureServer(dir);
    browser = await launchWithExtension({ viewport: { width: 1280, height: 1000 } });
    fake = new FakeGoogle();
    await fake.attach(browser.context);
    await writeSettings(browser, { targetLanguage: TARGET });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function open(app: AppName): Promise<{ page: Page; errors: string[] }> {
    const page = await browser.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    await page.goto(server.url(`${app}.html`));
    return { page, errors };
  }

  it.each(['react', 'vue', 'preact'] as const)('%s: translated, follows reorder/edit/remove/add, and Original equals a control tab', async (app) => {
    const control = await open(app);
    const duet = await open(app);
    await duet.page.waitForSelector('#root p');
    await waitForContentScript(browser, duet.page);
    await setMode(browser, duet.page, 'bilingual');
    let states = await waitUntilTranslated(duet.page, UNITS, expected);
    expect(states.length).toBe(7);
    expect(states.filter((s) => s.translations[0]?.text !== expected(s.text)), 'not translated before the state changes').toEqual([]);

    const requestsBefore = fake.requests;
    await Promise.all([changeState(control.page), changeState(duet.page)]);
    states = await waitUntilTranslated(duet.page, UNITS, expected);
    expect(states.map((s) => s.text)).toContain(EDITED);
    expect(states.map((s) => s.text)).toContain(ADDED);
    expect(states.length, 'one paragraph removed, one added').toBe(7);
    for (const s of states) {
      expect(s.translations, `"${s.text.slice(0, 40)}…": exactly one translation`).toHaveLength(1);
      expect(s.translations[0], `"${s.text.slice(0, 40)}…"`).toEqual({ state: 'done', text: expected(s.text) });
      expect(s.parentTag, 'the page node stays where the app put it').not.toMatch(/^duet-/);
    }
    expect(await duet.page.locator('duet-translation').count(), 'the removed paragraph took its translation along').toBe(7);
    recordMetric(`${app}: provider requests for the state changes`, fake.requests - requestsBefore, 'requests');

    const status = await setMode(browser, duet.page, 'original');
    expect(status.found, 'the pill counts the paragraphs on the page, not every one ever seen').toBe(7);
    await duet.page.evaluate(() => (window as unknown as { __news: { stop(): void } }).__news.stop());
    await control.page.evaluate(() => (window as unknown as { __news: { stop(): void } }).__news.stop());
    await duet.page.waitForTimeout(300);
    expect(await duetTraces(duet.page), 'Duet left something in the page after Original').toEqual([]);
    expect(await appHtml(duet.page)).toBe(await appHtml(control.page));
    expect(duet.errors, 'uncaught exceptions in the Duet tab').toEqual([]);
    expect(control.errors).toEqual([]);
    await control.page.close();
    await duet.page.close();
  });

  it('React SSR hydrated after Duet translated the server markup: no crash, the new nodes translated, Original equals the control', async () => {
    const control = await open('react-ssr');
    const duet = await open('react-ssr');
    await waitForContentScript(browser, duet.page);
    await setMode(browser, duet.page, 'bilingual');
    let states = await waitUntilTranslated(duet.page, UNITS, expected);
    expect(states.length).toBe(7);
    expect(await duet.page.evaluate(() => (window as unknown as { __hydrated?: boolean }).__hydrated ?? false), 'translated before hydration').toBe(false);

    await duet.page.waitForFunction(() => (window as unknown as { __hydrated?: boolean }).__hydrated, null, { timeout: 15_000 });
    await control.page.waitForFunction(() => (window as unknown as { __hydrated?: boolean }).__hydrated, null, { timeout: 15_000 });
    const recoverable = await duet.page.evaluate(() => (window as unknown as { __recoverable?: number }).__recoverable ?? 0);
    recordMetric('react-ssr: recoverable hydration errors with Duet (control: 0)', recoverable, 'errors');
    expect(await control.page.evaluate(() => (window as unknown as { __recoverable?: number }).__recoverable ?? 0), 'control hydrates cleanly').toBe(0);
    // The app keeps working after hydration (it re-renders every 500 ms and takes state changes).
    await Promise.all([changeState(control.page), changeState(duet.page)]);
    states = await waitUntilTranslated(duet.page, UNITS, expected);
    expect(states.length).toBe(7);
    for (const s of states) expect(s.translations[0], `"${s.text.slice(0, 40)}…"`).toEqual({ state: 'done', text: expected(s.text) });
    const status = await setMode(browser, duet.page, 'original');
    expect(status.found).toBe(7);
    expect(status.translated, 'each paragraph counted once').toBeLessThanOrEqual(7);
    await duet.page.evaluate(() => (window as unknown as { __news: { stop(): void } }).__news.stop());
    await control.page.evaluate(() => (window as unknown as { __news: { stop(): void } }).__news.stop());
    await duet.page.waitForTimeout(300);
    expect(await duetTraces(duet.page)).toEqual([]);
    expect(await appHtml(duet.page)).toBe(await appHtml(control.page));
    expect(await duet.page.evaluate(() => document.getElementById('root')!.children.length), 'the page is not empty').toBe(1);
    expect(duet.errors).toEqual([]);
    await control.page.close();
    await duet.page.close();
  });
});
