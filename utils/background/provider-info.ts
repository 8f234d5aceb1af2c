import type { ProviderInfo } from '../messaging/protocol';
import { providers } from '../translate/providers';
import { isProviderOffered } from '../translate/providers/offered';
import { loadProviderConfig } from '../translate/provider-config';
import type { ServiceHealth } from '../translate/health';
import type { ProviderId } from '../translate/types';

/** How long the popup may wait for a provider to list its languages before showing it without a list. */
const LIST_TIMEOUT_MS = 3000;

/** What the popup and options page show about each provider: usable or why not, and its languages. */
export async function describeProviders(health?: ServiceHealth): Promise<ProviderInfo[]> {
  return Promise.all(
    (Object.keys(providers) as ProviderId[]).filter((id) => isProviderOffered(id)).map(async (id) => {
      const translator = providers[id];
      const config = await loadProviderConfig(id);
      const reason = translator.checkUsable?.(config);
      let targetLanguages: string[] = [];
      if (!reason && translator.listTargetLanguages) {
        try {
          targetLanguages = await translator.listTargetLanguages(config, AbortSignal.timeout(LIST_TIMEOUT_MS));
        } catch (error) {
          console.info(`[duet] ${id} could not list its languages`, error);
        }
      }
      // A failed test or translation stands until a test or a translation succeeds (health.ts).
      const failing = health?.snapshot(id).reason;
      return { id, label: translator.label, usable: !reason, ...(reason ? { reason } : {}), targetLanguages, ...(failing ? { failing } : {}) };
    }),
  );
}
