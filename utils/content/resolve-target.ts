import type { Settings } from '../settings/schema';
import { languageFromLocale, resolveTargetLanguage } from '../settings/languages';

/** The reader's target language (the one rule: settings/languages.ts), with the UI language given explicitly. */
export function resolveTarget(settings: Settings, uiLanguage: string): string {
  return resolveTargetLanguage(settings.targetLanguage, () => languageFromLocale(uiLanguage) || 'en');
}
