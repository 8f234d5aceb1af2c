import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';
import { inNetworkSandbox, startSinkProxy, type SinkProxy } from './network-sandbox';

/**
 * Debian's Chromium driven by playwright-core (never Playwright's downloaded browsers), with the
 * built extension loaded. Shared by the e2e tests, `npm start` and the speed benchmark.
 */
export const CHROMIUM_PATH = process.env.DUET_CHROMIUM ?? '/usr/bin/chromium';
/** The built extension; DUET_EXTENSION_DIR points elsewhere (e.g. a Firefox or test build). */
export const EXTENSION_DIR = process.env.DUET_EXTENSION_DIR ?? fileURLToPath(new URL('../../.output/chrome-mv3/', import.meta.url));

const INSTALL_HINT =
  `Chromium not found at ${CHROMIUM_PATH}. Install Debian's package: ` +
  '`sudo apt-get update && sudo apt-get install -y chromium` (or set DUET_CHROMIUM to a Chromium binary).';

/**
 * Makes sure Chromium is there: as root on a Debian-like system, installs it with apt-get;
 * otherwise throws with the command to run.
 */
export function ensureChromium(log: (line: string) => void = console.log): void {
  if (existsSync(CHROMIUM_PATH)) return;
  const isRoot = process.getuid?.() === 0;
  if (!isRoot || !existsSync('/usr/bin/apt-get') || process.env.DUET_CHROMIUM) throw new Error(INSTALL_HINT);
  log(`Chromium missing: installing Debian's chromium package (apt-get)…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update'], ['install', '-y', 'chromium']]) {
    const result = spawnSync('apt-get', args, { stdio: 'inherit', env });
    if (result.status !== 0) throw new Error(`apt-get ${args.join(' ')} failed. ${INSTALL_HINT}`);
  }
  if (!existsSync(CHROMIUM_PATH)) throw new Error(INSTALL_HINT);
}

export function ensureExtensionBuilt(dir: string = EXTENSION_DIR): void {
  if (!existsSync(join(dir, 'manifest.json'))) {
    throw new Error(`No built extension at ${dir}. Run \`npx wxt build\` (npm run build) first.`);
  }
}

export interface LaunchOptions {
  headless?: boolean;
  viewport?: { width: number; height: number };
  extensionDir?: string;
  /** Profile folder to reuse; default: a fresh temporary one, deleted on close. */
  userDataDir?: string;
  /** Also answer for the network when not sandboxed: `--proxy-server` to a 502 sink (default true). */
  blockNetwork?: boolean;
  /** Extra Chromium flags. */
  args?: string[];
}

export interface DuetBrowser {
  context: BrowserContext;
  /** The extension's background service worker. */
  serviceWorker: Worker;
  extensionId: string;
  close(): Promise<void>;
}

/** Launches Chromium with the extension and waits for its service worker. */
export async function launchWithExtension(options: LaunchOptions = {}): Promise<DuetBrowser> {
  ensureChromium();
  const extensionDir = options.extensionDir ?? EXTENSION_DIR;
  ensureExtensionBuilt(extensionDir);
  const ownProfile = !options.userDataDir;
  const userDataDir = options.userDataDir ?? (await mkdtemp(join(tmpdir(), 'duet-profile-')));
  let sink: SinkProxy | undefined;
  if ((options.blockNetwork ?? true) && !inNetworkSandbox()) sink = await startSinkProxy();

  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: options.headless ?? true,
    viewport: options.viewport ?? { width: 1280, height: 900 },
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--no-default-browser-check',
      ...(sink ? [`--proxy-server=${sink.proxyServer}`] : []),
      ...(options.args ?? []),
    ],
  });
  try {
    // Pick our worker by its script name: Chromium may run component extensions' workers too.
    const manifest = JSON.parse(readFileSync(join(extensionDir, 'manifest.json'), 'utf8')) as { background?: { service_worker?: string } };
    const script = `/${manifest.background?.service_worker ?? 'background.js'}`;
    const ours = (w: Worker) => w.url().startsWith('chrome-extension://') && w.url().endsWith(script);
    const serviceWorker = context.serviceWorkers().find(ours) ?? (await context.waitForEvent('serviceworker', { predicate: ours, timeout: 30_000 }));
    const extensionId = new URL(serviceWorker.url()).host;
    return {
      context,
      serviceWorker,
      extensionId,
      async close() {
        await context.close().catch(() => {});
        await sink?.close();
        if (ownProfile) await rm(userDataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await context.close().catch(() => {});
    await sink?.close();
    throw error;
  }
}
