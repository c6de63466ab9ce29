/**
 * « Corriger » a dossier: the invoice, the amount, the dates, the client, and
 * the date of each letter sent. Values are typed the way the palette's forms
 * take them (« 23/11/2026 », « 1 250,50 »); anything that does not read is said
 * in French next to its field and nothing is saved.
 */
import { useState } from 'preact/hooks';
import { rankLabel } from '../../lib/dossiers/ladder';
import { amountInput, type ClientType, type Dossier } from '../../lib/dossiers/model';
import { updateDossier } from '../../lib/dossiers/store';
import { formatShortDate, type IsoDate } from '../../lib/render/format';
import { parseDate, parseDecimal } from '../../lib/render/parse';
import type { Run } from './Settings';

interface Props {
  dossier: Dossier;
  run: Run;
  onDone(): void;
}

type Draft = Record<string, string>;

const CIVILITES = [
  { value: '', label: '(non renseignée)' },
  { value: 'madame_monsieur', label: 'Madame, Monsieur' },
  { value: 'madame', label: 'Madame' },
  { value: 'monsieur', label: 'Monsieur' },
  { value: 'maitre', label: 'Maître' },
];

function draftOf(d: Dossier): Draft {
  const draft: Draft = {
    invoice: d.invoice,
    amount: d.amount === null ? '' : amountInput(d.amount),
    invoiceDate: d.invoiceDate ? formatShortDate(d.invoiceDate) : '',
    dueDate: d.dueDate ? formatShortDate(d.dueDate) : '',
    client: d.client,
    email: d.recipient.email,
    name: d.recipient.name,
    company: d.recipient.company,
    civilite: d.recipient.civilite,
    address: d.recipient.address,
  };
  d.steps.forEach((s, i) => (draft[`step${i}`] = formatShortDate(s.date)));
  return draft;
}

/** The corrected dossier, or the errors by field. */
function read(d: Dossier, draft: Draft, now: Date): { dossier: Dossier } | { errors: Draft } {
  const errors: Draft = {};
  const date = (key: string, required: boolean): IsoDate | null => {
    const v = draft[key]!.trim();
    if (!v) {
      if (required) errors[key] = 'Indiquez une date.';
      return null;
    }
    const iso = parseDate(v, now);
    if (!iso) errors[key] = 'Date non reconnue : écrivez par exemple 23/11/2026.';
    return iso;
  };
  if (!draft.invoice!.trim()) errors.invoice = 'Le numéro de facture est obligatoire : c’est lui qui relie les lettres entre elles.';
  const amount = draft.amount!.trim() ? parseDecimal(draft.amount!) : null;
  if (draft.amount!.trim() && (amount === null || amount < 0)) errors.amount = 'Montant non reconnu : écrivez par exemple 1 250,00.';
  const email = draft.email!.trim().toLowerCase();
  if (email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) errors.email = 'Adresse e-mail non valide : écrivez par exemple compta@client.fr.';
  const invoiceDate = date('invoiceDate', false);
  const dueDate = date('dueDate', false);
  const steps = d.steps.map((s, i) => ({ ...s, date: date(`step${i}`, true) ?? s.date }));
  if (Object.keys(errors).length) return { errors };
  return {
    dossier: {
      ...d,
      invoice: draft.invoice!.trim(),
      amount,
      invoiceDate,
      dueDate,
      client: draft.client as ClientType,
      recipient: { email, name: draft.name!.trim(), company: draft.company!.trim(), civilite: draft.civilite!, address: draft.address!.trim() },
      steps: steps.toSorted((a, b) => a.date.localeCompare(b.date)),
    },
  };
}

export function DossierEditor({ dossier: d, run, onDone }: Props) {
  const [draft, setDraft] = useState<Draft>(() => draftOf(d));
  const [errors, setErrors] = useState<Draft>({});
  const id = (k: string) => `edit-${d.id}-${k}`;
  const set = (k: string, v: string) => setDraft({ ...draft, [k]: v });

  const input = (k: string, label: string, type: 'text' | 'email' = 'text') => (
    <div class="row" key={k}>
      <label htmlFor={id(k)}>{label}</label>
      <input
        id={id(k)}
        type="text"
        inputMode={type === 'email' ? 'email' : 'text'}
        value={draft[k]}
        aria-invalid={errors[k] ? 'true' : undefined}
        aria-describedby={errors[k] ? `${id(k)}-error` : undefined}
        onInput={(e) => set(k, (e.target as HTMLInputElement).value)}
      />
      {errors[k] && (
        <p class="pack-error" id={`${id(k)}-error`}>
          {errors[k]}
        </p>
      )}
    </div>
  );

  const save = (e: Event) => {
    e.preventDefault();
    const result = read(d, draft, new Date());
    if ('errors' in result) {
      setErrors(result.errors);
      document.getElementById(id(Object.keys(result.errors)[0]!))?.focus();
      return;
    }
    void run(async () => {
      await updateDossier(d.id, () => result.dossier);
      onDone();
      return `Dossier de la facture ${result.dossier.invoice} corrigé.`;
    });
  };

  return (
    <form class="editor dossier-editor" aria-label={`Corriger le dossier ${d.invoice}`} onSubmit={save} noValidate>
      <div class="editor-grid">
        <div>
          {input('invoice', 'N° de facture')}
          {input('amount', 'Montant dû (€)')}
          {input('invoiceDate', 'Date de la facture')}
          {input('dueDate', 'Date d’échéance')}
          {d.steps.map((s, i) => input(`step${i}`, `Date : ${s.rank === null ? s.title : rankLabel(s.rank)}`))}
        </div>
        <div>
          <div class="row">
            <label htmlFor={id('client')}>Le client est</label>
            <select id={id('client')} value={draft.client} onChange={(e) => set('client', (e.target as HTMLSelectElement).value)}>
              <option value="pro">un professionnel</option>
              <option value="particulier">un particulier (consommateur)</option>
            </select>
          </div>
          {input('company', 'Société')}
          <div class="row">
            <label htmlFor={id('civilite')}>Formule d’appel</label>
            <select id={id('civilite')} value={draft.civilite} onChange={(e) => set('civilite', (e.target as HTMLSelectElement).value)}>
              {CIVILITES.map((c) => (
                <option key={c.value} value={c.value}>
                  {c.label}
                </option>
              ))}
            </select>
          </div>
          {input('name', 'Nom du destinataire')}
          {input('email', 'Adresse e-mail', 'email')}
          <div class="row">
            <label htmlFor={id('address')}>Adresse postale</label>
            <textarea id={id('address')} rows={3} value={draft.address} onInput={(e) => set('address', (e.target as HTMLTextAreaElement).value)} />
          </div>
        </div>
      </div>
      <div class="actions">
        <button type="button" onClick={onDone}>
          Annuler
        </button>
        <button type="submit" class="primary">
          Enregistrer la correction
        </button>
      </div>
    </form>
  );
}
