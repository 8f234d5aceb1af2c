import { providers as registry } from '@/utils/translate/providers';
import { isProviderOffered } from '@/utils/translate/providers/offered';
import type { ConfigField, ProviderId } from '@/utils/translate/types';

/**
 * What the options page needs to know about each provider: its label and its settings form, read
 * from the providers registry (utils/translate/providers/index.ts). The fallback labels cover a
 * registry without some provider, so the page still lists every id the settings schema accepts.
 */
export interface ProviderFormInfo {
  id: ProviderId;
  label: string;
  /** null when this build has no registry to read the fields from. */
  configFields: ConfigField[] | null;
}

export const FALLBACK_LABELS: Record<ProviderId, string> = {
  google: 'Google Translate',
  microsoft: 'Microsoft Translator',
  deepl: 'DeepL',
  libretranslate: 'LibreTranslate',
  openai: 'OpenAI-compatible',
  apertium: 'Apertium',
  'chrome-builtin': 'Chrome built-in',
};

type RegistryView = Partial<Record<ProviderId, { label?: string; configFields?: ConfigField[] }>>;

/** Form info for every provider id, from the registry when present. */
export function providerFormInfo(
  source: RegistryView = registry,
): ProviderFormInfo[] {
  return (Object.keys(FALLBACK_LABELS) as ProviderId[]).filter((id) => isProviderOffered(id)).map((id) => {
    const entry = source[id];
    return {
      id,
      label: entry?.label ?? FALLBACK_LABELS[id],
      configFields: Array.isArray(entry?.configFields) ? entry.configFields : null,
    };
  });
}
