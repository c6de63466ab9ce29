/**
 * Adding packs: import a file, subscribe to a URL, check subscriptions now.
 * A pack's server is asked for permission only if it does not let the
 * extension read the file (CORS), and then only for that server.
 */
import { useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { send } from '../../lib/messages';
import { installPack } from '../../lib/packs/store';
import { checkPackUrl, PackUnreachable, subscribe } from '../../lib/packs/subscribe';
import { readPack } from '../../lib/packs/validate';
import type { Run } from './Settings';

function summary(name: string, version: string, count: number, remarks: number): string {
  return `Pack « ${name} » ${version} installé : ${count} modèle${count > 1 ? 's' : ''}.${remarks ? ` Le correcteur fait ${remarks} remarque${remarks > 1 ? 's' : ''} sur ses modèles.` : ''}`;
}

async function subscribeTo(url: string): Promise<string> {
  const entry = await subscribe(url);
  return summary(entry.pack.name, entry.pack.version, entry.pack.templates.length, 0);
}

/**
 * Asks for the pack server only (an optional host permission), for a server
 * that does not let extensions read its files (no CORS header). Called from
 * its own button so the browser sees the user's click.
 */
async function grantAndSubscribe(url: string): Promise<string> {
  const { origin, host } = new URL(url);
  const granted = await browser.permissions.request({ origins: [`${origin}/*`] }).catch(() => false);
  if (!granted) throw new Error(`L’accès à ${host} n’a pas été autorisé : le pack ne peut pas être téléchargé.`);
  return subscribeTo(url);
}

export function AddPack({ run }: { run: Run }) {
  const [url, setUrl] = useState('');
  /** A URL whose server refused us: offer to ask the browser for access to it. */
  const [blocked, setBlocked] = useState<string | null>(null);
  return (
    <section aria-labelledby="add-title">
      <h2 id="add-title">Ajouter un pack</h2>
      <div class="row">
        <label htmlFor="pack-file">Importer un pack</label>
        <input
          id="pack-file"
          type="file"
          accept=".json,application/json"
          onChange={(e) => {
            const input = e.target as HTMLInputElement;
            const file = input.files?.[0];
            if (!file) return;
            void run(async () => {
              const { pack, errors, remarks } = readPack(await file.text());
              input.value = '';
              if (!pack) throw new Error(`Le fichier « ${file.name} » n’a pas été importé : ${errors.join(' ; ')}`);
              await installPack(pack, { kind: 'file', fileName: file.name });
              return summary(pack.name, pack.version, pack.templates.length, remarks.length);
            });
          }}
        />
        <p class="hint">Un fichier .json fourni par votre équipe ; les packs déjà installés ne sont pas touchés si le fichier est refusé.</p>
      </div>
      <form
        class="row"
        onSubmit={(e) => {
          e.preventDefault();
          const target = url.trim();
          setBlocked(null);
          void run(async () => {
            const invalid = checkPackUrl(target);
            if (invalid) throw new Error(invalid);
            try {
              const message = await subscribeTo(target);
              setUrl('');
              return message;
            } catch (error) {
              if (error instanceof PackUnreachable) setBlocked(target);
              throw error;
            }
          });
        }}
      >
        <label htmlFor="pack-url">Adresse du pack</label>
        <div class="inline">
          <input id="pack-url" type="url" value={url} required placeholder="https://intranet.exemple.fr/modeles/comptabilite.json" onInput={(e) => setUrl((e.target as HTMLInputElement).value)} />
          <button type="submit">S'abonner</button>
        </div>
        <p class="hint">Le pack est vérifié toutes les six heures et remplacé par toute nouvelle version valide.</p>
        {blocked && (
          <button
            type="button"
            onClick={() =>
              void run(async () => {
                const message = await grantAndSubscribe(blocked);
                setBlocked(null);
                setUrl('');
                return message;
              })
            }
          >
            Autoriser l’accès à {new URL(blocked).host} et réessayer
          </button>
        )}
      </form>
      <div class="row">
        <button
          type="button"
          onClick={() =>
            void run(async () => {
              const reports = await send({ type: 'refresh-packs' });
              const failed = reports.filter((r) => r.outcome === 'failed');
              if (failed.length) throw new Error(failed.map((r) => `« ${r.name} » : ${r.message} La version installée reste utilisée.`).join(' '));
              if (!reports.length) return 'Aucun pack abonné à vérifier.';
              const updated = reports.filter((r) => r.outcome === 'updated');
              return updated.length ? `Mis à jour : ${updated.map((r) => `« ${r.name} » ${r.message}`).join(', ')}.` : 'Tous les packs abonnés sont à jour.';
            })
          }
        >
          Mettre à jour
        </button>
      </div>
    </section>
  );
}
