import { browser } from 'wxt/browser';
import { t } from '../i18n/t';
import { sendToTab } from '../messaging/send';

const MENU_ID = 'duet-translate-page';
const COMMAND_ID = 'translate-page';

/** Toggle translation in a tab; tabs without our content script (chrome://, stores) are skipped quietly. */
async function toggleTab(tabId: number | undefined): Promise<void> {
  if (tabId === undefined) return;
  try {
    await sendToTab(tabId, { type: 'toggle' });
  } catch (error) {
    console.info('[duet] this tab has no Duet content script (browser page or store?)', error);
  }
}

/** Context menu "Translate this page" and the Alt+A shortcut: both toggle the current tab. */
export function setupCommands(): void {
  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.create({ id: MENU_ID, title: t('menu_translate_page'), contexts: ['page', 'selection'] });
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === MENU_ID) void toggleTab(tab?.id);
  });
  browser.commands.onCommand.addListener(async (command) => {
    if (command !== COMMAND_ID) return;
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    await toggleTab(tab?.id);
  });
}
