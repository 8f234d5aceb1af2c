import { browser } from 'wxt/browser';
import { resolveTarget } from '../content/resolve-target';
import { t } from '../i18n/t';
import { MAX_SELECTION_CHARS, type ErrorInfo, type TabRequest } from '../messaging/protocol';
import { sendToTab } from '../messaging/send';
import type { Settings } from '../settings/schema';
import type { UnitTranslator } from './translate-port';

export const SELECTION_MENU_ID = 'duet-translate-selection';
const TIMEOUT_MS = 30_000;

/**
 * Translates a selection through the same service as pages (cache, batcher, provider queue), so a
 * sentence already seen costs no request. Resolves to the popover message for the tab; never throws.
 */
export async function translateSelection(
  text: string,
  settings: Settings,
  uiLanguage: string,
  service: UnitTranslator,
): Promise<Extract<TabRequest, { type: 'showSelection' }>> {
  const original = text.replace(/\s+/g, ' ').trim().slice(0, MAX_SELECTION_CHARS);
  const to = resolveTarget(settings, uiLanguage);
  let translation: string | undefined;
  let error: ErrorInfo | undefined;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), TIMEOUT_MS);
  try {
    await service.translateUnits({
      providerId: settings.provider,
      from: settings.sourceLanguage,
      to,
      units: [{ id: 'selection', text: original }],
      signal: controller.signal,
      onResults: (results) => {
        const r = results[0];
        if (r) translation = r.sameLanguage ? original : r.text;
      },
      onError: (_ids, e) => {
        error = e;
      },
    });
  } catch (e) {
    error = { kind: 'unknown', message: t('error_unknown'), retryable: true };
    console.warn('[duet] selection translation failed', e);
  } finally {
    clearTimeout(timer);
  }
  if (translation === undefined && !error) error = { kind: 'timeout', message: t('error_timeout'), retryable: true };
  return { type: 'showSelection', original, lang: to, ...(translation !== undefined ? { translation } : {}), ...(error ? { error } : {}) };
}

/** Context menu "Translate selection" (shown only over selected text): the answer opens by the selection. */
export function setupSelectionTranslate(getService: () => Promise<UnitTranslator>, getSettings: () => Promise<Settings>): void {
  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.create({ id: SELECTION_MENU_ID, title: t('menu_translate_selection'), contexts: ['selection'] });
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId !== SELECTION_MENU_ID || tab?.id === undefined || !info.selectionText) return;
    const tabId = tab.id;
    void (async () => {
      const message = await translateSelection(info.selectionText!, await getSettings(), browser.i18n.getUILanguage(), await getService());
      await sendToTab(tabId, message).catch((e: unknown) => console.info('[duet] this tab has no Duet content script', e));
    })();
  });
}
