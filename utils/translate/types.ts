/**
 * The contract every translation provider implements (DESIGN.md "Background"; STYLE.md §3).
 * One file per provider in ./providers, registered by id in ./providers/index.ts.
 */

export type ProviderId =
  | 'google'
  | 'microsoft'
  | 'deepl'
  | 'libretranslate'
  | 'openai'
  | 'apertium'
  | 'chrome-builtin';

/**
 * A service the background can send requests to: the providers the reader can choose, plus the steps of
 * the keyless fallback chain that are not choices of their own (Google's single-text endpoint).
 */
export type ServiceId = ProviderId | 'google-single';

/** A provider's published or observed limits, as data: the batcher and queue read these. */
export interface ProviderLimits {
  /** Most texts one request may carry. */
  maxTextsPerRequest: number;
  /** Most characters (sum of text lengths) one request may carry. */
  maxCharsPerRequest: number;
  /** Requests started per second, across all tabs. */
  requestsPerSecond: number;
  /** Requests in flight at once, across all tabs. */
  concurrency: number;
  /** Milliseconds before a request is aborted as timed out. */
  timeoutMs: number;
}

/** One translated text. */
export interface Translation {
  text: string;
  /** Source language the provider detected (BCP 47 / ISO 639-1 where the provider reports it). */
  detectedLanguage?: string;
  /** The service that translated it when a fallback chain answered (./fallback-chain.ts); absent: the one asked. */
  via?: ServiceId;
}

/** Everything a provider needs for one request besides the texts. */
export interface TranslateRequest {
  texts: string[];
  /** 'auto' or a language code. */
  from: string;
  to: string;
  signal: AbortSignal;
}

/** Provider-specific settings (keys, URLs, model); read only in the background. */
export type ProviderConfig = Record<string, string | undefined>;

/** One setting a provider needs, as data, so the options page renders a form without knowing providers. */
export interface ConfigField {
  /** Key in the provider's config object. */
  name: string;
  label: string;
  kind: 'secret' | 'url' | 'text';
  required: boolean;
  placeholder?: string;
  help?: string;
}

export interface Translator {
  id: ServiceId;
  /** Shown to the reader. */
  label: string;
  limits: ProviderLimits;
  /** Settings the reader enters for this provider (empty for keyless providers). */
  configFields: ConfigField[];
  /**
   * Settings that change the output (model, prompt version) and so belong in the cache key.
   * Never include secrets here.
   */
  cacheKeyParts(config: ProviderConfig): string[];
  /** Translate `texts` in order; the result has exactly one entry per input text. */
  translate(request: TranslateRequest, config: ProviderConfig): Promise<Translation[]>;
  /**
   * Target languages the service offers (our lowercase BCP 47 codes), where it can say.
   * Absent when the provider cannot list them; then any code is tried.
   */
  listTargetLanguages?(config: ProviderConfig, signal: AbortSignal): Promise<string[]>;
  /** Why this provider cannot work yet with `config` (missing key or URL, API absent); undefined when usable. */
  checkUsable?(config: ProviderConfig): string | undefined;
}

/** Why a translation failed; decides whether to retry and what the reader is told. */
export type TranslateErrorKind =
  | 'auth' // bad or missing key: stop, tell the reader to check the key
  | 'quota' // quota used up: stop, tell the reader
  | 'rate-limit' // 429: back off and retry
  | 'server' // 5xx: retry
  | 'network' // fetch failed: retry
  | 'timeout' // no answer in time: retry
  | 'bad-response' // answer we cannot parse or that does not match the request
  | 'unsupported' // language pair or feature the provider does not offer
  | 'blocked' // a keyless service refuses this client or network (CAPTCHA page, 403, moved endpoint): switch services
  | 'aborted'; // nobody needs the result any more

export class TranslateError extends Error {
  override name = 'TranslateError';
  constructor(
    readonly kind: TranslateErrorKind,
    message: string,
    readonly options: { status?: number; retryAfterMs?: number; cause?: unknown; service?: string } = {},
  ) {
    super(message, { cause: options.cause });
  }

  get retryable(): boolean {
    return this.kind === 'rate-limit' || this.kind === 'server' || this.kind === 'network' || this.kind === 'timeout';
  }
}
