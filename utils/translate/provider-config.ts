import { browser } from 'wxt/browser';
import * as z from 'zod/mini';
import { ProviderIdSchema } from '../settings/schema';
import { bumpRevision, PROVIDER_CONFIG_REVISION_KEY, takeFromStorageLocal, vaultChoice, writeVault } from './provider-config-vault';
import type { ProviderConfig, ProviderId } from './types';

/**
 * Provider settings (API keys, server URLs, model names) in storage.local under `providerConfig`,
 * shaped `{ [providerId]: { [field]: string } }`. Kept apart from the reader's settings because they
 * hold secrets: only the background and the options page (trusted contexts) read them; content
 * scripts never receive them. Firefox lets content scripts read storage.local, so there they live in
 * the extension-only IndexedDB vault instead (provider-config-vault.ts).
 */
export const PROVIDER_CONFIG_KEY = 'providerConfig';

/** One provider's fields: short strings (a key, a URL, a model name). */
export const ProviderConfigSchema = z.record(z.string().check(z.minLength(1), z.maxLength(64)), z.string().check(z.maxLength(4096)));

const StoredConfigSchema = z.record(z.string(), z.unknown());

const inVault = (): boolean => vaultChoice.inUse;

async function readAll(): Promise<Record<string, unknown>> {
  if (inVault()) {
    const parsed = StoredConfigSchema.safeParse(await takeFromStorageLocal(browser.storage.local, PROVIDER_CONFIG_KEY));
    return parsed.success ? parsed.data : {};
  }
  const stored = (await browser.storage.local.get(PROVIDER_CONFIG_KEY))[PROVIDER_CONFIG_KEY];
  const parsed = StoredConfigSchema.safeParse(stored);
  return parsed.success ? parsed.data : {};
}

/** The saved settings for `id`; `{}` when none are saved or what is stored is not valid (never throws on bad data). */
export async function loadProviderConfig(id: ProviderId): Promise<ProviderConfig> {
  const parsed = ProviderConfigSchema.safeParse((await readAll())[id]);
  return parsed.success ? parsed.data : {};
}

/** Replaces the saved settings for `id`. Values are trimmed; empty and undefined fields are dropped. */
export async function saveProviderConfig(id: ProviderId, config: ProviderConfig): Promise<void> {
  ProviderIdSchema.parse(id);
  const cleaned: Record<string, string> = {};
  for (const [field, value] of Object.entries(config)) {
    const trimmed = value?.trim();
    if (trimmed) cleaned[field] = trimmed;
  }
  const valid = ProviderConfigSchema.parse(cleaned);
  const all = await readAll();
  if (inVault()) {
    await writeVault({ ...all, [id]: valid });
    await bumpRevision(browser.storage.local);
    return;
  }
  await browser.storage.local.set({ [PROVIDER_CONFIG_KEY]: { ...all, [id]: valid } });
}

/**
 * For the background's hot path: the saved settings, read from storage once and kept until a
 * trusted context (the options page) changes them. Each translation job asks for them.
 */
export function createProviderConfigSource(): (id: ProviderId) => Promise<ProviderConfig> {
  const loaded = new Map<ProviderId, Promise<ProviderConfig>>();
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && (PROVIDER_CONFIG_KEY in changes || PROVIDER_CONFIG_REVISION_KEY in changes)) loaded.clear();
  });
  return (id) => {
    let config = loaded.get(id);
    if (!config) {
      config = loadProviderConfig(id);
      loaded.set(id, config);
    }
    return config;
  };
}
