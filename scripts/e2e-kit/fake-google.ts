import type { BrowserContext, Route } from 'playwright-core';
import { guessLanguage, plainOf, pseudoTranslate } from './pseudo-translate';

/**
 * Google's two keyless endpoints, answered inside the browser context with their real wire format
 * (shared/PROVIDERS.md): `context.route()` also catches the extension service worker's fetches,
 * so nothing leaves the machine. Deterministic pseudo-translation, request/character counters,
 * latency and failure injection for tests and the speed benchmark.
 */
export const TRANSLATE_HTML_URL = 'https://translate-pa.googleapis.com/v1/translateHtml';
export const TRANSLATE_SINGLE_URL = 'https://translate.googleapis.com/translate_a/single';

export interface FakeGoogleOptions {
  /** Fixed delay before every answer, in ms (tests: 0; the benchmark: 150). */
  latencyMs?: number;
  /** Extra delay per character of input, in ms (the benchmark: 0.05). */
  latencyPerCharMs?: number;
}

export interface FakeRequestRecord {
  endpoint: 'translateHtml' | 'single';
  /** The texts as plain text (placeholder tags dropped, entities decoded). */
  texts: string[];
  /** The texts exactly as sent (translateHtml: Duet's inline markup, utils/rich-text/wire.ts). */
  wire: string[];
  from: string;
  to: string;
  status: number;
  /** ms since the fake was created. */
  at: number;
}

/** What a failed answer carries besides its status (a CAPTCHA page, a Retry-After). */
export interface FailureShape {
  body?: string;
  contentType?: string;
  headers?: Record<string, string>;
}

/** Google's "unusual traffic" page, as the batch endpoint answers it on bad days (PROVIDERS.md). */
export const CAPTCHA_PAGE = '<html><head><title>Sorry...</title></head><body><div>Our systems have detected unusual traffic from your computer network.</div><form id="captcha-form"></form></body></html>';

interface FailureRule extends FailureShape {
  status: number;
  /** Requests left to fail; Infinity until healed. */
  remaining: number;
  /** Only requests with a text containing this fail (undefined: every request). */
  textIncludes?: string;
}

export class FakeGoogle {
  readonly log: FakeRequestRecord[] = [];
  private rules: FailureRule[] = [];
  private readonly started = Date.now();
  private contexts = new Set<BrowserContext>();

  constructor(private options: FakeGoogleOptions = {}) {}

  /** Provider requests answered so far (successful or failed). */
  get requests(): number {
    return this.log.length;
  }
  /** Characters of input text received so far. */
  get chars(): number {
    return this.log.reduce((sum, r) => sum + r.texts.reduce((s, t) => s + t.length, 0), 0);
  }
  /** Characters exactly as sent (markup included). */
  get wireChars(): number {
    return this.log.reduce((sum, r) => sum + r.wire.reduce((s, t) => s + t.length, 0), 0);
  }
  get texts(): number {
    return this.log.reduce((sum, r) => sum + r.texts.length, 0);
  }

  setLatency(options: FakeGoogleOptions): void {
    this.options = options;
  }
  /** Fail the next `count` requests with `status`. */
  failNext(count: number, status = 503): void {
    this.rules.push({ status, remaining: count });
  }
  /** Fail every request with `status` until `heal()`. */
  failAll(status = 500, shape: FailureShape = {}): void {
    this.rules.push({ status, remaining: Infinity, ...shape });
  }
  /** Both endpoints answer 429 with a CAPTCHA page, without Retry-After, until `heal()`. */
  block(): void {
    this.failAll(429, { body: CAPTCHA_PAGE, contentType: 'text/html; charset=utf-8' });
  }
  /** Fail every request carrying a text that contains `text`, until `heal()`. */
  failWhenTextIncludes(text: string, status = 500): void {
    this.rules.push({ status, remaining: Infinity, textIncludes: text });
  }
  /**
   * Answer translateHtml with `answer(markup, to)` instead of the pseudo-translation (hostile or broken
   * provider output for the rich-text tests); undefined restores the normal answer.
   */
  setAnswer(answer: ((markup: string, to: string) => string) | undefined): void {
    this.answer = answer;
  }
  private answer: ((markup: string, to: string) => string) | undefined;
  heal(): void {
    this.rules = [];
  }
  /** Forget the request log (counters restart at zero). */
  resetCounts(): void {
    this.log.length = 0;
  }

