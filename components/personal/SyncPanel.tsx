/**
 * « Sur tous vos ordinateurs »: where « Mes modèles » stand with the browser's
 * sync — how many are synced, the room used, what stays on this computer and
 * why, what happened (edits kept as copies, damaged items) — and the switch.
 */
import type { SyncStatus } from '../../lib/personal/local';
import type { Run, SettingsState } from '../options/Settings';
import { sendPersonal } from './api';

const kb = (bytes: number) => `${Math.max(bytes ? 1 : 0, Math.round(bytes / 1024))} Ko`;

export function when(iso: string | undefined, now = new Date()): string {
  if (!iso) return 'jamais';
  const d = new Date(iso);
  const time = `${d.getHours()} h ${String(d.getMinutes()).padStart(2, '0')}`;
  const day = d.toDateString() === now.toDateString() ? 'aujourd’hui' : `le ${d.toLocaleDateString('fr-FR', { day: 'numeric', month: 'long', year: 'numeric' })}`;
  return `${day} à ${time}`;
}

const plural = (n: number, one: string, many: string) => `${n} ${n > 1 ? many : one}`;

/** The sentence that says where the sync stands. */
export function syncSentence(s: SyncStatus | null, count: number): { text: string; warn: boolean } {
  if (!s || s.state === 'never') return { text: 'Vos modèles n’ont pas encore été synchronisés : ce sera fait dans un instant.', warn: false };
  const used = Math.max(s.bytes ? 1 : 0, Math.round(s.bytes / 1024));
  const room = `${used} Ko ${used > 1 ? 'utilisés' : 'utilisé'} sur ${kb(s.quota)}`;
  switch (s.state) {
    case 'off':
      return { text: 'Synchronisation désactivée : vos modèles restent sur cet ordinateur.', warn: false };
    case 'ok':
      if (!count) return { text: `Vous n’avez pas encore de modèle à vous : ceux que vous enregistrerez seront copiés sur vos autres ordinateurs. Dernière vérification : ${when(s.okAt)}.`, warn: false };
      return { text: `${plural(s.synced, 'modèle synchronisé', 'modèles synchronisés')} sur ${count} (${room}). Dernière synchronisation : ${when(s.okAt)}.`, warn: false };
    case 'full':
      return {
        text: `L’espace de synchronisation du navigateur est plein (${room}) : ${plural(s.localOnly.length, 'modèle n’est enregistré', 'modèles ne sont enregistrés')} que sur cet ordinateur (${s.localOnly.map((t) => `« ${t} »`).join(', ')}). ${s.localOnly.length > 1 ? 'Ils restent utilisables ici' : 'Il reste utilisable ici'} ; supprimez ou raccourcissez d’autres modèles pour faire de la place.`,
        warn: true,
      };
    case 'busy':
      return { text: 'Le navigateur limite le nombre d’enregistrements par minute : la synchronisation reprendra d’elle-même dans quelques minutes. Vos modèles sont bien enregistrés sur cet ordinateur.', warn: true };
    case 'unavailable':
      return { text: 'La synchronisation du navigateur n’est pas disponible : vos modèles sont enregistrés sur cet ordinateur seulement.', warn: true };
    default:
      return { text: `La dernière synchronisation a échoué (${when(s.at)}) ; elle sera retentée d’ici un quart d’heure. Vos modèles sont bien enregistrés sur cet ordinateur.`, warn: true };
  }
}

export function SyncPanel({ state, run }: { state: SettingsState; run: Run }) {
  const { personal, sync } = state;
  const sentence = syncSentence(personal.syncEnabled ? sync : { ...(sync ?? { synced: 0, localOnly: [], bytes: 0, quota: 0, notes: [] }), state: 'off' }, personal.templates.length);
  return (
    <section aria-labelledby="sync-title">
      <h3 id="sync-title">Sur tous vos ordinateurs</h3>
      <p class={`sync-state${sentence.warn ? ' warn' : ''}`} data-sync-state={personal.syncEnabled ? (sync?.state ?? 'never') : 'off'}>
        {sentence.text}
      </p>
      <p class="hint">
        Modèles n’a ni compte ni serveur : vos modèles passent par la synchronisation de votre navigateur, sur les ordinateurs où vous êtes connecté au même compte (Chrome et Edge :
        synchronisation activée, extensions comprises ; Firefox : Firefox Sync, « Modules complémentaires » coché). Le reste — valeurs retenues, packs — reste sur cet ordinateur.
      </p>
      <div class="pack-actions">
        <label>
          <input
            type="checkbox"
            checked={personal.syncEnabled}
            onChange={(e) => {
              const on = (e.target as HTMLInputElement).checked;
              void run(async () => {
                await sendPersonal({ type: 'personal-settings', syncEnabled: on });
                if (on) await sendPersonal({ type: 'personal-sync' });
                return on ? 'Synchronisation de vos modèles activée.' : 'Synchronisation désactivée : vos modèles restent sur cet ordinateur ; ceux déjà copiés restent disponibles sur vos autres ordinateurs.';
              });
            }}
          />{' '}
          Synchroniser mes modèles avec mes autres ordinateurs
        </label>
        <button
          type="button"
          disabled={!personal.syncEnabled}
          onClick={() =>
            void run(async () => {
              const status = await sendPersonal<SyncStatus>({ type: 'personal-sync' });
              return syncSentence(status, personal.templates.length).text;
            })
          }
        >
          Synchroniser maintenant
        </button>
      </div>
      {sync && sync.notes.length > 0 && (
        <details class="sync-notes">
          <summary>Ce qui s’est passé ({sync.notes.length})</summary>
          <ul>
            {sync.notes.map((n) => (
              <li key={`${n.at}${n.text}`}>
                {when(n.at)} : {n.text}
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
