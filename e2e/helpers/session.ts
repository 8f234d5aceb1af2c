import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { launchWithExtension, type DuetBrowser } from '../../scripts/e2e-kit/chromium';
import { writeSettings } from '../../scripts/e2e-kit/extension';
import { FakeGoogle } from '../../scripts/e2e-kit/fake-google';
import { FakeMicrosoft } from '../../scripts/e2e-kit/fake-microsoft';
import { startFixtureServer, type FixtureServer } from '../../scripts/e2e-kit/fixture-server';
import type { Settings } from '../../utils/settings/schema';

/** One browser with the extension, a fake Google, and the fixture pages on 127.0.0.1. */
export interface E2ESession {
  browser: DuetBrowser;
  fake: FakeGoogle;
  /** Microsoft's keyless endpoint, the fallback chain's second step. */
  microsoft: FakeMicrosoft;
  server: FixtureServer;
  page: Page;
  close(): Promise<void>;
}

export async function startSession({
  settings,
  viewport = { width: 1280, height: 900 },
}: { settings: Partial<Settings>; viewport?: { width: number; height: number } }): Promise<E2ESession> {
  const server = await startFixtureServer();
  let browser: DuetBrowser | undefined;
  try {
    browser = await launchWithExtension({ viewport });
    const fake = new FakeGoogle();
    await fake.attach(browser.context);
    const microsoft = new FakeMicrosoft();
    await microsoft.attach(browser.context);
    await writeSettings(browser, settings);
    const page = browser.context.pages()[0] ?? (await browser.context.newPage());
    const opened = browser;
    return {
      browser: opened,
      fake,
      microsoft,
      server,
      page,
      async close() {
        await opened.close();
        await server.close();
      },
    };
  } catch (error) {
    await browser?.close();
    await server.close();
    throw error;
  }
}

export interface NewsExpectation {
  page: string;
  pageLanguage: string;
  mustTranslate: string[];
  mustNotTranslate: string[];
  eitherWay: string[];
}

export function loadExpectation(name: string): NewsExpectation {
  const file = fileURLToPath(new URL(`../fixtures/news/${name}.expected.json`, import.meta.url));
  return JSON.parse(readFileSync(file, 'utf8')) as NewsExpectation;
}

/** e2e/artifacts/ (gitignored): screenshots and measured numbers. */
export function artifactPath(name: string): string {
  const dir = fileURLToPath(new URL('../artifacts/', import.meta.url));
  mkdirSync(dir, { recursive: true });
  return `${dir}${name}`;
}

/** Prints a measured number and keeps it in e2e/artifacts/metrics.json (one key per metric). */
export function recordMetric(name: string, value: number, unit: string): void {
  console.log(`[e2e metric] ${name}: ${Math.round(value * 10) / 10} ${unit}`);
  const file = artifactPath('metrics.json');
  const all = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>) : {};
  all[name] = { value, unit, at: new Date().toISOString() };
  writeFileSync(file, `${JSON.stringify(all, null, 2)}\n`);
}
