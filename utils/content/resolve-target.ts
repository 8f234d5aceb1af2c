import type { Settings } from '../settings/schema';
import { languageFromLocale } from '../settings/languages';

/** The reader's target language: the setting, else the browser's UI language ('de-AT' → 'de'). */
export function resolveTarget(settings: Settings, uiLanguage: string): string {
  return settings.targetLanguage || languageFromLocale(uiLanguage) || 'en';
}
