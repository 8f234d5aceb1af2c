import type { Settings } from '../settings/schema';

/** The reader's target language: the setting, else the browser's UI language ('de-AT' → 'de'). */
export function resolveTarget(settings: Settings, uiLanguage: string): string {
  return settings.targetLanguage || uiLanguage.split('-')[0]!.toLowerCase() || 'en';
}
