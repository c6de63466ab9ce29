/**
 * The fields a personal template introduces: the label the form shows and the type of value.
 * (A field that may stay empty needs a section around its sentence: that is for the syntax's friends, in the text.)
 */
import { TYPE_LABELS, WORD_TYPES } from '../../lib/personal/fields';
import type { Draft } from '../../lib/personal/draft-model';
import type { FieldSource } from '../../lib/templates/schema';
import type { FieldType } from '../../lib/templates/types';

export interface OwnFieldsProps {
  idPrefix: string;
  draft: Draft;
  /** Names of the fields the template introduces, in order of use. */
  names: string[];
  onChange(draft: Draft): void;
}

export function OwnFields({ idPrefix, draft, names, onChange }: OwnFieldsProps) {
  if (!names.length) return null;
  const fieldOf = (name: string): FieldSource => draft.fields[name] ?? { label: name.replace(/_/g, ' '), type: 'text' };
  const set = (name: string, patch: Partial<FieldSource>) => onChange({ ...draft, fields: { ...draft.fields, [name]: { ...fieldOf(name), ...patch } } });
  return (
    <fieldset class="own-fields">
      <legend>Champs de ce modèle</legend>
      {names.map((name) => {
        const f = fieldOf(name);
        const id = `${idPrefix}-own-${name}`;
        return (
          <div class="field-row" key={name}>
            <code aria-hidden="true">{`{{${name}}}`}</code>
            <label htmlFor={`${id}-label`}>
              Libellé<span class="sr-only"> du champ {name}</span>
            </label>
            <input id={`${id}-label`} value={f.label ?? ''} onInput={(e) => set(name, { label: (e.target as HTMLInputElement).value })} />
            <label htmlFor={`${id}-type`}>
              Type<span class="sr-only"> du champ {name}</span>
            </label>
            <select id={`${id}-type`} value={f.type ?? 'text'} disabled={f.type === 'choice'} onChange={(e) => set(name, { type: (e.target as HTMLSelectElement).value as FieldType })}>
              {[...WORD_TYPES.filter((t) => t !== 'choice' || f.type === 'choice'), ...(f.type === 'boolean' ? (['boolean'] as const) : [])].map((t) => (
                <option key={t} value={t}>
                  {TYPE_LABELS[t]}
                </option>
              ))}
            </select>
          </div>
        );
      })}
    </fieldset>
  );
}
