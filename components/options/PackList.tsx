/** The installed packs, one list item each: name, version, templates, where it comes from, what changed, and its actions. */
import { packToFile, type Pack } from '../../lib/packs/validate';
import { BUILTIN_PACK_ID, PERSONAL_PACK_ID, removePack, setEnabled, type InstalledPack, type PackOrigin } from '../../lib/packs/store';
import { sendPersonal } from '../personal/api';
import type { Run, SettingsState } from './Settings';

function originLabel(origin: PackOrigin | 'builtin'): string {
  if (origin === 'builtin') return 'Intégré à l’extension';
  if (origin.kind === 'personal') return 'Vos modèles';
  if (origin.kind === 'file') return `Importé depuis un fichier${origin.fileName ? ` (${origin.fileName})` : ''}`;
  return `${origin.managed ? 'Imposé par votre service informatique' : 'Abonnement'} : ${origin.url}`;
}

function count(n: number, one: string, many: string): string {
  return `${n} ${n > 1 ? many : one}`;
}

/** Saves a pack as a .json file, through a download link. */
export function exportPack(pack: Pack): string {
  const blob = new Blob([`${JSON.stringify(packToFile(pack), null, 2)}\n`], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = `${pack.id}-${pack.version}.json`;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return `Pack « ${pack.name} » exporté dans ${a.download}.`;
}

interface ItemProps {
  pack: Pack;
  origin: PackOrigin | 'builtin';
  enabled: boolean;
  entry?: InstalledPack;
  run: Run;
}

function PackItem({ pack, origin, enabled, entry, run }: ItemProps) {
  const locked = origin !== 'builtin' && origin.kind === 'url' && origin.managed;
  // « Mes modèles » are removed one by one (and on every computer): not as a pack.
  const removable = origin !== 'builtin' && !locked && origin.kind !== 'personal';
  const change = entry?.lastChange;
  const titleOf = (id: string) => pack.templates.find((t) => t.id === id)?.title ?? id;
  return (
    <li class="pack" data-pack={pack.id}>
      <div class="pack-head">
        <span class="pack-name">{pack.name}</span> <span class="pack-version">version {pack.version}</span>
        <span class="pack-count"> · {count(pack.templates.length, 'modèle', 'modèles')}</span>
      </div>
      <p class="pack-origin">{originLabel(origin)}</p>
      {pack.description && <p class="pack-description">{pack.description}</p>}
      {origin !== 'builtin' && origin.kind === 'url' && origin.error && <p class="pack-error">{origin.error}</p>}
      {change && (
        <details class="pack-change">
          <summary>
            Mise à jour {change.from} → {change.to} : {count(change.added.length, 'modèle ajouté', 'modèles ajoutés')}, {count(change.changed.length, 'modifié', 'modifiés')},{' '}
            {count(change.removed.length, 'retiré', 'retirés')}
          </summary>
          <ul>
            {change.added.map((id) => (
              <li key={`a${id}`}>Ajouté : {titleOf(id)}</li>
            ))}
            {change.changed.map((id) => (
              <li key={`c${id}`}>Modifié : {titleOf(id)}</li>
            ))}
            {change.removed.map((id) => (
              <li key={`r${id}`}>Retiré : {id}</li>
            ))}
          </ul>
        </details>
      )}
      <div class="pack-actions">
        <label>
          <input
            type="checkbox"
            checked={enabled}
            disabled={locked}
            onChange={(e) => {
              const on = (e.target as HTMLInputElement).checked;
              void run(async () => {
                if (pack.id === PERSONAL_PACK_ID) await sendPersonal({ type: 'personal-settings', enabled: on });
                else await setEnabled(pack.id, on);
                return `Pack « ${pack.name} » ${on ? 'activé' : 'désactivé'}.`;
              });
            }}
          />{' '}
          Activé
        </label>
        <button type="button" onClick={() => void run(async () => exportPack(pack))} aria-label={`Exporter le pack « ${pack.name} »`}>
          Exporter
        </button>
        {removable && (
          <button
            type="button"
            class="danger"
            aria-label={`Supprimer le pack « ${pack.name} »`}
            onClick={() => {
              if (!window.confirm(`Supprimer le pack « ${pack.name} » et ses ${pack.templates.length} modèles ?`)) return;
              void run(async () => {
                await removePack(pack.id);
                return `Pack « ${pack.name} » supprimé.`;
              });
            }}
          >
            Supprimer
          </button>
        )}
      </div>
    </li>
  );
}

export function PackList({ state, run }: { state: SettingsState; run: Run }) {
  return (
    <section aria-labelledby="packs-title">
      <h2 id="packs-title">Packs installés</h2>
      <ul class="packs">
        {state.packs.map((entry) => (
          <PackItem key={entry.pack.id} pack={entry.pack} origin={entry.origin} enabled={entry.enabled} entry={entry} run={run} />
        ))}
        {state.builtin && <PackItem pack={{ ...state.builtin, id: BUILTIN_PACK_ID }} origin="builtin" enabled={state.builtinOn} run={run} />}
      </ul>
    </section>
  );
}
