/**
 * Makes sure the Apertium APy server and the Spanish ⇄ English pair are installed, for the Apertium
 * e2e test and `npm start -- --provider apertium`. Run it before entering the test's network
 * namespace (apt-get needs the network):
 *
 *   npx tsx scripts/ensure-apertium.ts
 *
 * As root on a Debian-like system it runs `apt-get update` and installs `apertium-apy apertium-eng-spa`;
 * otherwise it exits 1 with the command to run. Exit 0 when everything is there.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { APY_BIN, APY_MODES_DIR, apertiumInstalled } from './e2e-kit/apertium';

export const APERTIUM_PACKAGES = ['apertium-apy', 'apertium-eng-spa'];
const INSTALL_COMMAND = `sudo apt-get update && sudo apt-get install -y --no-install-recommends ${APERTIUM_PACKAGES.join(' ')}`;

/** Returns normally when installed (installing as root if needed); throws with how to install otherwise. */
export function ensureApertium(log: (line: string) => void = console.log): void {
  if (apertiumInstalled()) return;
  const missing = `Apertium is missing (${APY_BIN} and ${APY_MODES_DIR}/spa-eng.mode are needed).`;
  const isRoot = process.getuid?.() === 0;
  if (!isRoot || !existsSync('/usr/bin/apt-get')) throw new Error(`${missing} Install it with: ${INSTALL_COMMAND}`);
  log(`${missing} Installing ${APERTIUM_PACKAGES.join(' ')} with apt-get…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update'], ['install', '-y', '--no-install-recommends', ...APERTIUM_PACKAGES]]) {
    const result = spawnSync('apt-get', args, { stdio: 'inherit', env });
    if (result.status !== 0) throw new Error(`apt-get ${args.join(' ')} failed. Install by hand: ${INSTALL_COMMAND}`);
  }
  if (!apertiumInstalled()) throw new Error(`apt-get finished but ${missing} Check: dpkg -L apertium-eng-spa`);
  log('Apertium installed.');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    ensureApertium((line) => console.log(`[apertium] ${line}`));
    console.log('[apertium] apertium-apy and the spa-eng pair are installed');
  } catch (error) {
    console.error(`[apertium] ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
