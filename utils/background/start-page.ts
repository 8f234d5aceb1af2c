import type { Browser } from 'wxt/browser';
import type { StartPageResponse } from '../messaging/protocol';
import type { Settings } from '../settings/schema';
import { resolveTarget } from '../content/resolve-target';
import type { PageMemory } from './page-memory';

/**
 * The answer to a content script's first message: its settings, plus what the page memory holds for
 * this page (top frame, normal window) under the provider and language pair it will use.
 */
export function startPageAnswer(settings: Settings, sender: Browser.runtime.MessageSender, memory: PageMemory, uiLanguage: string): StartPageResponse {
  const from = settings.sourceLanguage;
  const to = resolveTarget(settings, uiLanguage);
  const eligible = sender.url !== undefined && sender.frameId === 0 && !sender.tab?.incognito;
  const translations = eligible ? memory.recall({ url: sender.url!, provider: settings.provider, from, to }) : [];
  if (translations.length === 0) return { settings };
  return { settings, remembered: { provider: settings.provider, from, to, translations } };
}
