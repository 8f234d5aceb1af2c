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

/**
 * Firefox (addons.mozilla.org). The id is permanent once listed. 140 is the first Firefox (and ESR)
 * that reads `data_collection_permissions` (Android: 142); every other API Duet uses (MV3 event page,
 * storage.session, optional_host_permissions, IndexedDB in the background) is older.
 * Duet collects nothing: no telemetry, no server of ours. The only thing sent anywhere is the text of
 * the paragraphs being translated, to the translation service the reader chose (README "Privacy").
 */
const GECKO = {
  id: 'duet@duet-reader.org',
  strict_min_version: '140.0',
  data_collection_permissions: { required: ['none' as const] },
};

export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  // MV3 for Firefox too (WXT defaults Firefox to MV2): same permissions model and same background
  // code as Chrome, and MV2 is on its way out of AMO. Firefox runs the background as an event page.
  manifestVersion: 3,
  manifest: ({ browser }) => ({
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
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: GECKO, gecko_android: { strict_min_version: '142.0' } } }
      : {}),
  }),
  zip: {
    // AMO's reviewers rebuild from the sources zip with `npm ci && npm run build:firefox`: the build
    // needs no test fixtures (copies of publishers' pages) nor the test and benchmark scripts.
    excludeSources: ['e2e/**', 'scripts/**', '.ci/**'],
  },
});
