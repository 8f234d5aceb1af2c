import type { BrowserContext, Route } from 'playwright-core';
import { FakeGoogle, TRANSLATE_HTML_URL, TRANSLATE_SINGLE_URL } from '../e2e-kit/fake-google';
import { guessLanguage, pseudoTranslate, unescapeHtml } from '../e2e-kit/pseudo-translate';
import { epochNow } from './page-probe';

/**
 * The benchmark's provider: the e2e kit's FakeGoogle answers (real wire format, configured delay),
 * and this tap, registered after it (Playwright runs the newest matching route first), records each
 * request — start time, texts, body bytes both ways, its configured delay — then falls back to the fake.
 */
export interface TappedRequest {
  endpoint: 'translateHtml' | 'single';
  /** Epoch ms when the request reached the provider. */
  start: number;
  /** The delay the fake adds to this request (ms): the provider's share of any wait. */
  delayMs: number;
  texts: string[];
  chars: number;
  requestBytes: number;
  responseBytes: number;
}

export interface ProviderLatency {
  latencyMs: number;
  latencyPerCharMs: number;
}

export class ProviderTap {
  readonly requests: TappedRequest[] = [];
  readonly fake: FakeGoogle;

  constructor(private readonly latency: ProviderLatency) {
    this.fake = new FakeGoogle(latency);
  }

  async attach(context: BrowserContext): Promise<void> {
    await this.fake.attach(context);
    await context.route(`${TRANSLATE_HTML_URL}*`, (route) => this.tapHtml(route));
    await context.route(`${TRANSLATE_SINGLE_URL}*`, (route) => this.tapSingle(route));
  }

  reset(): void {
    this.requests.length = 0;
    this.fake.resetCounts();
  }

  private delayFor(chars: number): number {
    return this.latency.latencyMs + this.latency.latencyPerCharMs * chars;
  }

  private async tapHtml(route: Route): Promise<void> {
    const request = route.request();
    if (request.method() === 'POST') {
      const start = epochNow();
      const body = request.postDataBuffer() ?? Buffer.alloc(0);
      try {
        const [[rawTexts, from, to]] = JSON.parse(body.toString('utf8')) as [[string[], string, string]];
        const texts = rawTexts.map((t) => unescapeHtml(String(t)));
        const chars = texts.reduce((s, t) => s + t.length, 0);
        // The fake's answer, rebuilt byte for byte (same functions) to count the bytes coming back.
        const answer = JSON.stringify([rawTexts.map((t) => pseudoTranslate(String(t), to)), texts.map((t) => (from === 'auto' ? guessLanguage(t) : from))]);
        this.requests.push({ endpoint: 'translateHtml', start, delayMs: this.delayFor(chars), texts, chars, requestBytes: body.length, responseBytes: Buffer.byteLength(answer) });
      } catch {
        this.requests.push({ endpoint: 'translateHtml', start, delayMs: this.delayFor(0), texts: [], chars: 0, requestBytes: body.length, responseBytes: 0 });
      }
    }
    await route.fallback();
  }

  private async tapSingle(route: Route): Promise<void> {
    const url = new URL(route.request().url());
    const text = url.searchParams.get('q') ?? '';
    const answer = JSON.stringify([[[pseudoTranslate(text, url.searchParams.get('tl') ?? 'en'), text]], null, 'en']);
    this.requests.push({ endpoint: 'single', start: epochNow(), delayMs: this.delayFor(text.length), texts: [text], chars: text.length, requestBytes: Buffer.byteLength(url.search), responseBytes: Buffer.byteLength(answer) });
    await route.fallback();
  }
}

/** Texts the provider received more than once (a paragraph translated twice). */
export function repeatedTexts(requests: readonly TappedRequest[]): string[] {
  const seen = new Map<string, number>();
  for (const r of requests) for (const t of r.texts) seen.set(t, (seen.get(t) ?? 0) + 1);
  return [...seen].filter(([, n]) => n > 1).map(([t]) => t);
}
