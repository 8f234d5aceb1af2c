import type { BrowserContext, Route } from 'playwright-core';
import { escapeHtml, guessLanguage, pseudoTranslate, unescapeHtml } from './pseudo-translate';

/**
 * Microsoft's keyless Edge endpoint (shared/PROVIDERS.md "Microsoft"), answered inside the browser
 * context with its real wire format, like ./fake-google.ts: `POST …/translatetext?from=&to=en`, body
 * `["text", …]`, answer `[{ detectedLanguage: { language, score }, translations: [{ text, to }] }]`.
 * Deterministic pseudo-translation, a request log, latency and failure injection.
 */
export const MICROSOFT_TRANSLATE_URL = 'https://edge.microsoft.com/translate/translatetext';

export interface FakeMicrosoftRecord {
  texts: string[];
  from: string;
  to: string;
  status: number;
  /** ms since the fake was created. */
  at: number;
}

export class FakeMicrosoft {
  readonly log: FakeMicrosoftRecord[] = [];
  private failStatus: number | undefined;
  private latencyMs = 0;
  private readonly started = Date.now();

  get requests(): number {
    return this.log.length;
  }
  get texts(): number {
    return this.log.reduce((sum, r) => sum + r.texts.length, 0);
  }
  setLatency(ms: number): void {
    this.latencyMs = ms;
  }
  failAll(status = 503): void {
    this.failStatus = status;
  }
  heal(): void {
    this.failStatus = undefined;
  }
  resetCounts(): void {
    this.log.length = 0;
  }

  async attach(context: BrowserContext): Promise<void> {
    await context.route(`${MICROSOFT_TRANSLATE_URL}*`, (route) => this.answer(route));
  }

  private async answer(route: Route): Promise<void> {
    const request = route.request();
    if (request.method() === 'OPTIONS') return this.fulfill(route, 204, '');
    const url = new URL(request.url());
    const from = url.searchParams.get('from') ?? '';
    const to = url.searchParams.get('to') ?? 'en';
    let texts: string[];
    try {
      const body = JSON.parse(request.postData() ?? '') as unknown;
      if (!Array.isArray(body)) throw new Error('shape');
      texts = body.map((t) => unescapeHtml(String(t)));
    } catch {
      return this.fulfill(route, 400, JSON.stringify({ error: { code: 400000, message: 'The request is not valid.' } }));
    }
    if (this.latencyMs > 0) await new Promise((r) => setTimeout(r, this.latencyMs));
    const status = this.failStatus ?? 200;
    this.log.push({ texts, from, to, status, at: Date.now() - this.started });
    if (status !== 200) return this.fulfill(route, status, JSON.stringify({ error: { code: status * 1000, message: 'fake failure' } }));
    const answer = texts.map((t) => ({
      detectedLanguage: { language: from || guessLanguage(t), score: 1 },
      translations: [{ text: escapeHtml(pseudoTranslate(t, to)), to }],
    }));
    return this.fulfill(route, 200, JSON.stringify(answer));
  }

  private async fulfill(route: Route, status: number, body: string): Promise<void> {
    try {
      await route.fulfill({
        status,
        body,
        contentType: 'application/json; charset=utf-8',
        headers: { 'access-control-allow-origin': '*', 'access-control-allow-headers': '*' },
      });
    } catch {
      // The browser went away or the request was aborted: nothing to answer.
    }
  }
}
