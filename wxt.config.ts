import { defineConfig } from 'wxt';

// Hosts the built-in providers call. Custom servers (LibreTranslate, APy, OpenAI-compatible)
// are asked for at run time through optional_host_permissions, never at install.
const PROVIDER_HOSTS = [
  'https://translate-pa.googleapis.com/*',
  'https://translate.googleapis.com/*',
  'https://edge.microsoft.com/*',
  'https://api-free.deepl.com/*',
  'https://api.deepl.com/*',
];

export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  manifest: {
    // Store name, description and the shortcut's description come from public/_locales (WXT's built-in i18n).
    name: '__MSG_ext_name__',
    description: '__MSG_ext_description__',
    default_locale: 'en',
    permissions: ['storage', 'contextMenus', 'activeTab', 'unlimitedStorage'],
    host_permissions: PROVIDER_HOSTS,
    optional_host_permissions: ['http://*/*', 'https://*/*'],
    commands: {
      'translate-page': {
        suggested_key: { default: 'Alt+A' },
        description: '__MSG_command_translate__',
      },
    },
  },
});
