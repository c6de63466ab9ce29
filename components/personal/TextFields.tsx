/**
 * The subject and the text of a personal template, with the two tools that
 * spare people the `{{…}}` syntax: « Insérer un champ » (the shared fields by
 * their French labels) and « Transformer en champ » (a selected word becomes a
 * field, every occurrence if wanted). The syntax stays visible and editable.
 * Used by the settings page's editor and by the palette's short form.
 */
import { useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Draft } from '../../lib/personal/draft-model';
import { fieldMenu, occurrences, suggestField, turnIntoField, TYPE_LABELS, WORD_TYPES, type WordType } from '../../lib/personal/fields';
import type { CompileContext } from '../../lib/templates/compile';

type Part = 'subject' | 'body';

interface Selected {
  part: Part;
  start: number;
  end: number;
  word: string;
}

export interface TextFieldsProps {
  /** Prefix of element ids, unique in the page. */
  idPrefix: string;
  draft: Draft;
  ctx: CompileContext;
  onChange(draft: Draft): void;
  rows?: number;
}

const NEW_FIELD = '';

export function TextFields({ idPrefix, draft, ctx, onChange, rows = 10 }: TextFieldsProps) {
  const subject = useRef<HTMLInputElement>(null);
  const body = useRef<HTMLTextAreaElement>(null);
  const [lastPart, setLastPart] = useState<Part>('body');
  const [menuOpen, setMenuOpen] = useState(false);
  const [selected, setSelected] = useState<Selected | null>(null);
  const [message, setMessage] = useState('');
  const menu = useMemo(() => fieldMenu(ctx), [ctx]);
  const element = (part: Part) => (part === 'subject' ? subject.current : body.current);
  const id = (name: string) => `${idPrefix}-${name}`;

  const insert = (text: string) => {
    const part = lastPart;
    const el = element(part);
    const value = draft[part];
    const start = el?.selectionStart ?? value.length;
    const end = el?.selectionEnd ?? start;
    onChange({ ...draft, [part]: value.slice(0, start) + text + value.slice(end) });
    setMenuOpen(false);
    setMessage(`Champ inséré : ${text}`);
    requestAnimationFrame(() => {
      const target = element(part);
      target?.focus();
      target?.setSelectionRange(start + text.length, start + text.length);
    });
  };

  const startTurning = () => {
    const part = lastPart;
    const el = element(part);
    const start = el?.selectionStart ?? 0;
    const end = el?.selectionEnd ?? 0;
    const word = draft[part].slice(start, end);
    if (!word.trim()) {
      setMessage('Sélectionnez d’abord, dans l’objet ou le texte, le mot ou le passage à transformer en champ (par exemple un nom, un numéro de facture, un montant).');
      return;
    }
    setMenuOpen(false);
    setMessage('');
    setSelected({ part, start, end, word });
  };

  return (
    <div class="text-fields">
      <label htmlFor={id('subject')}>Objet</label>
      <input
        ref={subject}
        id={id('subject')}
        value={draft.subject}
        onFocus={() => setLastPart('subject')}
        onInput={(e) => onChange({ ...draft, subject: (e.target as HTMLInputElement).value })}
      />
      <div class="field-tools" role="group" aria-label="Champs">
        <button type="button" aria-expanded={menuOpen} aria-controls={id('menu')} onMouseDown={(e) => e.preventDefault()} onClick={() => setMenuOpen(!menuOpen)}>
          Insérer un champ ▾
        </button>
        <button type="button" onMouseDown={(e) => e.preventDefault()} onClick={startTurning}>
          Transformer en champ
        </button>
      </div>
      {menuOpen && (
        // Échap closes the menu, not the dialog around it.
        // oxlint-disable-next-line jsx-a11y/no-static-element-interactions
        <div
          id={id('menu')}
          class="field-menu"
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.preventDefault();
              e.stopPropagation();
              setMenuOpen(false);
              element(lastPart)?.focus();
            }
          }}
        >
          {menu.map((group) => (
            <section key={group.label} aria-label={group.label}>
              <h4>{group.label}</h4>
              <ul>
                {group.fields.map((f) => (
                  <li key={f.insert}>
                    <button type="button" onMouseDown={(e) => e.preventDefault()} onClick={() => insert(f.insert)}>
                      {f.label}
                    </button>
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </div>
      )}
      {selected && (
        <TurnIntoField
          idPrefix={idPrefix}
          selected={selected}
          draft={draft}
          ctx={ctx}
          onDone={(next, text) => {
            setSelected(null);
            if (next) onChange(next);
            setMessage(text);
            requestAnimationFrame(() => element(selected.part)?.focus());
          }}
        />
      )}
      <p class="field-message" aria-live="polite">
        {message}
      </p>
      <label htmlFor={id('body')}>Corps du message</label>
      <textarea
        ref={body}
        id={id('body')}
        rows={rows}
        value={draft.body}
        aria-describedby={id('body-hint')}
        onFocus={() => setLastPart('body')}
        onInput={(e) => onChange({ ...draft, body: (e.target as HTMLTextAreaElement).value })}
      />
      <p class="hint" id={id('body-hint')}>
        Sélectionnez un mot propre à ce message (un nom, un numéro, un montant, une date) puis « Transformer en champ » : il sera demandé à chaque utilisation. Les champs
        s’écrivent <code>{'{{nom_du_champ}}'}</code>.
      </p>
    </div>
  );
}

interface TurnProps {
  idPrefix: string;
  selected: Selected;
  draft: Draft;
  ctx: CompileContext;
  onDone(draft: Draft | null, message: string): void;
}

/** The little form that turns the selected word into a field: what it is, its label and type, every occurrence or this one. */
function TurnIntoField({ idPrefix, selected, draft, ctx, onDone }: TurnProps) {
  const guess = useMemo(() => suggestField(selected.word), [selected.word]);
  const shared = useMemo(() => fieldMenu(ctx).flatMap((g) => g.fields).filter((f) => /^\{\{\w+\}\}$/.test(f.insert) && ctx.catalogue[f.insert.slice(2, -2)]), [ctx]);
  const [target, setTarget] = useState(guess.shared && ctx.catalogue[guess.shared] ? guess.shared : NEW_FIELD);
  const [label, setLabel] = useState(guess.label);
  const [type, setType] = useState<WordType>(guess.type);
  const [options, setOptions] = useState('');
  const word = selected.word.trim();
  const count = occurrences(draft.subject, word).length + occurrences(draft.body, word).length;
  const [everywhere, setEverywhere] = useState(true);
  const [error, setError] = useState('');
  const id = (name: string) => `${idPrefix}-turn-${name}`;
  const first = useRef<HTMLSelectElement>(null);
  useLayoutEffect(() => first.current?.focus(), []);

  const apply = () => {
    try {
      const { draft: next, name } = turnIntoField(draft, ctx, {
        word: selected.word,
        part: selected.part,
        start: selected.start,
        end: selected.end,
        everywhere,
        ...(target ? { shared: target } : { label, type, options: options.split('\n') }),
      });
      const fieldLabel = target ? (ctx.catalogue[target]?.label ?? name) : label.trim();
      onDone(next, `« ${word} » est devenu le champ « ${fieldLabel} »${everywhere && count > 1 ? ` (${count} fois)` : ''}.`);
    } catch (e) {
      setError((e as Error).message);
    }
  };

  return (
    // Échap and Entrée apply to the whole little form.
    // oxlint-disable-next-line jsx-a11y/no-noninteractive-element-interactions
    <fieldset
      class="turn"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          e.stopPropagation();
          onDone(null, '');
        } else if (e.key === 'Enter' && (e.target as HTMLElement).tagName !== 'TEXTAREA' && (e.target as HTMLElement).tagName !== 'BUTTON') {
          e.preventDefault();
          e.stopPropagation();
          apply();
        }
      }}
    >
      <legend>Transformer « {word.length > 40 ? `${word.slice(0, 40)}…` : word} » en champ</legend>
      <label htmlFor={id('target')}>Ce texte est</label>
      <select id={id('target')} ref={first} value={target} onChange={(e) => setTarget((e.target as HTMLSelectElement).value)}>
        <option value={NEW_FIELD}>un nouveau champ, propre à ce modèle</option>
        {shared.map((f) => (
          <option key={f.insert} value={f.insert.slice(2, -2)}>
            {f.label}
          </option>
        ))}
      </select>
      {!target && (
        <div class="turn-new">
          <label htmlFor={id('label')}>Libellé du champ (ce que le formulaire demandera)</label>
          <input id={id('label')} value={label} placeholder="Nom du client, n° de commande…" onInput={(e) => setLabel((e.target as HTMLInputElement).value)} />
          <label htmlFor={id('type')}>Type</label>
          <select id={id('type')} value={type} onChange={(e) => setType((e.target as HTMLSelectElement).value as WordType)}>
            {WORD_TYPES.map((t) => (
              <option key={t} value={t}>
                {TYPE_LABELS[t]}
              </option>
            ))}
          </select>
          {type === 'choice' && (
            <>
              <label htmlFor={id('options')}>Les autres choix possibles, un par ligne (« {word} » en fait partie)</label>
              <textarea id={id('options')} rows={3} value={options} onInput={(e) => setOptions((e.target as HTMLTextAreaElement).value)} />
            </>
          )}
        </div>
      )}
      {count > 1 && (
        <label class="turn-all">
          <input type="checkbox" checked={everywhere} onChange={(e) => setEverywhere((e.target as HTMLInputElement).checked)} /> Remplacer aussi les {count - 1} autre
          {count > 2 ? 's' : ''} occurrence{count > 2 ? 's' : ''} de « {word.length > 40 ? `${word.slice(0, 40)}…` : word} »
        </label>
      )}
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <div class="turn-actions">
        <button type="button" onClick={() => onDone(null, '')}>
          Annuler
        </button>
        <button type="button" class="primary" onClick={apply}>
          Transformer en champ
        </button>
      </div>
    </fieldset>
  );
}
