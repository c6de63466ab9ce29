/**
 * « Imprimer en lettre »: the postal details a printed letter needs, asked only
 * here — who and where the recipient is, the sender's address (remembered), the
 * town the letter is dated from, registered post and its number. Then the print
 * view opens in a new tab. Entrée moves to the next field, Ctrl+Entrée opens it.
 */
import { useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { ADDRESS } from '../../lib/print/layout';
import { checkPostal, placeFromAddress, type PostalDetails } from '../../lib/print/letter';

interface Props {
  title: string;
  /** A company's letter (its name heads the page); false for a private person's. */
  company: boolean;
  defaults: PostalDetails;
  busy: boolean;
  /** A confirmation after the view was opened, or null. */
  done: string | null;
  onBack(): void;
  onSubmit(postal: PostalDetails): void;
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

export function PrintForm({ title, company, defaults, busy, done, onBack, onSubmit }: Props) {
  const [postal, setPostal] = useState<PostalDetails>(defaults);
  const [placeTouched, setPlaceTouched] = useState(!!defaults.place && defaults.place !== placeFromAddress(defaults.senderAddress));
  const [showErrors, setShowErrors] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const { errors, notices } = useMemo(() => checkPostal(postal), [postal]);

  useLayoutEffect(() => {
    const first = (['recipientName', 'recipientAddress', 'senderName', 'senderAddress', 'place'] as const).find((k) => !postal[k].trim()) ?? 'recipientAddress';
    form.current?.querySelector<HTMLElement>(`#print-${first}`)?.focus();
    // Only when the form opens.
    // oxlint-disable-next-line react/exhaustive-deps
  }, []);

  const set = (name: keyof PostalDetails, value: string | boolean) => {
    const next = { ...postal, [name]: value };
    if (name === 'senderAddress' && !placeTouched) next.place = placeFromAddress(value as string) || postal.place;
    if (name === 'place') setPlaceTouched(true);
    setPostal(next);
  };

  const submit = () => {
    if (busy) return;
    const invalid = Object.keys(errors) as (keyof PostalDetails)[];
    if (invalid.length) {
      setShowErrors(true);
      form.current?.querySelector<HTMLElement>(`#print-${invalid[0]}`)?.focus();
      return;
    }
    onSubmit(postal);
  };

  const err = (k: keyof PostalDetails) => (showErrors ? errors[k] : undefined);

  return (
    // Entrée and Ctrl+Entrée are handled once, on the form.
    // oxlint-disable-next-line jsx-a11y/no-noninteractive-element-interactions
    <form
      ref={form}
      class="form print-form"
      noValidate
      aria-label={`Imprimer en lettre « ${title} »`}
      onKeyDown={(e) => {
        if (e.key !== 'Enter' || e.isComposing) return;
        const target = e.target as HTMLElement;
        if (e.ctrlKey || e.metaKey) {
          e.preventDefault();
          submit();
        } else if (target.tagName === 'INPUT' && (target as HTMLInputElement).type === 'text') {
          // Entrée in a one-line field goes to the next field, never opens the view by accident.
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
      <div class="form-head">
        <button type="button" class="link back" onClick={onBack}>
          ← Retour au formulaire
        </button>
        <h2 class="form-title">Imprimer en lettre</h2>
        <p class="form-meta">
          Lettre au format A4, adresse placée pour une enveloppe à fenêtre (DL 110 × 220 mm ou C5 162 × 229 mm). Ces adresses ne servent qu’à la lettre imprimée.
        </p>
      </div>
      <div class="fields print-fields">
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
          <Text id="senderAddress" label="Votre adresse postale" rows={3} value={postal.senderAddress} error={err('senderAddress')} onInput={(v) => set('senderAddress', v)} hint="Retenue pour vos prochaines lettres." />
          <Text id="place" label="Ville d’où vous écrivez" value={postal.place} error={err('place')} onInput={(v) => set('place', v)} hint="Pour « Lyon, le 23 novembre 2026 »." />
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
        {done && (
          <p class="note" role="status">
            {done}
          </p>
        )}
      </div>
      <div class="actions">
        <span class="keys" aria-hidden="true">
          <kbd>Ctrl</kbd>+<kbd>Entrée</kbd> ouvrir l’aperçu · <kbd>Échap</kbd> fermer
        </span>
        <button type="submit" class="primary" disabled={busy}>
          Ouvrir l’aperçu avant impression
        </button>
      </div>
    </form>
  );
}
