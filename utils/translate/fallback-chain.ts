import { t } from '../i18n/t';
import type { ServiceHealth } from './health';
import { isServiceFailure } from './health';
import type { ProviderQueues } from './queue';
import { abortedError } from './retry';
import { TranslateError, type ProviderConfig, type ProviderId, type ServiceId, type Translation, type Translator } from './types';

/**
 * The fallback chain among the services that need no key and no setup, in this order:
 *
 * 1. Google's batch endpoint — the default: many texts per request, the fewest requests per page.
 * 2. Microsoft (Edge's keyless path) — batches like Google and shares none of its infrastructure, so
 *    it is the one most likely to work when Google refuses this network.
 * 3. Google's single-text endpoint with a client id that still answers (`dict-chrome-ex`) — one text
 *    per request, so it comes after Microsoft; Google's CAPTCHA blocks have hit one endpoint at a time.
 * 4. Chrome's on-device Translator — private and free, but only where its model for the pair is already
 *    there (`availability() === 'available'`): it cannot download a model without a user gesture, and
 *    offline its `create()` never resolves.
 *
 * Never a keyed or paid service, nor a self-hosted server the reader did not choose: a reader who chose
 * DeepL, LibreTranslate, an AI model or Apertium gets exactly that service. A reader who pins a service
 * (fallback off) gets that service alone (for Google: its two endpoints, one service).
 */
export const KEYLESS_CHAIN: readonly ServiceId[] = ['google', 'microsoft', 'google-single', 'chrome-builtin'];

export function chainFor(selected: ProviderId, fallback: boolean): ServiceId[] {
  if (!KEYLESS_CHAIN.includes(selected)) return [selected];
  if (!fallback) return selected === 'google' ? ['google', 'google-single'] : [selected];
  return [selected, ...KEYLESS_CHAIN.filter((id) => id !== selected)];
}

/** While a later step can take over, a failing step is retried briefly rather than for the full budget. */
const HANDOVER = { maxAttempts: 2, maxTotalMs: 4_000 } as const;

export interface FallbackChainDeps {
  services: Record<ServiceId, Translator>;
  queues: ProviderQueues;
  health: ServiceHealth;
  getConfig: (id: ServiceId) => Promise<ProviderConfig>;
  /** Whether the reader allows falling back (settings); default on. */
  fallbackEnabled: () => Promise<boolean>;
  /** Whether a later step can serve (from, to) now without setup; default: its checkUsable(). */
  isReady?: (id: ServiceId, from: string, to: string, signal: AbortSignal) => Promise<boolean>;
}

export interface FallbackChain {
  /** Translates with the first healthy step; results from another step than `selected` carry `via`. */
  run(selected: ProviderId, texts: string[], from: string, to: string, signal: AbortSignal, lane?: string): Promise<Translation[]>;
  /** The steps `selected` may use now (the cache looks up every one of them). */
  steps(selected: ProviderId): Promise<ServiceId[]>;
  /** "Google Translate is refusing requests from this network right now; using Microsoft Translator." */
  noticeFor(selected: ProviderId, via: ServiceId): string;
  /** The reader pressed Retry: every step of the chain may be tried at once again. */
  forgive(selected: ProviderId): Promise<void>;
}

/** Why a service was skipped, in a few words that fit a pill. */
/** "Google Translate is refusing requests …; using Microsoft Translator." in the reader's language. */
function standInNotice(kind: string | undefined, from: string, to: string): string {
  const why =
    kind === 'blocked' || kind === 'rate-limit' || kind === 'server' || kind === 'network' || kind === 'timeout'
      ? kind.replace('-', '_')
      : kind === 'auth' || kind === 'quota'
        ? 'refused'
        : 'failing';
  return t(`fallback_notice_${why}`, { from, to });
}

/** Chrome's on-device Translator, only with its model already downloaded for the pair. */
async function builtinReady(from: string, to: string, signal: AbortSignal): Promise<boolean> {
  const api = (globalThis as { Translator?: { availability(o: { sourceLanguage: string; targetLanguage: string }): Promise<string> } }).Translator;
  if (!api || from === 'auto') return false; // no language detector offline: the source must be known
  const timeout = new Promise<string>((resolve) => {
    const timer = setTimeout(() => resolve('timeout'), 1_000);
    signal.addEventListener('abort', () => (clearTimeout(timer), resolve('aborted')), { once: true });
  });
  try {
    return (await Promise.race([api.availability({ sourceLanguage: from, targetLanguage: to }), timeout])) === 'available';
  } catch {
    return false;
  }
}

export function createFallbackChain(deps: FallbackChainDeps): FallbackChain {
  const ready =
    deps.isReady ??
    (async (id: ServiceId, from: string, to: string, signal: AbortSignal) => {
      const service = deps.services[id];
      if (service.checkUsable?.(await deps.getConfig(id))) return false;
      return id === 'chrome-builtin' ? builtinReady(from, to, signal) : true;
    });

  const steps = async (selected: ProviderId) => chainFor(selected, await deps.fallbackEnabled());

  return {
    steps,
    async run(selected, texts, from, to, signal, lane) {
      const chain = await steps(selected);
      let lastError: unknown;
      for (let i = 0; i < chain.length; i++) {
        const id = chain[i]!;
        if (signal.aborted) throw abortedError(signal.reason);
        if (!deps.health.tryAcquire(id)) continue; // cooling down: the next step serves
        const isLast = !chain.slice(i + 1).some((next) => deps.health.isAvailable(next));
        if (i > 0 && !(await ready(id, from, to, signal))) {
          deps.health.abandoned(id);
          continue;
        }
        try {
          const options = { ...(lane === undefined ? {} : { lane }), ...(isLast ? {} : HANDOVER) };
          const translations = await deps.queues.get(deps.services[id]).run(texts, from, to, await deps.getConfig(id), signal, options);
          deps.health.succeeded(id);
          return id === selected ? translations : translations.map((t) => ({ ...t, via: id }));
        } catch (error) {
          if (signal.aborted) {
            deps.health.abandoned(id);
            throw abortedError(signal.reason);
          }
          deps.health.failed(id, error);
          // A failure about these texts (an unreadable answer to one of them) is not the service's: report it.
          if (!isServiceFailure(error) && !(error instanceof TranslateError && error.kind === 'unsupported')) throw error;
          lastError ??= error; // the chosen service's reason is the one the reader needs
        }
      }
      if (lastError !== undefined) throw lastError;
      // Every step is cooling down: say why the chosen one is, and when it will be tried again.
      const snapshot = deps.health.snapshot(chain[0]!);
      const label = deps.services[chain[0]!].label;
      throw new TranslateError(
        snapshot.kind === 'blocked' ? 'blocked' : snapshot.kind === 'rate-limit' ? 'rate-limit' : 'server',
        snapshot.reason ?? t('svc_not_working', { service: label }),
        { service: label, ...(snapshot.retryAt === undefined ? {} : { retryAfterMs: Math.max(0, snapshot.retryAt - Date.now()) }) },
      );
    },
    noticeFor(selected, via) {
      const from = deps.services[selected].label;
      const to = deps.services[via].label;
      return standInNotice(deps.health.snapshot(selected).kind, from, to);
    },
    async forgive(selected) {
      for (const id of await steps(selected)) {
        deps.health.forgive(id);
        deps.queues.get(deps.services[id]).resume();
      }
    },
  };
}
