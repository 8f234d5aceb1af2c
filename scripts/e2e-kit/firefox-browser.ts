import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { inNetworkSandbox, startSinkProxy, type SinkProxy } from './network-sandbox';

/**
 * Debian's firefox-esr driven by puppeteer-core over WebDriver BiDi (nothing downloaded), with the
 * Firefox build of Duet installed as a temporary add-on (BiDi `webExtension.install`, what
 * about:debugging's "Load Temporary Add-on" does). The add-on's internal UUID is fixed through the
 * `extensions.webextensions.uuids` pref, so tests know its moz-extension:// origin in advance.
 */
export const FIREFOX_PATH = process.env.DUET_FIREFOX ?? '/usr/bin/firefox-esr';
export const FIREFOX_EXTENSION_DIR =
  process.env.DUET_FIREFOX_EXTENSION_DIR ?? fileURLToPath(new URL('../../.output/firefox-mv3/', import.meta.url));

const INSTALL_HINT =
  `Firefox not found at ${FIREFOX_PATH}. Install Debian's package: ` +
  '`sudo apt-get update && sudo apt-get install -y firefox-esr` (or set DUET_FIREFOX to a Firefox binary).';

/** As root on a Debian-like system, installs firefox-esr with apt-get; otherwise throws with the command to run. */
export function ensureFirefox(log: (line: string) => void = console.log): void {
  if (existsSync(FIREFOX_PATH)) return;
  const isRoot = process.getuid?.() === 0;
  if (!isRoot || !existsSync('/usr/bin/apt-get') || process.env.DUET_FIREFOX) throw new Error(INSTALL_HINT);
  log(`Firefox missing: installing Debian's firefox-esr package (apt-get)…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update'], ['install', '-y', 'firefox-esr']]) {
    const result = spawnSync('apt-get', args, { stdio: 'inherit', env });
    if (result.status !== 0) throw new Error(`apt-get ${args.join(' ')} failed. ${INSTALL_HINT}`);
  }
  if (!existsSync(FIREFOX_PATH)) throw new Error(INSTALL_HINT);
}

export function ensureFirefoxBuild(dir: string = FIREFOX_EXTENSION_DIR): void {
  if (!existsSync(join(dir, 'manifest.json'))) {
    throw new Error(`No Firefox build at ${dir}. Run \`npm run build:firefox\` first.`);
  }
}

/** The gecko id from the built manifest (browser_specific_settings.gecko.id). */
export function geckoId(dir: string = FIREFOX_EXTENSION_DIR): string {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { browser_specific_settings?: { gecko?: { id?: string } } };
  const id = manifest.browser_specific_settings?.gecko?.id;
  if (!id) throw new Error(`${dir}manifest.json has no browser_specific_settings.gecko.id`);
  return id;
}

export interface FirefoxLaunchOptions {
  headless?: boolean;
  /** Firefox suspends an idle event page after this many ms (Firefox's default: 30 s). */
  backgroundIdleMs?: number;
  viewport?: { width: number; height: number };
  extensionDir?: string;
}

export interface DuetFirefox {
  browser: Browser;
  /** The add-on id Firefox reports (the gecko id). */
  addonId: string;
  /** `moz-extension://UUID` of this install. */
  extensionOrigin: string;
  /** A tab for pages, sized to the viewport. */
  page: Page;
  close(): Promise<void>;
}

/** Prefs that keep a test Firefox quiet and off the network (the netns or the sink catch the rest). */
function quietPrefs(uuidMap: Record<string, string>, sink: SinkProxy | undefined, idleMs: number | undefined): Record<string, unknown> {
  const prefs: Record<string, unknown> = {
    ...(idleMs !== undefined ? { 'extensions.background.idle.timeout': idleMs } : {}),
    'extensions.webextensions.uuids': JSON.stringify(uuidMap),
    'browser.shell.checkDefaultBrowser': false,
    'datareporting.policy.dataSubmissionEnabled': false,
    'toolkit.telemetry.enabled': false,
    'app.update.enabled': false,
    'browser.translations.enable': false,
    'extensions.update.enabled': false,
    'browser.safebrowsing.malware.enabled': false,
    'browser.safebrowsing.phishing.enabled': false,
    'network.captive-portal-service.enabled': false,
    'network.connectivity-service.enabled': false,
  };
  if (sink) {
    const { hostname, port } = new URL(sink.proxyServer);
    Object.assign(prefs, {
      'network.proxy.type': 1,
      'network.proxy.http': hostname,
      'network.proxy.http_port': Number(port),
      'network.proxy.ssl': hostname,
      'network.proxy.ssl_port': Number(port),
      'network.proxy.no_proxies_on': '127.0.0.1, localhost',
    });
  }
  return prefs;
}

/** Launches firefox-esr, installs Duet as a temporary add-on, and opens one tab. */
export async function launchFirefoxWithExtension(options: FirefoxLaunchOptions = {}): Promise<DuetFirefox> {
  ensureFirefox();
  const extensionDir = options.extensionDir ?? FIREFOX_EXTENSION_DIR;
  ensureFirefoxBuild(extensionDir);
  const id = geckoId(extensionDir);
  const uuid = randomUUID();
  const userDataDir = await mkdtemp(join(tmpdir(), 'duet-firefox-'));
  const sink = inNetworkSandbox() ? undefined : await startSinkProxy();
  const viewport = options.viewport ?? { width: 1280, height: 900 };
  let browser: Browser | undefined;
  const cleanUp = async () => {
    await browser?.close().catch(() => {});
    await sink?.close();
    await rm(userDataDir, { recursive: true, force: true });
  };
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX_PATH,
      headless: options.headless ?? true,
      userDataDir,
      defaultViewport: viewport,
      extraPrefsFirefox: quietPrefs({ [id]: uuid }, sink, options.backgroundIdleMs),
      // Lets BiDi open the add-on's own pages (moz-extension://…), where the tests talk to it the way
      // the popup and options page do; without it Firefox refuses navigations to privileged URLs.
      args: ['--remote-allow-system-access'],
      protocolTimeout: 60_000,
    });
    const addonId = await browser.installExtension(extensionDir);
    const page = (await browser.pages())[0] ?? (await browser.newPage());
    await page.setViewport(viewport);
    const opened = browser;
    return { browser: opened, addonId, extensionOrigin: `moz-extension://${uuid}`, page, close: cleanUp };
  } catch (error) {
    await cleanUp();
    throw error;
  }
}

