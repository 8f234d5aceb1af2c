import { browser } from 'wxt/browser';
import { NO_DISK, withMemoryTier } from '../cache/memory-tier';
import { openTranslationCache, type TranslationCache } from '../cache/translation-cache';
import { resolveTarget } from '../content/resolve-target';
import { providers, services } from '../translate/providers';
import { createProviderConfigSource } from '../translate/provider-config';
import { createProviderQueues } from '../translate/queue';
import { createBatcher } from '../translate/batcher';
import { createFallbackChain } from '../translate/fallback-chain';
import { ServiceHealth } from '../translate/health';
import { createTranslationService } from '../translate/service';
import type { ProviderConfig, ProviderId, ServiceId } from '../translate/types';
import { trackActiveTabs } from './active-tabs';
import { showStatusOnBadge } from './badge';
import { setupCommands } from './commands';
import { setupSelectionTranslate } from './selection-translate';
import { describeProviders } from './provider-info';
import { PageMemory } from './page-memory';
import { startPageAnswer } from './start-page';
import { setupRuntimeMessages } from './runtime-messages';
import { createSettingsSource } from './settings-source';
import { restrictStorageToTrustedContexts } from './storage-access';
import { testConnection } from './test-connection';
import { setupTranslatePort, type UnitTranslator } from './translate-port';

const MB = 1024 * 1024;

/**
 * The background's composition root: every listener is registered synchronously here (a service
 * worker woken by an event must find its listener at once); the cache opens lazily on first use.
 */
export function setupBackground(): void {
  void restrictStorageToTrustedContexts();

  let cache: Promise<TranslationCache> | undefined;
  let cacheMaxMb: number | undefined;
  const settings = createSettingsSource((next) => {
    // Only a new cap touches the database; other settings changes cost it nothing.
    if (next.cacheMaxMb === cacheMaxMb) return;
    cacheMaxMb = next.cacheMaxMb;
    void cache?.then((c) => c.setMaxBytes(next.cacheMaxMb * MB));
  });
  const openCache = () =>
    (cache ??= settings
      .get()
      .then(async (s) => {
        cacheMaxMb = s.cacheMaxMb;
        return withMemoryTier(await openTranslationCache({ maxBytes: s.cacheMaxMb * MB }));
      })
      .catch((error: unknown) => {
        cache = undefined; // try again on the next request rather than failing forever
        console.error('[duet] could not open the translation cache', error);
        throw error;
      }));

  const savedConfig = createProviderConfigSource();
  // The chain's own steps (Google's single endpoint) have no settings of their own.
  const providerConfig = (id: ServiceId): Promise<ProviderConfig> => (id in providers ? savedConfig(id as ProviderId) : Promise.resolve({}));
  // One instance each, shared by every tab: request queues (fair between tabs, the active tab first),
  // the services' health, and the fallback chain that reads both.
  const queues = createProviderQueues({ isUrgent: trackActiveTabs() });
  const health = new ServiceHealth();
  const chain = createFallbackChain({
    services,
    queues,
    health,
    getConfig: providerConfig,
    fallbackEnabled: async () => (await settings.get()).fallbackChain !== false,
  });
  const batcher = createBatcher({
    execute: (providerId: ProviderId, texts, from, to, signal, lane) => chain.run(providerId, texts, from, to, signal, lane),
    getLimits: (providerId: ProviderId) => providers[providerId].limits,
    canSplit: (providerId: ProviderId) => queues.get(providers[providerId]).canStartNow(2),
  });
  let service: Promise<UnitTranslator> | undefined;
  const getService = (): Promise<UnitTranslator> =>
    (service ??= openCache()
      .catch((error: unknown) => {
        // A broken disk cache must not stop translation (service.ts reads and writes are best-effort too).
        console.warn('[duet] translating without the disk cache until the next start', error);
        return withMemoryTier(NO_DISK);
      })
      .then((cache) =>
        createTranslationService({
          cache,
          batcher,
          getTranslator: (id: ServiceId) => services[id],
          getConfig: providerConfig,
          chainSteps: (id) => chain.steps(id),
          noticeFor: (selected, via) => chain.noticeFor(selected, via),
        }),
      ));

  // Open the database now, not on the first request: a worker woken by a tab's port would otherwise
  // add the open (10–30 ms, more in a fresh profile) to the first paragraph's wait.
  void getService().catch(() => {});

  const pageMemory = new PageMemory();
  // storage.local and storage.sync hold only settings and provider config: any change may change translations.
  browser.storage.onChanged.addListener((_changes, area) => {
    if (area === 'local' || area === 'sync') pageMemory.clear();
  });
  setupTranslatePort({ translateUnits: async (job) => (await getService()).translateUnits(job) }, settings.get, pageMemory, {
    onRetry: (provider) => chain.forgive(provider),
  });

  setupRuntimeMessages({
    getSettings: () => settings.get(),
    startPage: async (_request, sender) => startPageAnswer(await settings.get(), sender, pageMemory, browser.i18n.getUILanguage()),
    reportStatus: async (request, sender) => {
      if (sender.tab?.id !== undefined) await showStatusOnBadge(sender.tab.id, request.status);
    },
    testConnection: async (request) =>
      testConnection(request.provider, resolveTarget(await settings.get(), browser.i18n.getUILanguage()), { queues, health }),
    getProviders: () => describeProviders(health),
    getCacheStats: async () => (await openCache()).stats(),
    clearCache: async () => {
      const c = await openCache();
      pageMemory.clear();
      await c.clear();
      return c.stats();
    },
  });

  setupCommands();
  setupSelectionTranslate(getService, settings.get);
}
