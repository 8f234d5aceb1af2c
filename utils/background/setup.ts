import { browser } from 'wxt/browser';
import { NO_DISK, withMemoryTier } from '../cache/memory-tier';
import { openTranslationCache, type TranslationCache } from '../cache/translation-cache';
import { resolveTarget } from '../content/resolve-target';
import { providers } from '../translate/providers';
import { createProviderConfigSource } from '../translate/provider-config';
import { getProviderQueue } from '../translate/queue';
import { createBatcher } from '../translate/batcher';
import { createTranslationService } from '../translate/service';
import type { ProviderId } from '../translate/types';
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

  const providerConfig = createProviderConfigSource();
  const batcher = createBatcher({
    execute: async (providerId: ProviderId, texts, from, to, signal) =>
      getProviderQueue(providers[providerId]).run(texts, from, to, await providerConfig(providerId), signal),
    getLimits: (providerId: ProviderId) => providers[providerId].limits,
    canSplit: (providerId: ProviderId) => getProviderQueue(providers[providerId]).canStartNow(2),
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
        createTranslationService({ cache, batcher, getTranslator: (id: ProviderId) => providers[id], getConfig: providerConfig }),
      ));

  // Open the database now, not on the first request: a worker woken by a tab's port would otherwise
  // add the open (10–30 ms, more in a fresh profile) to the first paragraph's wait.
  void getService().catch(() => {});

  const pageMemory = new PageMemory();
  // storage.local and storage.sync hold only settings and provider config: any change may change translations.
  browser.storage.onChanged.addListener((_changes, area) => {
    if (area === 'local' || area === 'sync') pageMemory.clear();
  });
  setupTranslatePort({ translateUnits: async (job) => (await getService()).translateUnits(job) }, settings.get, pageMemory);

  setupRuntimeMessages({
    getSettings: () => settings.get(),
    startPage: async (_request, sender) => startPageAnswer(await settings.get(), sender, pageMemory, browser.i18n.getUILanguage()),
    reportStatus: async (request, sender) => {
      if (sender.tab?.id !== undefined) await showStatusOnBadge(sender.tab.id, request.status);
    },
    testConnection: async (request) =>
      testConnection(request.provider, resolveTarget(await settings.get(), browser.i18n.getUILanguage())),
    getProviders: () => describeProviders(),
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
