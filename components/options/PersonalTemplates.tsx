/**
 * « Mes modèles »: the user's own templates. Write one from scratch, start
 * from any installed template (found with the palette's search) and adapt it,
 * or finish one the palette saved from a draft e-mail; edit, duplicate or
 * delete them. Then their sync with the user's other computers, and the
 * backup (export, import from a pack or a CSV). The background writes them.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { assembleLibrary, searchDocs } from '../../lib/packs/library';
import { draftFrom } from '../../lib/personal/draft';
import { emptyDraft, type Draft } from '../../lib/personal/draft-model';
import { editorDraft } from '../../lib/personal/local';
import { createSearchIndex } from '../../lib/search/prepare';
import type { Template } from '../../lib/templates/types';
import { sendPersonal } from '../personal/api';
import { Backup } from '../personal/Backup';
import { SyncPanel } from '../personal/SyncPanel';
import type { Run, SettingsState } from './Settings';
import { TemplateEditor } from './TemplateEditor';

const STARTERS_SHOWN = 6;

export function PersonalTemplates({ state, run }: { state: SettingsState; run: Run }) {
  const [editing, setEditing] = useState<Draft | null>(null);
  const [query, setQuery] = useState('');
  const mine = state.personal.templates;
  // A draft the palette handed over (« Continuer dans l’éditeur complet »): open it once.
  useEffect(() => {
    void editorDraft.getValue().then(async (draft) => {
      if (!draft) return;
      await editorDraft.setValue(null);
      setEditing(draft);
      document.getElementById('mine-title')?.scrollIntoView();
    });
  }, [state]);
  const everything = useMemo(() => assembleLibrary(state.builtin, true, state.packs).templates, [state.builtin, state.packs]);
  const index = useMemo(() => createSearchIndex(searchDocs(everything)), [everything]);
  const starters = useMemo(() => {
    if (!query.trim()) return [];
    const byUid = new Map(everything.map((t) => [t.uid, t]));
    return index
      .search(query, STARTERS_SHOWN)
      .map((hit) => byUid.get(hit.id))
      .filter((t) => t !== undefined);
  }, [query, index, everything]);
  const catalogue = state.catalogue.catalogue;
  const open = (t: Template, keepId: boolean) => {
    const draft = draftFrom(t, catalogue, keepId);
    setEditing(keepId ? draft : { ...draft, title: `${draft.title} (copie)` });
  };

  if (editing) {
    return (
      <section aria-labelledby="mine-title">
        <h2 id="mine-title">{editing.id ? 'Modifier le modèle' : 'Nouveau modèle'}</h2>
        <TemplateEditor
          initial={editing}
          ctx={state.catalogue}
          takenIds={mine.map((t) => t.id)}
          onCancel={() => setEditing(null)}
          onSave={(template) =>
            void run(async () => {
              await sendPersonal({ type: 'personal-save-template', template });
              setEditing(null);
              return `Modèle « ${template.title} » enregistré dans Mes modèles.`;
            })
          }
        />
      </section>
    );
  }

  return (
    <section aria-labelledby="mine-title">
      <h2 id="mine-title">Mes modèles</h2>
      {mine.length === 0 ? (
        <p class="hint">Vous n’avez pas encore de modèle à vous. Écrivez-en un, ou partez d’un modèle existant pour l’adapter.</p>
      ) : (
        <ul class="mine">
          {mine.map((t) => (
            <li key={t.id} data-template={t.id}>
              <span class="mine-title">{t.title}</span>
              <span class="mine-actions">
                <button type="button" aria-label={`Modifier « ${t.title} »`} onClick={() => open(t, true)}>
                  Modifier
                </button>
                <button type="button" aria-label={`Dupliquer « ${t.title} »`} onClick={() => open(t, false)}>
                  Dupliquer
                </button>
                <button
                  type="button"
                  class="danger"
                  aria-label={`Supprimer « ${t.title} »`}
                  onClick={() => {
                    if (!window.confirm(`Supprimer le modèle « ${t.title} » ? Il sera aussi supprimé de vos autres ordinateurs synchronisés.`)) return;
                    void run(async () => {
                      await sendPersonal({ type: 'personal-delete', id: t.id });
                      return `Modèle « ${t.title} » supprimé.`;
                    });
                  }}
                >
                  Supprimer
                </button>
              </span>
            </li>
          ))}
        </ul>
      )}
      <div class="row">
        <button type="button" class="primary" onClick={() => setEditing(emptyDraft())}>
          Nouveau modèle
        </button>
      </div>
      <div class="row">
        <label htmlFor="starter-search">Partir d’un modèle existant</label>
        <input id="starter-search" type="search" value={query} placeholder="relance facture, colis abîmé…" onInput={(e) => setQuery((e.target as HTMLInputElement).value)} />
        {starters.length > 0 && (
          <ul class="starters" aria-label="Modèles à adapter">
            {starters.map((t) => (
              <li key={t.uid}>
                <span>{t.title}</span> <span class="pack-badge">{t.packName}</span>
                <button type="button" aria-label={`Adapter « ${t.title} »`} onClick={() => open(t, false)}>
                  Adapter
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
      <SyncPanel state={state} run={run} />
      <Backup state={state} run={run} />
    </section>
  );
}
