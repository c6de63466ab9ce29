/**
 * One dossier in « Relances en cours »: the invoice, the client, the letters
 * sent, the next sensible step and from when; « Payée » (with the payment's
 * date), « Corriger », « Supprimer ». Every confirmation is inline, by keyboard.
 */
import { useState } from 'preact/hooks';
import { nextStep, rankLabel, type LadderTemplate } from '../../lib/dossiers/ladder';
import { clientLabel, daysOverdue, type Dossier } from '../../lib/dossiers/model';
import { deleteDossier, expiresOn, markPaid, reopen, updateDossier, type DossierSettings } from '../../lib/dossiers/store';
import { formatAmount, formatDate, formatDays, formatShortDate, toIsoDate } from '../../lib/render/format';
import { parseDate } from '../../lib/render/parse';
import { DossierEditor } from './DossierEditor';
import type { Run } from './Settings';

interface Props {
  dossier: Dossier;
  templates: readonly LadderTemplate[];
  settings: DossierSettings;
  run: Run;
}

type Mode = 'view' | 'paid' | 'delete' | 'edit';

export function DossierCard({ dossier: d, templates, settings, run }: Props) {
  const [mode, setMode] = useState<Mode>('view');
  const [today] = useState(() => toIsoDate(new Date()));
  const [paidOn, setPaidOn] = useState(() => formatShortDate(today));
  const [paidError, setPaidError] = useState('');
  const next = d.status === 'ouvert' ? nextStep(d, templates) : null;
  const overdue = d.status === 'ouvert' ? daysOverdue(d, today) : null;
  const name = `${d.invoice} — ${clientLabel(d)}`;
  const idBase = `dossier-${d.id}`;

  const confirmPaid = () => {
    const date = parseDate(paidOn, new Date());
    if (!date) return setPaidError('Date non reconnue : écrivez par exemple 23/11/2026.');
    if (date > today) return setPaidError(`Cette date est à venir (${formatDate(date)}) : indiquez le jour où le paiement a été reçu.`);
    void run(async () => {
      await updateDossier(d.id, (x) => markPaid(x, date));
      return `Facture ${d.invoice} marquée payée le ${formatDate(date)} : la relance est close, et la lettre de remerciement vous sera proposée au prochain message à ce client.`;
    });
  };

  const facts = [
    d.amount === null ? 'montant inconnu' : formatAmount(d.amount),
    d.invoiceDate && `facture du ${formatDate(d.invoiceDate)}`,
    d.dueDate && `échue le ${formatDate(d.dueDate)}${overdue ? ` (${formatDays(overdue)} de retard)` : ''}`,
    d.client === 'pro' ? 'client professionnel' : 'client particulier',
    d.recipient.email,
  ].filter(Boolean);

  return (
    <li class="pack dossier" data-dossier={d.invoice} aria-labelledby={`${idBase}-title`}>
      <h3 id={`${idBase}-title`} class="pack-name">
        {name}
      </h3>
      <p class="pack-origin">{facts.join(' · ')}</p>
      {d.recipient.address && <p class="pack-origin">Adresse : {d.recipient.address.split('\n').join(', ')}</p>}
      <ol class="history" aria-label={`Lettres envoyées pour ${d.invoice}`}>
        {d.steps.map((s, i) => (
          <li key={i}>
            {formatDate(s.date)} — {s.rank === null ? s.title : `${rankLabel(s.rank)} : ${s.title}`}
            {s.deadline && ` (paiement demandé pour le ${formatDate(s.deadline)})`}
            {s.printed && ', imprimée'}
            {s.registered && `, en recommandé${s.registered.number ? ` n° ${s.registered.number}` : ''}`}
          </li>
        ))}
      </ol>
      {d.status === 'ouvert' && (
        <p class="next">
          {next ? (
            <>
              Prochaine étape : <strong>{next.label}</strong> {next.from <= today ? `dès maintenant (depuis le ${formatDate(next.from)})` : `à partir du ${formatDate(next.from)}`} —{' '}
              {next.template.title}
            </>
          ) : (
            'Plus de lettre à proposer : la procédure de recouvrement suit son cours.'
          )}
        </p>
      )}
      {d.status === 'paye' && (
        <p class="next">
          Payée le {d.paidOn ? formatDate(d.paidOn) : '?'}
          {d.thankedOn ? `, remerciements envoyés le ${formatDate(d.thankedOn)}` : ' : la lettre de remerciement sera proposée au prochain message à ce client'}. Supprimée automatiquement le{' '}
          {formatDate(expiresOn(d, settings) ?? today)}.
        </p>
      )}
      {mode === 'view' && (
        <div class="pack-actions">
          {d.status === 'ouvert' ? (
            <button type="button" onClick={() => setMode('paid')} aria-label={`Payée : ${d.invoice}`}>
              Payée
            </button>
          ) : (
            <button type="button" onClick={() => void run(async () => (await updateDossier(d.id, reopen), `Relance de la facture ${d.invoice} rouverte.`))}>
              Rouvrir
            </button>
          )}
          <button type="button" onClick={() => setMode('edit')} aria-label={`Corriger : ${d.invoice}`}>
            Corriger
          </button>
          <button type="button" class="danger" onClick={() => setMode('delete')} aria-label={`Supprimer : ${d.invoice}`}>
            Supprimer
          </button>
        </div>
      )}
      {mode === 'paid' && (
        <div class="confirm" role="group" aria-label={`Marquer la facture ${d.invoice} payée`}>
          <label htmlFor={`${idBase}-paid`}>Date du paiement</label>
          <input
            id={`${idBase}-paid`}
            type="text"
            value={paidOn}
            aria-invalid={paidError ? 'true' : undefined}
            aria-describedby={paidError ? `${idBase}-paid-error` : undefined}
            // The field the user asked for: focus it.
            // oxlint-disable-next-line jsx-a11y/no-autofocus
            autoFocus
            onInput={(e) => {
              setPaidOn((e.target as HTMLInputElement).value);
              setPaidError('');
            }}
            onKeyDown={(e) => e.key === 'Enter' && confirmPaid()}
          />
          <button type="button" class="primary" onClick={confirmPaid}>
            Confirmer : payée
          </button>
          <button type="button" onClick={() => setMode('view')}>
            Annuler
          </button>
          {paidError && (
            <p class="pack-error" id={`${idBase}-paid-error`}>
              {paidError}
            </p>
          )}
        </div>
      )}
      {mode === 'delete' && (
        <div class="confirm" role="group" aria-label={`Supprimer le dossier ${d.invoice}`}>
          <p>Supprimer ce dossier et l’historique de ses lettres ? Les messages déjà envoyés ne sont pas touchés.</p>
          {/* oxlint-disable-next-line jsx-a11y/no-autofocus */}
          <button type="button" class="danger" autoFocus onClick={() => void run(async () => (await deleteDossier(d.id), `Dossier de la facture ${d.invoice} supprimé.`))}>
            Supprimer définitivement
          </button>
          <button type="button" onClick={() => setMode('view')}>
            Annuler
          </button>
        </div>
      )}
      {mode === 'edit' && <DossierEditor dossier={d} run={run} onDone={() => setMode('view')} />}
    </li>
  );
}
