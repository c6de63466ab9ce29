/**
 * The form of one template: its fields grouped (Destinataire, Courrier,
 * Expéditeur), the subject choice, the attachments reminder and the live
 * preview. « Insérer » or Ctrl+Entrée inserts; Entrée in a one-line field
 * moves to the next one instead of inserting by accident.
 */
import { useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { activeFields, buildView, notices as crossNotices, oneLine, renderText, validate, withoutGreeting, type Values } from '../lib/render/render';
import { PAYMENT_TERMS } from '../lib/render/due-date';
import { formatShortDate } from '../lib/render/format';
import { parseDate } from '../lib/render/parse';
import type { FieldGroup, Template } from '../lib/templates/types';
import { FIELD_GROUPS } from '../lib/templates/types';
import { FieldInput } from './FieldInput';
import { GROUP_LABELS, audienceLabel } from './labels';
import { Preview } from './Preview';

/** The compose's subject as the form sees it: hidden (inline reply), empty, or already written. */
export type SubjectState = { kind: 'hidden' } | { kind: 'empty' } | { kind: 'filled'; current: string };

/** What the draft already holds where the letter will land. */
export interface Landing {
  /** The letter brings its sender block (false: the draft's mail signature takes its place). */
  senderBlock: boolean;
  /** The draft holds a mail signature. */
  signature: boolean;
  /** The greeting already typed just before the caret (« Bonjour Madame Martin, »), or null. */
  greeting: string | null;
}

export const FULL_LANDING: Landing = { senderBlock: true, signature: false, greeting: null };

export interface FieldFormProps {
  template: Template;
  initialValues: Values;
  subject: SubjectState;
  landing?: Landing;
  /** Lets the host adapt other values when one changes (the sender profile when « Vous écrivez » changes). */
  adjust?(name: string, next: Values): Values;
  now: Date;
  busy: boolean;
  onValuesChange(values: Values): void;
  onBack(): void;
  onInsert(values: Values, replaceSubject: boolean): void;
  /** « Imprimer en lettre », offered for letters (`channel: lettre`) when the host can print. */
  onPrint?(values: Values): void;
}

export function FieldForm({ template, initialValues, subject, landing = FULL_LANDING, adjust, now, busy, onValuesChange, onBack, onInsert, onPrint }: FieldFormProps) {
  const [values, setValues] = useState<Values>(initialValues);
  const [showErrors, setShowErrors] = useState(false);
  const [replaceSubject, setReplaceSubject] = useState(false);
  const form = useRef<HTMLFormElement>(null);

  const errors = useMemo(() => validate(template, values, now, { senderBlock: landing.senderBlock }), [template, values, now, landing]);
  const remarks = useMemo(() => crossNotices(template, values, now), [template, values, now]);
  const preview = useMemo(() => {
    const view = buildView(template, values, now, true, { senderBlock: landing.senderBlock });
    const body = renderText(template.body, view);
    return { subject: oneLine(renderText(template.subject, view)), body: landing.greeting ? withoutGreeting(body) : body };
  }, [template, values, now, landing]);
  const invoiceDate = parseDate(values.facture_date ?? '', now);
  const dueHelper = template.fields.some((f) => f.name === 'facture_date') && template.fields.some((f) => f.name === 'date_echeance');

  // A layout effect runs before the next key event: keys typed right after Entrée land in the field.
  useLayoutEffect(() => {
    // Start where typing is needed: the first empty required field, else the first field (of those shown:
    // a sender field hidden by the draft's signature has no control to focus).
    const fields = activeFields(template, values, { senderBlock: landing.senderBlock });
    const first = fields.find((f) => f.required && !values[f.name]?.trim() && f.type !== 'choice') ?? fields[0];
    if (first) form.current?.querySelector<HTMLElement>(`#field-${first.name}`)?.focus();
    // Only when a template is opened, not on every keystroke.
    // oxlint-disable-next-line react/exhaustive-deps
  }, [template]);

  const setValue = (name: string, value: string) => {
    const changed = { ...values, [name]: value };
    const next = adjust ? adjust(name, changed) : changed;
    setValues(next);
    onValuesChange(next);
  };

  /** Whether the values can go; else shows the errors and focuses the first field to correct. */
  const ready = () => {
    if (busy) return false;
    if (Object.keys(errors).length) {
      setShowErrors(true);
      const firstInvalid = template.fields.find((f) => errors[f.name]);
      if (firstInvalid) form.current?.querySelector<HTMLElement>(`#field-${firstInvalid.name}`)?.focus();
      return false;
    }
    return true;
  };

  const submit = () => {
    if (ready()) onInsert(values, subject.kind === 'empty' || (subject.kind === 'filled' && replaceSubject));
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'Enter' || e.isComposing) return;
    if (e.ctrlKey || e.metaKey) {
      e.preventDefault();
      submit();
      return;
    }
    const target = e.target as HTMLElement;
    if (target.tagName === 'INPUT' && (target as HTMLInputElement).type !== 'checkbox' && (target as HTMLInputElement).type !== 'radio') {
      e.preventDefault();
      const controls = [...form.current!.querySelectorAll<HTMLElement>('input:not([tabindex="-1"]), select, textarea, button[type="submit"]')];
      controls[controls.indexOf(target) + 1]?.focus();
    }
  };

  const shown = activeFields(template, values, { senderBlock: landing.senderBlock });
  const groups = FIELD_GROUPS.map((g) => [g, shown.filter((f) => f.group === g)] as [FieldGroup, typeof template.fields]).filter(([, fields]) => fields.length);
  const errorCount = Object.keys(errors).length;

  return (
    // Keyboard shortcuts of the whole form (Ctrl+Entrée, Entrée) are handled once, on the form.
    // oxlint-disable-next-line jsx-a11y/no-noninteractive-element-interactions
    <form
      ref={form}
      class="form"
      noValidate
      aria-label={`Champs du modèle « ${template.title} »`}
      onKeyDown={onKeyDown}
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <div class="form-head">
        <button type="button" class="link back" onClick={onBack}>
          ← Retour à la recherche
        </button>
        <h2 class="form-title">{template.name ?? template.title}</h2>
        {template.name && <p class="form-scenario">{template.title}</p>}
        <p class="form-meta">{audienceLabel(template.audience)}</p>
      </div>
      <div class="form-columns">
        <div class="fields">
          {groups.map(([group, fields]) => (
            <fieldset key={group}>
              <legend>{GROUP_LABELS[group]}</legend>
              {fields.map((field) => (
                <div key={field.name}>
                  <FieldInput field={field} value={values[field.name] ?? ''} error={showErrors ? errors[field.name] : undefined} now={now} onChange={(v) => setValue(field.name, v)} />
                  {field.name === 'date_echeance' && dueHelper && (
                    <p class="due-helper">
                      <span id="due-helper-label">Calculer depuis la date de facture :</span>{' '}
                      {PAYMENT_TERMS.map((term) => (
                        <button
                          key={term.id}
                          type="button"
                          class="chip"
                          aria-describedby="due-helper-label"
                          disabled={!invoiceDate}
                          title={invoiceDate ? undefined : 'Indiquez d’abord la date de la facture'}
                          onClick={() => invoiceDate && setValue('date_echeance', formatShortDate(term.due(invoiceDate)))}
                        >
                          {term.label}
                        </button>
                      ))}
                    </p>
                  )}
                  {remarks[field.name] && <p class="notice">{remarks[field.name]}</p>}
                </div>
              ))}
            </fieldset>
          ))}
          {subject.kind === 'filled' && (
            <fieldset class="subject-choice">
              <legend>Objet du message</legend>
              <label>
                <input type="radio" name="subject-mode" checked={!replaceSubject} onChange={() => setReplaceSubject(false)} /> Garder l’objet actuel : « {subject.current} »
              </label>
              <label>
                <input type="radio" name="subject-mode" checked={replaceSubject} onChange={() => setReplaceSubject(true)} /> Le remplacer par l’objet du modèle
              </label>
            </fieldset>
          )}
          {subject.kind === 'hidden' && <p class="note">Réponse dans une conversation : l’objet n’est pas modifié.</p>}
          {landing.greeting && <p class="note">Votre formule d’appel « {landing.greeting} » est gardée : la lettre commence juste après.</p>}
          {landing.signature && !landing.senderBlock && <p class="note">Votre signature de messagerie tient lieu de bloc expéditeur.</p>}
          {template.attachments.length > 0 && <p class="note">À joindre au message : {template.attachments.join(', ')}.</p>}
        </div>
        <Preview template={template} subject={subject.kind === 'hidden' || (subject.kind === 'filled' && !replaceSubject) ? null : preview.subject} body={preview.body} />
      </div>
      {showErrors && errorCount > 0 && (
        <p class="form-errors" role="alert">
          {errorCount === 1 ? 'Un champ est à corriger.' : `${errorCount} champs sont à corriger.`}
        </p>
      )}
      <div class="actions">
        <span class="keys" aria-hidden="true">
          <kbd>Ctrl</kbd>+<kbd>Entrée</kbd> insérer · <kbd>Échap</kbd> fermer
        </span>
        {onPrint && template.channel === 'lettre' && (
          <button type="button" class="secondary" disabled={busy} onClick={() => ready() && onPrint(values)}>
            Imprimer en lettre
          </button>
        )}
        <button type="submit" class="primary" disabled={busy}>
          Insérer
        </button>
      </div>
    </form>
  );
}
