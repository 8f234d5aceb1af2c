import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { guessLanguage, plainOf, pseudoTranslate } from './pseudo-translate';

/**
 * A LibreTranslate server on 127.0.0.1 speaking its wire format (shared/PROVIDERS.md): `POST /translate`
 * with `q` as a string or an array, `GET /languages`. Firefox has no `context.route()` for an
 * extension's own requests, so the Firefox tests point Duet at a real local server instead. Answers
 * with the deterministic pseudo-translation, logs every request (texts, languages, api_key) and sends
 * CORS headers like the real server, so the background's fetch needs no extra host permission.
 */
export interface LibreRequestRecord {
  texts: string[];
  source: string;
  target: string;
  apiKey?: string;
}

export interface FakeLibreTranslate {
  /** `http://127.0.0.1:PORT`. */
  url: string;
  readonly log: LibreRequestRecord[];
  /** Translate requests so far. */
  readonly requests: number;
  resetCounts(): void;
  close(): Promise<void>;
}

const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, POST, OPTIONS',
  'access-control-allow-headers': 'content-type',
};

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export async function startFakeLibreTranslate(): Promise<FakeLibreTranslate> {
  const log: LibreRequestRecord[] = [];
  const server: Server = createServer((req, res) => {
    void (async () => {
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      const json = (status: number, body: unknown) => res.writeHead(status, { ...CORS, 'content-type': 'application/json' }).end(JSON.stringify(body));
      if (req.method === 'OPTIONS') return void res.writeHead(204, CORS).end();
      if (req.method === 'GET' && path === '/languages') {
        const codes = ['de', 'en', 'es', 'fr'];
        return json(200, codes.map((code) => ({ code, name: code, targets: codes.filter((c) => c !== code) })));
      }
      if (req.method === 'POST' && path === '/translate') {
        let body: { q?: unknown; source?: unknown; target?: unknown; api_key?: unknown };
        try {
          body = JSON.parse(await readBody(req)) as typeof body;
        } catch {
          return json(400, { error: 'Invalid request: body is not JSON' });
        }
        const many = Array.isArray(body.q);
        // format=html (Duet's rich text): the log keeps what the text says; the answer keeps the tags, as LibreTranslate does.
        const wire = (many ? (body.q as unknown[]) : [body.q]).map(String);
        const texts = wire.map(plainOf);
        const source = String(body.source ?? '');
        const target = String(body.target ?? '');
        if (!target) return json(400, { error: 'Invalid request: missing target parameter' });
        log.push({ texts, source, target, ...(typeof body.api_key === 'string' ? { apiKey: body.api_key } : {}) });
        const translated = wire.map((t) => pseudoTranslate(t, target));
        const detected = texts.map((t) => ({ confidence: 90, language: guessLanguage(t) }));
        const auto = source === 'auto';
        return json(200, {
          translatedText: many ? translated : translated[0],
          ...(auto ? { detectedLanguage: many ? detected : detected[0] } : {}),
        });
      }
      json(404, { error: 'Not Found' });
    })().catch(() => res.writeHead(500).end());
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', ok);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    log,
    get requests() {
      return log.length;
    },
    resetCounts() {
      log.length = 0;
    },
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}
