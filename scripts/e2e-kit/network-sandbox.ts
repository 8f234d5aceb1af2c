import { spawn, spawnSync } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Keeping browser runs off the network. Chromium calls Google hosts in the background (and the
 * machines this runs on may have no internet at all), so tests run either
 *   1. inside a private network namespace with only loopback (`unshare -n`, needs root), or
 *   2. with `--proxy-server` pointing at a local sink that answers 502 to everything.
 * Provider hosts are answered by `context.route()` before any of this matters.
 */
const SANDBOX_ENV = 'DUET_NETNS';

/** True when this process already runs in the loopback-only namespace we created. */
export function inNetworkSandbox(): boolean {
  return process.env[SANDBOX_ENV] === '1';
}

/** Whether `unshare -n` (plus bringing up loopback) works here: root on Linux, usually. */
export function canUnshareNetwork(): boolean {
  if (process.platform !== 'linux') return false;
  const probe = spawnSync('unshare', ['-n', 'sh', '-c', 'ip link set lo up'], { stdio: 'ignore', timeout: 5000 });
  return probe.status === 0;
}

/**
 * Re-runs this very command (same node, same flags, same arguments) inside a fresh network
 * namespace where only loopback is up, forwarding the exit code. Returns false (and does nothing)
 * when already sandboxed or when namespaces are unavailable, so the caller carries on itself.
 */
export async function reexecInNetworkSandbox(): Promise<boolean> {
  if (inNetworkSandbox() || process.env.DUET_NO_NETNS === '1' || !canUnshareNetwork()) return false;
  const argv = [process.execPath, ...process.execArgv, ...process.argv.slice(1)];
  const child = spawn('unshare', ['-n', 'sh', '-c', 'ip link set lo up && exec "$@"', 'sh', ...argv], {
    stdio: 'inherit',
    env: { ...process.env, [SANDBOX_ENV]: '1' },
  });
  // Ctrl-C reaches the child through the terminal's process group; don't die before it does.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
  const code = await new Promise<number>((ok) => child.on('exit', (c, s) => ok(c ?? (s ? 1 : 0))));
  process.exit(code);
}

export interface SinkProxy {
  /** `--proxy-server` value for Chromium. */
  proxyServer: string;
  close(): Promise<void>;
}

/** An HTTP proxy on 127.0.0.1 that refuses everything: plain requests and CONNECT tunnels get 502. */
export async function startSinkProxy(): Promise<SinkProxy> {
  const server: Server = createServer((_req, res) => {
    res.writeHead(502, { 'content-type': 'text/plain' }).end('blocked by Duet test sandbox');
  });
  server.on('connect', (_req, socket) => {
    socket.end('HTTP/1.1 502 Bad Gateway\r\ncontent-length: 0\r\n\r\n');
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    proxyServer: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}
