/**
 * The postal details of a printed letter, asked only here, next to the sheet
 * they change: who and where the recipient is, the sender (remembered), the
 * town the letter is dated from, registered post and its number. Its submit is
 * « Imprimer ou enregistrer en PDF ». Entrée in a one-line field goes to the
 * next one; Ctrl+Entrée prints.
 */
import { useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { ADDRESS } from '../../lib/print/layout';
import { checkPostal, placeFromAddress, type PostalDetails } from '../../lib/print/letter';

interface Props {
  postal: PostalDetails;
  /** A company's letter (its name heads the page); false for a private person's. */
  company: boolean;
  busy: boolean;
  onChange(postal: PostalDetails): void;
  /** Called with details that passed the checks. */
  onPrint(postal: PostalDetails): void;
}

interface TextProps {
  id: keyof PostalDetails;
  label: string;
  hint?: string;
  rows?: number;
  value: string;
  error?: string | undefined;
  notice?: string | undefined;
  onInput(value: string): void;
}

function Text({ id, label, hint, rows, value, error, notice, onInput }: TextProps) {
  const described = [hint && `print-${id}-hint`, error && `print-${id}-error`, notice && `print-${id}-notice`].filter(Boolean).join(' ') || undefined;
  const common = {
    id: `print-${id}`,
    value,
    'aria-invalid': error ? ('true' as const) : undefined,
    'aria-describedby': described,
    onInput: (e: Event) => onInput((e.target as HTMLInputElement | HTMLTextAreaElement).value),
  };
  return (
    <div class="field">
      <label htmlFor={`print-${id}`}>{label}</label>
      {rows ? <textarea rows={rows} {...common} /> : <input type="text" autocomplete="off" {...common} />}
      {hint && (
        <p class="hint" id={`print-${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p class="error" id={`print-${id}-error`}>
          {error}
        </p>
      )}
      {notice && (
        <p class="notice" id={`print-${id}-notice`}>
          {notice}
        </p>
      )}
    </div>
  );
}

const ORDER = ['recipientName', 'recipientAddress', 'senderName', 'senderAddress', 'place'] as const;

export function PostalForm({ postal, company, busy, onChange, onPrint }: Props) {
  const [placeTouched, setPlaceTouched] = useState(!!postal.place && postal.place !== placeFromAddress(postal.senderAddress));
  const [showErrors, setShowErrors] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const { errors, notices } = useMemo(() => checkPostal(postal), [postal]);

  useLayoutEffect(() => {
    const first = ORDER.find((k) => !postal[k].trim()) ?? 'recipientAddress';
    form.current?.querySelector<HTMLElement>(`#print-${first}`)?.focus();
    // Only when the page opens.
    // oxlint-disable-next-line react/exhaustive-deps
  }, []);

  const set = (name: keyof PostalDetails, value: string | boolean) => {
    const next = { ...postal, [name]: value };
    if (name === 'senderAddress' && !placeTouched) next.place = placeFromAddress(value as string) || postal.place;
    if (name === 'place') setPlaceTouched(true);
    onChange(next);
  };

  const submit = () => {
    if (busy) return;
    const invalid = ORDER.find((k) => errors[k]);
    if (invalid) {
      setShowErrors(true);
      form.current?.querySelector<HTMLElement>(`#print-${invalid}`)?.focus();
      return;
    }
    onPrint(postal);
  };

  const err = (k: keyof PostalDetails) => (showErrors ? errors[k] : undefined);

  return (
    // Entrée and Ctrl+Entrée are handled once, on the form.
    // oxlint-disable-next-line jsx-a11y/no-noninteractive-element-interactions
    <form
      ref={form}
      class="postal"
      noValidate
      aria-label="Adresses de la lettre"
      onKeyDown={(e) => {
        if (e.key !== 'Enter' || e.isComposing) return;
        const target = e.target as HTMLElement;
        if (e.ctrlKey || e.metaKey) {
          e.preventDefault();
          submit();
        } else if (target.tagName === 'INPUT' && (target as HTMLInputElement).type === 'text') {
          // Entrée in a one-line field goes to the next field, never prints by accident.
          e.preventDefault();
          const controls = [...form.current!.querySelectorAll<HTMLElement>('input, textarea, button[type="submit"]')];
          controls[controls.indexOf(target) + 1]?.focus();
        }
      }}
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <fieldset>
        <legend>Destinataire</legend>
        <Text id="recipientName" label="Destinataire (société, service ou personne)" rows={2} value={postal.recipientName} error={err('recipientName')} onInput={(v) => set('recipientName', v)} hint="Une ligne par élément : « Durand SARL », puis « À l’attention de M. Dupont »." />
        <Text
          id="recipientAddress"
          label="Adresse postale du destinataire"
          rows={3}
          value={postal.recipientAddress}
          error={err('recipientAddress')}
          notice={notices.recipientAddress}
          onInput={(v) => set('recipientAddress', v)}
          hint={`La rue, puis le code postal et la ville ; ${ADDRESS.maxLines} lignes au plus avec le destinataire. La dernière ligne est imprimée en capitales, comme le veut La Poste.`}
        />
      </fieldset>
      <fieldset>
        <legend>Expéditeur</legend>
        <Text id="senderName" label="Votre nom" value={postal.senderName} error={err('senderName')} onInput={(v) => set('senderName', v)} hint="Il signe la lettre." />
        {company && <Text id="senderCompany" label="Votre société" value={postal.senderCompany} onInput={(v) => set('senderCompany', v)} hint="En tête de la lettre, au-dessus de votre adresse." />}
        <Text id="senderAddress" label="Votre adresse postale" rows={3} value={postal.senderAddress} error={err('senderAddress')} onInput={(v) => set('senderAddress', v)} />
        <Text id="place" label="Ville d’où vous écrivez" value={postal.place} error={err('place')} onInput={(v) => set('place', v)} hint="Pour « Lyon, le 23 novembre 2026 »." />
        <p class="hint">Votre nom, votre société, votre adresse et votre ville sont retenus pour vos prochaines lettres.</p>
      </fieldset>
      <fieldset>
        <legend>Envoi</legend>
        <label class="check">
          <input type="checkbox" checked={postal.registered} onChange={(e) => set('registered', (e.target as HTMLInputElement).checked)} /> Lettre recommandée avec accusé de réception
        </label>
        {postal.registered && (
          <Text id="registeredNumber" label="N° du recommandé (facultatif)" value={postal.registeredNumber} onInput={(v) => set('registeredNumber', v)} hint="Le numéro de l’étiquette de La Poste, s’il est déjà connu : « 1A 123 456 7890 1 »." />
        )}
      </fieldset>
      <button type="submit" class="primary" disabled={busy}>
        Imprimer ou enregistrer en PDF
      </button>
    </form>
  );
}
