import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';

/**
 * A real Apertium APy server for the e2e test and `npm start -- --provider apertium`
 * (Debian packages `apertium-apy` + `apertium-eng-spa`; scripts/ensure-apertium.ts installs them).
 *
 * APy 0.11 has no listen-address option: `apertium-apy -p PORT` binds every interface. So we start
 * it through a tiny Python shim that pins Tornado's bind() to 127.0.0.1, then check /proc/net that
 * the port really listens on loopback only. If the shim cannot be used, the plain binary runs only
 * inside a network namespace whose sole interface is `lo`, or when DUET_APERTIUM_ANY_NETWORK=1 says
 * the caller has made sure of that some other way.
 */
export const APY_BIN = process.env.DUET_APY_BIN ?? '/usr/bin/apertium-apy';
export const APY_MODES_DIR = process.env.DUET_APY_MODES ?? '/usr/share/apertium/modes';
export const ALLOW_ANY_NETWORK_ENV = 'DUET_APERTIUM_ANY_NETWORK';

// Runs APy's own main() with Tornado's bind() forced to loopback. Arguments follow `-c CODE`.
const LOOPBACK_SHIM = [
  'import sys, tornado.tcpserver as t',
  'bind = t.TCPServer.bind',
  "t.TCPServer.bind = lambda self, port, address=None, *a, **k: bind(self, port, '127.0.0.1', *a, **k)",
  "sys.argv[0] = 'apertium-apy'",
  'from apertium_apy.apy import main',
  'main()',
].join('\n');

export interface ApertiumServer {
  /** `http://127.0.0.1:PORT`, the value for providerConfig.apertium.url. */
  url: string;
  port: number;
  pid: number;
  /** ms from spawn until /listPairs answered. */
  startMs: number;
  /** True when the socket was verified to listen on 127.0.0.1 only. */
  loopbackOnly: boolean;
  /** /translate requests APy has logged so far (proves a caller really reached it). */
  translateRequests(): number;
  /** Server-side time of each logged /translate request, in ms, in log order. */
  translateDurations(): number[];
  /** The last few KB of APy's log. */
  output(): string;
  /** Stops APy and its translation pipelines (the whole process group). */
  close(): Promise<void>;
}

export interface StartApertiumOptions {
  port?: number;
  /** Pair that must be listed before we call the server ready. */
  requirePair?: { from: string; to: string };
  timeoutMs?: number;
  log?: (line: string) => void;
}

export function apertiumInstalled(pair = 'spa-eng'): boolean {
  return existsSync(APY_BIN) && existsSync(`${APY_MODES_DIR}/${pair}.mode`);
}

/**
 * Network interfaces of this process's network namespace. /proc/self/net/dev follows the netns;
 * /sys/class/net does not (it shows the host's list unless sysfs is remounted).
 */
export function networkInterfaces(): string[] {
  try {
    return readFileSync('/proc/self/net/dev', 'utf8')
      .split('\n')
      .slice(2)
      .map((line) => line.split(':')[0]!.trim())
      .filter(Boolean)
      .sort();
  } catch {
    return [];
  }
}

/** True inside a namespace with loopback only, like the one scripts/run-e2e.ts creates. */
export function inLoopbackOnlyNamespace(): boolean {
  const names = networkInterfaces();
  return names.length === 1 && names[0] === 'lo';
}

/** Local addresses (hex, as /proc/net/tcp{,6} write them) of LISTEN sockets on `port` in one such file's text. */
export function parseListening(procNetText: string, port: number): string[] {
  const hexPort = port.toString(16).toUpperCase().padStart(4, '0');
  const found: string[] = [];
  for (const line of procNetText.split('\n').slice(1)) {
    const [, local, , state] = line.trim().split(/\s+/);
    if (state !== '0A' || !local) continue; // 0A = LISTEN
    const [address, p] = local.split(':');
    if (p === hexPort && address) found.push(address);
  }
  return found;
}

/** Addresses listening on `port` in this network namespace (IPv4 and IPv6). */
export function listeningAddresses(port: number): string[] {
  return ['/proc/net/tcp', '/proc/net/tcp6'].flatMap((file) => (existsSync(file) ? parseListening(readFileSync(file, 'utf8'), port) : []));
}

// 127.0.0.1 in /proc/net/tcp (little-endian words) and ::1 / ::ffff:127.0.0.1 in tcp6.
const LOOPBACK_HEX = new Set(['0100007F', '00000000000000000000000001000000', '0000000000000000FFFF00000100007F']);

export function isLoopbackHex(address: string): boolean {
  return LOOPBACK_HEX.has(address.toUpperCase());
}

/** Live (non-zombie) processes in process group `pgid`: APy and the apertium pipelines it forked. */
export function processGroupMembers(pgid: number): number[] {
  const members: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // /proc/PID/stat: "pid (comm) state ppid pgrp …"; comm may hold spaces, so split after the last ')'.
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const [state, , pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(pgrp) === pgid && state !== 'Z') members.push(Number(entry));
    } catch {
      /* exited meanwhile */
    }
  }
  return members;
}

export async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => ok(port));
    });
  });
}

function pythonOf(bin: string): string {
  const firstLine = readFileSync(bin, 'utf8').split('\n', 1)[0] ?? '';
  return firstLine.startsWith('#!') ? firstLine.slice(2).trim().split(/\s+/)[0]! : '/usr/bin/python3';
}

