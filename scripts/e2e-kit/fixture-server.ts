import { readFile, readdir } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Fixture news pages shipped with the repository (filled by the extraction work). */
export const NEWS_FIXTURES_DIR = fileURLToPath(new URL('../../e2e/fixtures/news/', import.meta.url));

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.svg': 'image/svg+xml',
};

export interface FixtureServer {
  /** `http://127.0.0.1:PORT` (no trailing slash). */
  origin: string;
  /** Absolute URL of a file in the served folder. */
  url(name: string): string;
  close(): Promise<void>;
}

/**
 * Serves one folder on 127.0.0.1 at a random port (loopback only), with a small index page at `/`
 * listing its HTML files. Paths cannot leave the folder.
 */
export async function startFixtureServer(root: string = NEWS_FIXTURES_DIR): Promise<FixtureServer> {
  const base = resolve(root);
  const server: Server = createServer((req, res) => {
    void (async () => {
      const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
      if (path === '/') {
        res.writeHead(200, { 'content-type': TYPES['.html']! });
        res.end(await indexPage(base));
        return;
      }
      const file = resolve(join(base, path));
      if (!file.startsWith(base + sep)) {
        res.writeHead(403).end();
        return;
      }
      try {
        const body = await readFile(file);
        res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
        res.end(body);
      } catch {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      }
    })();
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', ok);
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: (name) => `${origin}/${name.replace(/^\/+/, '')}`,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}

async function indexPage(dir: string): Promise<string> {
  const pages = (await readdir(dir)).filter((f) => f.endsWith('.html')).sort();
  const items = pages.map((p) => `<li><a href="/${encodeURIComponent(p)}">${p.replace(/\.html$/, '')}</a></li>`).join('\n');
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Duet demo pages</title></head>
<body><h1>Duet demo pages</h1><p>Saved news pages for trying Duet offline.</p><ul>
${items}
</ul></body></html>`;
}
