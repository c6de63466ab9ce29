import path from 'node:path';
import { preact } from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { buildPack } from './lib/packs/build';
import { packToFile } from './lib/packs/validate';
import type { Problem } from './lib/templates/compile';
import { formatProblems } from './lib/templates/lint';
import { loadContext } from './lib/templates/load';

/**
 * Compiles templates/ into library.json, the built-in pack, an extension file
 * the background serves to content scripts. A template with an error fails the build.
 */
function builtInLibrary(root: string): string {
  const { pack, problems } = buildPack(path.join(root, 'templates'), { root });
  const errors = problems.filter((p) => p.severity === 'error');
  if (!pack || errors.length) throw new Error(`Modèles invalides :\n${formatProblems(errors)}`);
  return JSON.stringify(packToFile(pack));
}

/** The shared field catalogue and blocks, for templates written in the settings page (« Mes modèles »). */
function builtInContext(root: string): string {
  const problems: Problem[] = [];
  const ctx = loadContext(path.join(root, 'templates'), problems, (f) => path.relative(root, f));
  if (problems.length) throw new Error(`Catalogue invalide :\n${formatProblems(problems)}`);
  return JSON.stringify(ctx);
}

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Explicit imports everywhere: a newcomer sees where each name comes from.
  imports: false,
  manifestVersion: 3,
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser }) => ({
    name: 'Modèles',
    description: 'Modèles de courriers professionnels en français pour Gmail et Outlook sur le web : recherche, formulaire, insertion dans le brouillon.',
    // Only what is used: storage.local (remembered values, recent templates, packs), alarms (pack updates).
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
  hooks: {
    'build:publicAssets': (wxt, files) => {
      files.push({ relativeDest: 'library.json', contents: builtInLibrary(wxt.config.root) });
      files.push({ relativeDest: 'catalogue.json', contents: builtInContext(wxt.config.root) });
    },
  },
});