  async attach(context: BrowserContext): Promise<void> {
    this.contexts.add(context);
    await context.route(`${TRANSLATE_HTML_URL}*`, (route) => this.answerTranslateHtml(route));
    await context.route(`${TRANSLATE_SINGLE_URL}*`, (route) => this.answerSingle(route));
  }

  private async answerTranslateHtml(route: Route): Promise<void> {
    const request = route.request();
    if (request.method() === 'OPTIONS') return this.fulfill(route, 204, '');
    let wire: string[];
    let from: string;
    let to: string;
    try {
      // Body: [[texts, from, to], "wt_lib"]
      const body = JSON.parse(request.postData() ?? '') as [[unknown, unknown, unknown], unknown];
      const [inner] = body;
      if (!Array.isArray(inner) || !Array.isArray(inner[0]) || typeof inner[2] !== 'string') throw new Error('shape');
      wire = (inner[0] as unknown[]).map((t) => String(t));
      from = String(inner[1]);
      to = inner[2];
    } catch {
      return this.fulfill(route, 400, JSON.stringify([400, 'Invalid JSON payload received.']));
    }
    const texts = wire.map(plainOf);
    const { status, rule } = await this.decideRule(texts);
    this.log.push({ endpoint: 'translateHtml', texts, wire, from, to, status, at: Date.now() - this.started });
    if (status !== 200) return this.fulfill(route, status, rule?.body ?? JSON.stringify([status, 'fake failure']), rule?.contentType, rule?.headers);
    // Like the real translateHtml: HTML in, HTML out, tags kept around the words they wrap.
    const translate = this.answer ?? pseudoTranslate;
    const answer = [wire.map((t) => translate(t, to)), texts.map((t) => (from === 'auto' ? guessLanguage(t) : from))];
    return this.fulfill(route, 200, JSON.stringify(answer), 'application/json+protobuf; charset=utf-8');
  }

  private async answerSingle(route: Route): Promise<void> {
    const url = new URL(route.request().url());
    const text = url.searchParams.get('q') ?? '';
    const from = url.searchParams.get('sl') ?? 'auto';
    const to = url.searchParams.get('tl') ?? 'en';
    const { status, rule } = await this.decideRule([text]);
    this.log.push({ endpoint: 'single', texts: [text], wire: [text], from, to, status, at: Date.now() - this.started });
    if (status !== 200) return this.fulfill(route, status, rule?.body ?? 'fake failure', rule?.contentType ?? 'text/plain', rule?.headers);
    const detected = from === 'auto' ? guessLanguage(text) : from;
    // [[[translation, original], ...], null, detected]
    const answer = [[[pseudoTranslate(text, to), text]], null, detected];
    return this.fulfill(route, 200, JSON.stringify(answer));
  }

  /** Waits the configured latency, then returns the status this request gets (and the rule that decided it). */
  private async decideRule(texts: string[]): Promise<{ status: number; rule?: FailureRule }> {
    const chars = texts.reduce((s, t) => s + t.length, 0);
    const delay = (this.options.latencyMs ?? 0) + (this.options.latencyPerCharMs ?? 0) * chars;
    if (delay > 0) await new Promise((r) => setTimeout(r, delay));
    for (const rule of this.rules) {
      if (rule.remaining <= 0) continue;
      if (rule.textIncludes !== undefined && !texts.some((t) => t.includes(rule.textIncludes!))) continue;
      rule.remaining -= 1;
      return { status: rule.status, rule };
    }
    return { status: 200 };
  }

  private async fulfill(route: Route, status: number, body: string, contentType = 'application/json; charset=utf-8', headers: Record<string, string> = {}): Promise<void> {
    try {
      await route.fulfill({
        status,
        body,
        contentType,
        headers: { 'access-control-allow-origin': '*', 'access-control-allow-headers': '*', 'access-control-expose-headers': '*', ...headers },
      });
    } catch {
      // The browser went away or the request was aborted (tab closed): nothing to answer.
    }
  }
}
