/**
 * `npm run test:e2e` (after `wxt build`): end-to-end tests in Debian Chromium with the built extension.
 *
 * 1. Makes sure Chromium is installed (apt-get as root, else a message saying how), firefox-esr and
 *    the Firefox build for e2e/firefox/ (scripts/e2e-kit/firefox-browser.ts), and Apertium APy
 *    for e2e/apertium.e2e.ts (scripts/ensure-apertium.ts), each when its files are part of the run.
 * 2. Re-runs itself inside a loopback-only network namespace when it can (`unshare -n`, root);
 *    otherwise each browser gets `--proxy-server` to a local 502 sink (scripts/e2e-kit/chromium.ts).
 * 3. Runs vitest with scripts/vitest.e2e.config.ts; extra arguments go to vitest (e.g. a file filter).
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { ensureChromium, ensureExtensionBuilt } from './e2e-kit/chromium';
import { inNetworkSandbox, reexecInNetworkSandbox } from './e2e-kit/network-sandbox';
import { ensureFirefox, ensureFirefoxBuild } from './e2e-kit/firefox-browser';
import { ensureApertium } from './ensure-apertium';

const root = fileURLToPath(new URL('..', import.meta.url));

async function main(): Promise<number> {
  if (!inNetworkSandbox()) {
    // Install before entering the namespace: apt-get needs the network.
    ensureChromium((line) => console.log(`[e2e] ${line}`));
    ensureExtensionBuilt();
    const filters = process.argv.slice(2).filter((a) => !a.startsWith('-'));
    if (filters.length === 0 || filters.some((f) => f.includes('firefox'))) {
      ensureFirefox((line) => console.log(`[e2e] ${line}`));
      ensureFirefoxBuild();
    }
    if (filters.length === 0 || filters.some((f) => f.includes('apertium'))) {
      try {
        ensureApertium((line) => console.log(`[e2e] ${line}`));
      } catch (error) {
        // Not fatal here: the Apertium test fails on its own with this message; the rest still runs.
        console.error(`[e2e] ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    await reexecInNetworkSandbox(); // exits with the sandboxed run's code when it can sandbox
    console.log('[e2e] network namespaces unavailable: browsers will use a local blocking proxy instead');
  } else {
    console.log('[e2e] running in a loopback-only network namespace');
  }
  const vitest = fileURLToPath(new URL('../node_modules/vitest/vitest.mjs', import.meta.url));
  const child = spawn(process.execPath, [vitest, 'run', '--config', 'scripts/vitest.e2e.config.ts', ...process.argv.slice(2)], {
    cwd: root,
    stdio: 'inherit',
  });
  return new Promise<number>((ok) => child.on('exit', (code, signal) => ok(code ?? (signal ? 1 : 0))));
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`[e2e] ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
