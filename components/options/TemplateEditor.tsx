/**
 * Writing one of « Mes modèles »: name, search words, recipient type, subject
 * and text (with « Insérer un champ » and « Transformer en champ »), and the
 * fields the text introduces. The live preview and the linter's remarks are
 * those of the built-in library; only what would break the letter blocks
 * saving, the rest is advice. Compiling lives in lib/personal/draft.ts.
 */
import { useMemo, useState } from 'preact/hooks';
import { checkDraft, customNames, type Draft } from '../../lib/personal/draft';
import type { CompileContext } from '../../lib/templates/compile';
import type { Audience, Template } from '../../lib/templates/types';
import { Preview } from '../Preview';
import { OwnFields } from '../personal/OwnFields';
import { Remarks } from '../personal/Remarks';
import { TextFields } from '../personal/TextFields';

interface Props {
  initial: Draft;
  ctx: CompileContext;
  takenIds: string[];
  onSave(template: Template): void;
  onCancel(): void;
}

export function TemplateEditor({ initial, ctx, takenIds, onSave, onCancel }: Props) {
  const [draft, setDraft] = useState<Draft>(initial);
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const own = useMemo(() => customNames(draft, ctx), [draft, ctx]);
  const checked = useMemo(() => checkDraft(draft, ctx, takenIds), [draft, ctx, takenIds]);

  return (
    <form
      class="editor"
      aria-label="Éditeur de modèle"
      onSubmit={(e) => {
        e.preventDefault();
        if (checked.template) onSave(checked.template);
      }}
    >
      <div class="editor-grid">
        <div>
          <label htmlFor="ed-title">Titre (la situation)</label>
          <input id="ed-title" value={draft.title} onInput={(e) => set({ title: (e.target as HTMLInputElement).value })} placeholder="Vous relancez un client pour une facture impayée" />
          <label htmlFor="ed-keywords">Mots-clés de recherche (séparés par des virgules)</label>
          <input id="ed-keywords" value={draft.keywords} onInput={(e) => set({ keywords: (e.target as HTMLInputElement).value })} placeholder="relance, facture impayée" />
          <label htmlFor="ed-audience">Destinataire</label>
          <select id="ed-audience" value={draft.audience} onChange={(e) => set({ audience: (e.target as HTMLSelectElement).value as Audience })}>
            <option value="tous">professionnels et particuliers</option>
            <option value="entreprise">professionnels</option>
            <option value="particulier">particuliers</option>
          </select>
          <TextFields idPrefix="ed" draft={draft} ctx={ctx} rows={14} onChange={setDraft} />
          <OwnFields idPrefix="ed" draft={draft} names={own} onChange={setDraft} />
        </div>
        <div>
          {checked.preview && checked.template && <Preview template={checked.template} subject={checked.preview.subject} body={checked.preview.body} />}
          <Remarks problems={checked.problems} remarks={checked.remarks} label="Remarques du correcteur" heading="Remarques" />
        </div>
      </div>
      <div class="actions">
        <button type="button" onClick={onCancel}>
          Annuler
        </button>
        <button type="submit" class="primary" disabled={!checked.template}>
          Enregistrer le modèle
        </button>
      </div>
    </form>
  );
}
