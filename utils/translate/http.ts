import { t } from '../i18n/t';
import { TranslateError, type TranslateErrorKind } from './types';

/**
 * fetch for providers: maps every way a request can fail to a TranslateError with a reader-facing
 * message (what happened, what to do), so the queue can decide on retries by `kind` alone.
 */

/** How a provider names itself in messages, and what to advise on auth/quota failures. */
export interface ServiceWording {
  /** e.g. "DeepL", "Google Translate". */
  service: string;
  /** Advice when the key is refused; default: check the key in Duet's options. */
  authAdvice?: string;
  /** Status codes this service uses differently from the defaults (e.g. Google's 403 is not a key problem). */
  statusKinds?: Partial<Record<number, TranslateErrorKind>>;
  /** Last word on the kind, from the status and the raw body (e.g. OpenAI's 429 "insufficient_quota" is a quota error). */
  classify?: (status: number, body: string) => TranslateErrorKind | undefined;
  /**
   * A keyless web endpoint (Google's, Edge's): no key can be wrong, so 401/403 mean the service refuses
   * this client or network, 404 that the endpoint moved, and a 429 with an HTML page (a CAPTCHA, not a
   * slow-down) that it will keep refusing for a while. All three are 'blocked': another service may work.
   */
  keyless?: true;
}

const MAX_DETAIL_CHARS = 200;

/** `Retry-After` in milliseconds: either delta-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function parseRetryAfter(value: string | null | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

export function kindForStatus(status: number, overrides?: ServiceWording['statusKinds']): TranslateErrorKind {
  const override = overrides?.[status];
  if (override) return override;
  if (status === 401 || status === 403) return 'auth';
  if (status === 402 || status === 456) return 'quota';
  if (status === 408) return 'timeout';
  if (status === 429) return 'rate-limit';
  if (status >= 500) return 'server';
  return 'bad-response';
}

/** 401/403/404 from a keyless endpoint, or its 429 answered with a web page (PROVIDERS.md: CAPTCHA pages). */
export function keylessBlocked(status: number, body: string): boolean {
  if (status === 401 || status === 403 || status === 404) return true;
  return status === 429 && (/^\s*</.test(body) || /captcha|unusual traffic|automated queries/i.test(body));
}

/**
 * The reader-facing sentence, in the reader's language (public/_locales: svc_*; this runs in the
 * background, where browser.i18n works too). {detail} is the service's own words in parentheses, or empty.
 */
function messageFor(kind: TranslateErrorKind, status: number, wording: ServiceWording, detail: string): string {
  const params = { service: wording.service, status: String(status), detail: detail ? ` (${detail})` : '' };
  switch (kind) {
    case 'blocked':
      return t('svc_blocked', params);
    case 'auth':
      return t('svc_auth', { ...params, advice: wording.authAdvice ?? t('svc_auth_advice', params) });
    case 'quota':
      return t('svc_quota', params);
    case 'rate-limit':
      return t('svc_rate_limit', params);
    case 'server':
      return t('svc_server', params);
    case 'timeout':
      return t('svc_timeout', params);
    case 'unsupported':
      return t('svc_unsupported', params);
    default:
      return t('svc_rejected', params);
  }
}

/** Pulls a short human message out of an error body: `{error}`, `{message}`, `{error:{message}}` or plain text. */
export function errorDetail(body: string): string {
  let detail = body;
  try {
    const json: unknown = JSON.parse(body);
    if (json && typeof json === 'object') {
      const record = json as Record<string, unknown>;
      const nested = record.error && typeof record.error === 'object' ? (record.error as Record<string, unknown>).message : undefined;
      const found = [record.error, nested, record.explanation, record.message, record.detail].find((v) => typeof v === 'string');
      detail = typeof found === 'string' ? found : '';
    }
  } catch {
    // Not JSON: HTML error pages are noise, short plain text is useful.
    if (/^\s*</.test(body)) detail = '';
  }
  detail = detail.replace(/\s+/g, ' ').trim();
  return detail.length > MAX_DETAIL_CHARS ? `${detail.slice(0, MAX_DETAIL_CHARS)}…` : detail;
}

export async function errorFromResponse(response: Response, wording: ServiceWording): Promise<TranslateError> {
  const body = await response.text().catch(() => '');
  const kind =
    wording.classify?.(response.status, body) ??
    (wording.keyless && keylessBlocked(response.status, body) ? 'blocked' : kindForStatus(response.status, wording.statusKinds));
  const detail = errorDetail(body);
  const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'));
  return new TranslateError(kind, messageFor(kind, response.status, wording, detail), {
    status: response.status,
    service: wording.service,
    ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
  });
}

/** fetch that throws TranslateError for network failures, aborts and non-2xx answers. */
export async function sendRequest(url: string | URL, init: RequestInit, signal: AbortSignal, wording: ServiceWording): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, signal });
  } catch (cause) {
    if (signal.aborted) throw new TranslateError('aborted', t('svc_cancelled'), { cause });
    throw new TranslateError('network', t('svc_network', { service: wording.service }), { cause });
  }
  if (!response.ok) throw await errorFromResponse(response, wording);
  return response;
}

/** Reads a JSON body; a body that is not JSON is a 'bad-response'. */
export async function readJson(response: Response, wording: ServiceWording, signal?: AbortSignal): Promise<unknown> {
  let text: string;
  try {
    text = await response.text();
  } catch (cause) {
    if (signal?.aborted) throw new TranslateError('aborted', t('svc_cancelled'), { cause });
    throw new TranslateError('network', t('svc_connection_lost', { service: wording.service }), { cause });
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (cause) {
    throw badResponse(wording, 'its answer was not valid JSON', cause);
  }
}

export function badResponse(wording: ServiceWording, what: string, cause?: unknown): TranslateError {
  // `what` is the provider module's own (English) diagnosis: technical detail, kept as written.
  return new TranslateError('bad-response', t('svc_bad_response', { service: wording.service, what }), { cause });
}

/** Joins a base URL the reader typed (with or without trailing slash) and a path. */
export function joinUrl(base: string, path: string): string {
  return `${base.trim().replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}
