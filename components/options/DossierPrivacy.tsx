/**
 * The privacy side of « Relances en cours »: the one switch that turns tracking
 * off (and deletes everything kept), how long closed dossiers are kept, and
 * exactly what is kept, where.
 */
import { useState } from 'preact/hooks';
import { clearSetAside, RETENTION_CHOICES, saveSettings, setTracking, type StoredDossiers } from '../../lib/dossiers/store';
import type { Run } from './Settings';

const plural = (n: number, one: string, many: string) => `${n} ${n > 1 ? many : one}`;

export function DossierPrivacy({ data, run }: { data: StoredDossiers; run: Run }) {
  const [confirmOff, setConfirmOff] = useState(false);
  const { settings, dossiers, setAside } = data;
  const size = new Blob([JSON.stringify(dossiers)]).size;

  const turnOff = () =>
    void run(async () => {
      await setTracking(false);
      setConfirmOff(false);
      return `Suivi des relances désactivé : ${plural(dossiers.length, 'dossier supprimé', 'dossiers supprimés')}. Plus rien n’est retenu.`;
    });

  return (
    <div class="dossier-privacy">
      <div class="row">
        <label class="choice">
          <input
            type="checkbox"
            role="switch"
            aria-checked={settings.tracking && !confirmOff}
            checked={settings.tracking && !confirmOff}
            onChange={(e) => {
              if ((e.target as HTMLInputElement).checked) void run(async () => (await setTracking(true), 'Suivi des relances activé.'));
              else if (dossiers.length || setAside) setConfirmOff(true);
              else turnOff();
            }}
          />{' '}
          Suivre les relances de paiement (retenir les lettres envoyées et proposer la suivante)
        </label>
      </div>
      {confirmOff && (
        <div class="confirm" role="group" aria-label="Désactiver le suivi des relances">
          <p>
            Désactiver le suivi supprime {plural(dossiers.length, 'dossier', 'dossiers')} et leur historique, tout de suite et sans retour. Exportez-les d’abord en CSV si votre
            comptabilité en a besoin.
          </p>
          {/* oxlint-disable-next-line jsx-a11y/no-autofocus */}
          <button type="button" class="danger" autoFocus onClick={turnOff}>
            Désactiver et supprimer
          </button>{' '}
          <button type="button" onClick={() => setConfirmOff(false)}>
            Annuler
          </button>
        </div>
      )}
      {settings.tracking && (
        <div class="row">
          <label htmlFor="dossier-retention">Supprimer les dossiers clos (factures payées)</label>
          <select
            id="dossier-retention"
            value={settings.retentionMonths}
            onChange={(e) => {
              const months = Number((e.target as HTMLSelectElement).value);
              void run(async () => (await saveSettings({ ...settings, retentionMonths: months }), `Les dossiers clos seront supprimés ${months} mois après leur clôture.`));
            }}
          >
            {RETENTION_CHOICES.map((m) => (
              <option key={m} value={m}>
                {m} mois après leur clôture
              </option>
            ))}
          </select>
          <p class="hint">Les dossiers en cours ne sont jamais supprimés d’eux-mêmes : marquez-les « Payée » ou supprimez-les.</p>
        </div>
      )}
      <details class="kept">
        <summary>Ce qui est enregistré, et où</summary>
        <p>
          Dans ce navigateur seulement (stockage local de l’extension) : rien n’est synchronisé ni envoyé, à personne. Pour chaque facture relancée :
        </p>
        <ul>
          <li>le numéro de facture, le montant dû, les dates de la facture et d’échéance ;</li>
          <li>le client : adresse e-mail du champ « À », nom, société, formule d’appel, professionnel ou particulier, et l’adresse postale si vous avez imprimé une lettre ;</li>
          <li>pour chaque lettre envoyée : son titre, sa date, la date limite de paiement qu’elle donnait, si elle a été imprimée et son numéro de recommandé ;</li>
          <li>la date du paiement et celle de la lettre de remerciement.</li>
        </ul>
        <p>
          Jamais le texte des lettres ni celui de vos messages. Votre adresse postale et votre ville, pour l’en-tête des lettres imprimées, sont retenues avec vos autres
          coordonnées d’expéditeur. La lettre à imprimer n’est gardée qu’en mémoire, jusqu’à la fermeture du navigateur.
        </p>
        <p>
          Aujourd’hui : {plural(dossiers.filter((d) => d.status === 'ouvert').length, 'dossier en cours', 'dossiers en cours')},{' '}
          {plural(dossiers.filter((d) => d.status === 'paye').length, 'dossier clos', 'dossiers clos')} ({Math.max(1, Math.round(size / 1024))} Ko).
        </p>
      </details>
      {setAside > 0 && (
        <p class="pack-error">
          {plural(setAside, 'donnée illisible a été mise de côté', 'données illisibles ont été mises de côté')} (abîmées, ou écrites par une version plus récente de Modèles).
          Elles sont supprimées avec le délai ci-dessus.{' '}
          <button type="button" onClick={() => void run(async () => (await clearSetAside(), 'Données mises de côté supprimées.'))}>
            Les supprimer maintenant
          </button>
        </p>
      )}
    </div>
  );
}
