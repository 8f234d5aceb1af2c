import type { TestConnectionResult } from '../messaging/protocol';
import { markupToPlain } from '../rich-text/wire';
import { providers } from '../translate/providers';
import { loadProviderConfig } from '../translate/provider-config';
import { getProviderQueue } from '../translate/queue';
import { toErrorInfo } from '../translate/error-info';
import type { ProviderId } from '../translate/types';

const SAMPLE = 'The city council approved the new budget on Tuesday.';

/** Translates one sample sentence with the provider's saved settings and reports the real outcome. */
export async function testConnection(id: ProviderId, target: string): Promise<TestConnectionResult> {
  const translator = providers[id];
  const config = await loadProviderConfig(id);
  const reason = translator.checkUsable?.(config);
  if (reason) return { ok: false, error: { kind: 'config', message: reason, retryable: false } };
  const started = performance.now();
  try {
    const to = target === 'en' ? 'de' : target;
    const [result] = await getProviderQueue(translator).run([SAMPLE], 'en', to, config, AbortSignal.timeout(30_000));
    return { ok: true, sample: SAMPLE, translation: markupToPlain(result?.text ?? ''), ms: Math.round(performance.now() - started) };
  } catch (error) {
    return { ok: false, error: toErrorInfo(error) };
  }
}
