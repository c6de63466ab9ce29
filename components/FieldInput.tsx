/**
 * One labelled form control per template field. Dates, amounts and numbers are
 * typed as text the French way (« 23/11/2026 », « 1 250,50 ») and the control
 * shows how the value will be written in the letter.
 */
import { useRef } from 'preact/hooks';
import { formatShortDate } from '../lib/render/format';
import { formatValue } from '../lib/render/render';
import { parseDate } from '../lib/render/parse';
import type { FieldDef } from '../lib/templates/types';

export interface FieldInputProps {
  field: FieldDef;
  value: string;
  error?: string;
  now: Date;
  onChange(value: string): void;
}

const INPUT_MODE: Partial<Record<FieldDef['type'], string>> = { amount: 'decimal', number: 'decimal', email: 'email' };
const PLACEHOLDER: Partial<Record<FieldDef['type'], string>> = { date: 'jj/mm/aaaa', amount: '0,00', email: 'nom@exemple.fr' };

export function FieldInput({ field, value, error, now, onChange }: FieldInputProps) {
  const id = `field-${field.name}`;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const picker = useRef<HTMLInputElement>(null);
  const echo = ['date', 'amount', 'number'].includes(field.type) && !error ? formatValue(field, value, now) : '';
  const describedBy = [field.hint || echo ? hintId : '', error ? errorId : ''].filter(Boolean).join(' ') || undefined;
  const common = {
    id,
    name: field.name,
    'aria-invalid': error ? ('true' as const) : undefined,
    'aria-describedby': describedBy,
    'aria-required': field.required ? ('true' as const) : undefined,
  };
  const onInput = (e: Event) => onChange((e.target as HTMLInputElement).value);
  const openPicker = () => {
    const input = picker.current;
    if (!input) return;
    // The native date input is not a Preact-controlled field: it only carries the value into the picker.
    // oxlint-disable-next-line react/immutability
    input.value = parseDate(value, now) ?? '';
    try {
      input.showPicker();
    } catch {
      // No picker in this browser: typing the date is always possible.
    }
  };

  if (field.type === 'boolean') {
    return (
      <div class="field checkbox">
        <input {...common} type="checkbox" checked={value === 'true'} onChange={(e) => onChange((e.target as HTMLInputElement).checked ? 'true' : 'false')} />
        <label for={id}>{field.label}</label>
        {field.hint && <p id={hintId} class="hint">{field.hint}</p>}
      </div>
    );
  }

  let control;
  if (field.type === 'longtext') {
    control = <textarea {...common} rows={3} value={value} placeholder={field.placeholder} onInput={onInput} />;
  } else if (field.type === 'choice') {
    control = (
      <select {...common} value={value} onChange={onInput}>
        {field.options!.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    );
  } else {
    const text = {
      ...common,
      inputMode: INPUT_MODE[field.type] as 'decimal' | 'email' | undefined,
      autocomplete: 'off',
      value,
      placeholder: field.placeholder ?? PLACEHOLDER[field.type],
      onInput,
    };
    control = field.type === 'email' ? <input type="email" {...text} /> : <input type="text" {...text} />;
  }

  return (
    <div class={`field ${field.type}`}>
      <div class="label-row">
        <label for={id}>{field.label}</label>
        {field.required && (
          <span class="required" aria-hidden="true" title="obligatoire">
            *
          </span>
        )}
      </div>
      {/* Alt+↓ in a date field opens the calendar; the key event comes from the input inside. */}
      {/* oxlint-disable-next-line jsx-a11y/no-static-element-interactions */}
      <div
        class="control"
        onKeyDown={(e) => {
          if (field.type === 'date' && e.altKey && e.key === 'ArrowDown') {
            e.preventDefault();
            openPicker();
          }
        }}
      >
        {control}
        {field.type === 'date' && (
          <>
            <button
              type="button"
              class="calendar"
              // Keyboard users type the date (or press Alt+↓ in the field); the button is a mouse shortcut.
              tabIndex={-1}
              aria-label={`Choisir « ${field.label} » dans un calendrier`}
              onClick={openPicker}
            >
              <svg aria-hidden="true" viewBox="0 0 20 20" width="16" height="16">
                <path d="M3 5h14v12H3z M3 8h14 M7 3v4 M13 3v4" fill="none" stroke="currentColor" stroke-width="1.6" />
              </svg>
            </button>
            <input ref={picker} type="date" class="picker" tabIndex={-1} aria-hidden="true" onChange={(e) => {
              const iso = (e.target as HTMLInputElement).value;
              if (iso) onChange(formatShortDate(iso));
            }} />
          </>
        )}
      </div>
      {(field.hint || echo) && (
        <p id={hintId} class="hint">
          {echo && <span class="echo">Sera écrit : {echo}. </span>}
          {field.hint}
        </p>
      )}
      {error && (
        <p id={errorId} class="error">
          {error}
        </p>
      )}
    </div>
  );
}
