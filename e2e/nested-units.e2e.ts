/**
 * Old pages write text straight into a container that also holds real paragraphs. The container's
 * loose text is a unit that holds other units (Unit.containsUnits): in Translation only it must stay
 * visible, or the paragraphs inside it and their translations would vanish with it.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, type DuetBrowser } from '../scripts/e2e-kit/chromium';
import { sendToTab, waitForContentScript, writeSettings } from '../scripts/e2e-kit/extension';
import { FakeGoogle } from '../scripts/e2e-kit/fake-google';
import { startFixtureServer, type FixtureServer } from '../scripts/e2e-kit/fixture-server';
import { waitForTranslations } from '../scripts/e2e-kit/page-state';

const sentence = (n: number) => `Paragraph ${n} of the council story explains, with commas and detail, what the vote on the budget means for the town.`;
const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Council approves the budget</title></head><body>
<div id="top"><a href="/">Home</a> <a href="/news">News</a></div>
<h1>Council approves the budget</h1>
<div id="story">Loose text of an old page, written straight into the story container, long enough to read.<br><br>
<p>${sentence(1)}</p><p>${sentence(2)}</p><p>${sentence(3)}</p></div>
<div id="footer">Copyright 2025 Example News</div></body></html>`;

describe('a unit that holds other units (old-CMS loose text)', () => {
  let dir: string;
  let server: FixtureServer;
  let browser: DuetBrowser;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'duet-nested-'));
    writeFileSync(join(dir, 'old-cms.html'), PAGE);
    server = await startFixtureServer(dir);
    browser = await launchWithExtension({ viewport: { width: 1280, height: 900 } });
    await new FakeGoogle().attach(browser.context);
    await writeSettings(browser, { targetLanguage: 'de' });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('Translation only keeps the container and the paragraphs inside it readable', async () => {
    const page = browser.context.pages()[0] ?? (await browser.context.newPage());
    await page.goto(server.url('old-cms.html'));
    await waitForContentScript(browser, page);
    await sendToTab(browser, page, { type: 'setMode', mode: 'translation' });
    await waitForTranslations(page, { scope: 'all', timeoutMs: 20_000 });
    const seen = await page.evaluate(() => {
      const visible = (el: Element) => {
        const r = el.getBoundingClientRect();
        return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden';
      };
      const story = document.getElementById('story')!;
      const inner = [...story.querySelectorAll('p')];
      const innerTranslations = inner.map((p) => document.querySelector(`duet-translation[data-duet-for="${p.getAttribute('data-duet-unit')}"]`));
      return {
        containerIsUnit: story.hasAttribute('data-duet-unit'),
        innerUnits: inner.filter((p) => p.hasAttribute('data-duet-unit')).length,
        innerTranslationsVisible: innerTranslations.filter((t) => t && visible(t)).length,
        innerOriginalsVisible: inner.filter(visible).length,
      };
    });
    expect(seen.containerIsUnit, 'the loose text is a unit').toBe(true);
    expect(seen.innerUnits).toBe(3);
    expect(seen.innerTranslationsVisible, 'translations inside the container are shown').toBe(3);
    expect(seen.innerOriginalsVisible, 'the paragraphs themselves are hidden as in any Translation only view').toBe(0);
  });
});
