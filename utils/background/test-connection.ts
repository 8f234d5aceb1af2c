import type { TestConnectionResult } from '../messaging/protocol';
import { markupToPlain } from '../rich-text/wire';
import { providers } from '../translate/providers';
import { loadProviderConfig } from '../translate/provider-config';
import type { ProviderQueues } from '../translate/queue';
import type { ServiceHealth } from '../translate/health';
import { toErrorInfo } from '../translate/error-info';
import type { ProviderId } from '../translate/types';

const SAMPLE = 'The city council approved the new budget on Tuesday.';

export interface TestConnectionDeps {
  queues: ProviderQueues;
  /** Told the outcome, so the options page and the fallback chain agree on whether the service works. */
  health: ServiceHealth;
}

/** Translates one sample sentence with the provider's saved settings and reports the real outcome. */
export async function testConnection(id: ProviderId, target: string, deps: TestConnectionDeps): Promise<TestConnectionResult> {
  const translator = providers[id];
  const config = await loadProviderConfig(id);
  const reason = translator.checkUsable?.(config);
  if (reason) return { ok: false, error: { kind: 'config', message: reason, retryable: false } };
  const started = performance.now();
  try {
    const to = target === 'en' ? 'de' : target;
    // The reader asked for this test: a cooling-down service is tried at once.
    deps.health.forgive(id);
    deps.queues.get(translator).resume();
    const [result] = await deps.queues.get(translator).run([SAMPLE], 'en', to, config, AbortSignal.timeout(30_000));
    deps.health.succeeded(id);
    return { ok: true, sample: SAMPLE, translation: markupToPlain(result?.text ?? ''), ms: Math.round(performance.now() - started) };
  } catch (error) {
    deps.health.failed(id, error);
    return { ok: false, error: toErrorInfo(error) };
  }
}