/**
 * The two Page methods the shared probes (e2e/helpers/page-probe.ts, page-state.ts) use, on a
 * puppeteer page: `evaluate(fn, arg)` and `waitForTimeout(ms)`. Lets the Firefox tests read the page
 * exactly as the Chromium tests do.
 */
export interface ProbePage {
  evaluate<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  evaluate<R>(fn: () => R | Promise<R>): Promise<R>;
  waitForTimeout(ms: number): Promise<void>;
}

export function probePage(page: Page): ProbePage {
  return {
    evaluate: ((fn: (arg?: unknown) => unknown, arg?: unknown) => page.evaluate(fn as never, arg as never)) as ProbePage['evaluate'],
    waitForTimeout: (ms) => new Promise((ok) => setTimeout(ok, ms)),
  };
}

/**
 * Firefox's own UI, reached through BiDi's chrome scope (`--remote-allow-system-access`): what a
 * reader does with the keyboard and the context menu, and the event page's state, which no
 * WebExtension API shows. Test-only; Duet itself never needs any of this.
 */
export interface FirefoxChrome {
  /** 'running' | 'stopped' (suspended) | … as Firefox's extension machinery reports it. */
  backgroundState(): Promise<string>;
  /** Fires the add-on's keyboard shortcut ('Alt+A'): the <key> Firefox made for it, as pressing the keys does. */
  pressShortcut(shortcut: string): Promise<string>;
  /** Right-clicks the page at (x, y) and picks the context-menu item labelled `label`. */
  contextMenu(page: Page, x: number, y: number, label: string): Promise<void>;
}

interface BidiConnection {
  send(method: string, params: object): Promise<{ result: unknown }>;
}

export async function firefoxChrome(ff: DuetFirefox): Promise<FirefoxChrome> {
  const connection = (ff.browser as unknown as { connection: BidiConnection }).connection;
  const tree = (await connection.send('browsingContext.getTree', { 'moz:scope': 'chrome' })).result as { contexts: Array<{ context: string; url: string }> };
  const win = tree.contexts.find((c) => c.url.startsWith('chrome://browser/'));
  if (!win) throw new Error(`no browser window among chrome contexts: ${tree.contexts.map((c) => c.url).join(', ')}`);
  const run = async (expression: string): Promise<string> => {
    const answer = (await connection.send('script.evaluate', { expression, target: { context: win.context }, awaitPromise: true })).result as {
      type: string;
      result?: { value?: unknown };
      exceptionDetails?: { text?: string };
    };
    if (answer.type !== 'success') throw new Error(`chrome-scope script failed: ${answer.exceptionDetails?.text ?? JSON.stringify(answer)}`);
    return String(answer.result?.value);
  };
  const id = JSON.stringify(ff.addonId);
  return {
    backgroundState: () => run(`String(WebExtensionPolicy.getByID(${id})?.extension?.backgroundState)`),
    pressShortcut: (shortcut) =>
      run(`(() => {
        // Firefox keeps an add-on's shortcuts in <keyset id="ext-keyset-id-WIDGETID">, one <key> each.
        const widget = ${id}.toLowerCase().replace(/[^a-z0-9_-]/g, '_');
        const keys = [...document.querySelectorAll('keyset[id="ext-keyset-id-' + widget + '"] key')];
        const parts = ${JSON.stringify(shortcut)}.split('+');
        const letter = parts.pop().toUpperCase();
        const modifiers = parts.map((m) => m.toLowerCase()).sort().join(',');
        const key = keys.find((k) => (k.getAttribute('key') || '').toUpperCase() === letter && (k.getAttribute('modifiers') || '').split(',').sort().join(',') === modifiers);
        if (!key) throw new Error('no <key> for ' + ${JSON.stringify(shortcut)} + ' among ' + keys.map((k) => k.getAttribute('modifiers') + '+' + k.getAttribute('key')).join(', '));
        key.doCommand();
        return key.getAttribute('modifiers') + '+' + key.getAttribute('key');
      })()`),
    async contextMenu(page, x, y, label) {
      await page.mouse.click(x, y, { button: 'right' });
      const deadline = Date.now() + 5_000;
      for (;;) {
        const result = await run(`(() => {
          const menu = document.getElementById('contentAreaContextMenu');
          const item = [...menu.querySelectorAll('menuitem')].find((i) => !i.hidden && i.getAttribute('label') === ${JSON.stringify(label)});
          if (menu.state !== 'open' || !item) return 'waiting (' + menu.state + ')';
          menu.activateItem(item);
          return 'clicked';
        })()`);
        if (result === 'clicked') return;
        if (Date.now() > deadline) throw new Error(`context-menu item "${label}" not found: ${result}`);
        await new Promise((ok) => setTimeout(ok, 100));
      }
    },
  };
}
