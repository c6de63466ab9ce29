import { preact } from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { builtInContext, builtInLibrary } from './lib/packs/builtin';

/**
 * What `npm run zip` puts in the sources archive addons.mozilla.org asks for:
 * everything the Firefox build reads, and SOURCES.md, the steps to rebuild it.
 * An allowlist (WXT 0.21 treats includeSources minus excludeSources as one).
 */
const SOURCES = ['components/**', 'entrypoints/**', 'lib/**', 'public/**', 'templates/**', 'package.json', 'package-lock.json', 'tsconfig.json', 'wxt.config.ts', 'README.md', 'SOURCES.md'];

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Explicit imports everywhere: a newcomer sees where each name comes from.
  imports: false,
  manifestVersion: 3,
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser }) => ({
    name: 'Modèles',
    description: 'Modèles de courriers professionnels en français pour Gmail et Outlook sur le web : recherche, formulaire, insertion dans le brouillon.',
    // Only what is used: storage.local (remembered values, recent templates, packs, payment dossiers),
    // storage.session (a letter handed to the print view), alarms (pack updates). The print view is
    // opened with tabs.create, which needs no « tabs » permission.
    // Mail sites are reached through the content scripts' matches, not host permissions.
    permissions: ['storage', 'alarms'],
    // A pack's server is asked for only when the user subscribes to it, and only if it does not allow CORS.
    optional_host_permissions: ['https://*/*', 'http://localhost/*', 'http://127.0.0.1/*'],
    // Lets IT push pack URLs through Chrome/Edge policy (public/managed_schema.json).
    storage: { managed_schema: 'managed_schema.json' },
    commands: {
      'open-palette': {
        suggested_key: { default: 'Ctrl+Shift+Space', mac: 'Command+Shift+Space' },
        description: 'Ouvrir les modèles dans le message en cours',
      },
    },
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: {
          id: 'modeles@modeles.example',
          // 140 (ESR) is the first version that reads data_collection_permissions.
          strict_min_version: '140.0',
          data_collection_permissions: { required: ['none'] },
        },
        gecko_android: { strict_min_version: '142.0' },
      },
    }),
  }),
  zip: {
    // The version in the file names is package.json's, like the manifest's and the built-in pack's.
    artifactTemplate: '{{name}}-{{packageVersion}}-{{browser}}.zip',
    sourcesTemplate: '{{name}}-{{packageVersion}}-sources.zip',
    includeSources: SOURCES,
    excludeSources: ['**/*.test.ts', '**/*.test.tsx'],
  },
  hooks: {
    'build:publicAssets': (wxt, files) => {
      files.push({ relativeDest: 'library.json', contents: builtInLibrary(wxt.config.root) });
      files.push({ relativeDest: 'catalogue.json', contents: builtInContext(wxt.config.root) });
    },
  },
});