function spawnApy(port: number, shim: boolean): ChildProcess {
  const args = ['-p', String(port), APY_MODES_DIR];
  const [cmd, argv] = shim ? [pythonOf(APY_BIN), ['-c', LOOPBACK_SHIM, ...args]] : [APY_BIN, args];
  // detached: own process group, so close() also ends the apertium pipelines APy forks.
  return spawn(cmd, argv, { env: { ...process.env, LC_ALL: 'C.UTF-8' }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
}

async function waitReady(child: ChildProcess, url: string, pair: { from: string; to: string }, timeoutMs: number, output: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`apertium-apy exited (${child.exitCode ?? child.signalCode}):\n${output()}`);
    try {
      const response = await fetch(`${url}/listPairs`, { signal: AbortSignal.timeout(1000) });
      const body = (await response.json()) as { responseData?: Array<{ sourceLanguage: string; targetLanguage: string }> };
      if (body.responseData?.some((p) => p.sourceLanguage === pair.from && p.targetLanguage === pair.to)) return;
      throw new Error(`APy is up but has no ${pair.from}|${pair.to} pair: ${JSON.stringify(body)}`);
    } catch (error) {
      if (error instanceof Error && error.message.startsWith('APy is up')) throw error;
      await new Promise((r) => setTimeout(r, 25));
    }
  }
  throw new Error(`apertium-apy did not answer /listPairs within ${timeoutMs} ms:\n${output()}`);
}

async function stop(child: ChildProcess): Promise<void> {
  if (!child.pid) return;
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, signal);
    } catch {
      /* group already gone */
    }
  };
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise<void>((ok) => child.once('exit', () => ok()));
    signalGroup('SIGTERM');
    const timer = setTimeout(() => signalGroup('SIGKILL'), 3000);
    await exited;
    clearTimeout(timer);
  }
  signalGroup('SIGKILL'); // pipelines that outlived APy itself
}

/** Starts APy on 127.0.0.1 and resolves once it lists the required pair (default spa → eng). */
export async function startApertium(options: StartApertiumOptions = {}): Promise<ApertiumServer> {
  if (!apertiumInstalled()) throw new Error(`Apertium is not installed (${APY_BIN}, ${APY_MODES_DIR}/spa-eng.mode). Run: npx tsx scripts/ensure-apertium.ts`);
  const log = options.log ?? (() => {});
  const pair = options.requirePair ?? { from: 'spa', to: 'eng' };
  const timeoutMs = options.timeoutMs ?? 15_000;
  const attempts: Array<{ shim: boolean }> = [{ shim: true }];
  const sandboxed = inLoopbackOnlyNamespace() || process.env[ALLOW_ANY_NETWORK_ENV] === '1';
  if (sandboxed) attempts.push({ shim: false });
  let lastError: unknown;
  for (const { shim } of attempts) {
    const port = options.port ?? (await freePort());
    const url = `http://127.0.0.1:${port}`;
    const started = performance.now();
    const child = spawnApy(port, shim);
    let output = '';
    const durations: number[] = [];
    let partial = '';
    const collect = (d: Buffer) => {
      const text = d.toString();
      output = (output + text).slice(-4000);
      const lines = (partial + text).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) {
        // Tornado's access log: "200 POST /translate (127.0.0.1) 12.91ms"
        const hit = / \d{3} (?:GET|POST) \/translate\b\S* \([^)]*\) ([\d.]+)ms/.exec(line);
        if (hit) durations.push(Number(hit[1]));
      }
    };
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    try {
      await waitReady(child, url, pair, timeoutMs, () => output);
      const startMs = performance.now() - started;
      const addresses = listeningAddresses(port);
      const loopbackOnly = addresses.length > 0 && addresses.every(isLoopbackHex);
      if (!loopbackOnly && !sandboxed) {
        throw new Error(`APy listens beyond loopback (${addresses.join(', ') || 'unknown'}); refusing outside a loopback-only namespace`);
      }
      log(`APy ready at ${url} in ${Math.round(startMs)} ms (${shim ? 'bound to 127.0.0.1' : 'all interfaces, loopback-only namespace'})`);
      return {
        url,
        port,
        pid: child.pid!,
        startMs,
        loopbackOnly,
        translateRequests: () => durations.length,
        translateDurations: () => [...durations],
        output: () => output,
        close: () => stop(child),
      };
    } catch (error) {
      await stop(child);
      lastError = error;
      log(`APy start ${shim ? 'with loopback shim' : 'plain'} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  const hint = sandboxed ? '' : ` (the plain binary binds all interfaces; it runs only in a loopback-only network namespace or with ${ALLOW_ANY_NETWORK_ENV}=1)`;
  throw new Error(`could not start Apertium APy${hint}: ${lastError instanceof Error ? lastError.message : String(lastError)}`);
}

/** One text through APy directly, the way the extension's provider asks (POST form, markUnknown=no). */
export async function apertiumTranslate(url: string, text: string, langpair = 'spa|eng'): Promise<string> {
  const response = await fetch(`${url}/translate`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ langpair, q: text, markUnknown: 'no' }).toString(),
  });
  const body = (await response.json()) as { responseData?: { translatedText?: string }; explanation?: string };
  if (!response.ok || typeof body.responseData?.translatedText !== 'string') {
    throw new Error(`APy ${response.status}: ${body.explanation ?? JSON.stringify(body)}`);
  }
  return body.responseData.translatedText;
}
