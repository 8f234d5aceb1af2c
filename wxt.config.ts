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
    name: 'Duet — bilingual news reader',
    description: 'Read foreign-language news side by side with its translation.',
    permissions: ['storage', 'contextMenus', 'activeTab', 'unlimitedStorage'],
    host_permissions: PROVIDER_HOSTS,
    optional_host_permissions: ['http://*/*', 'https://*/*'],
    commands: {
      'translate-page': {
        suggested_key: { default: 'Alt+A' },
        description: 'Translate this page (or switch back to the original)',
      },
    },
  },
});
