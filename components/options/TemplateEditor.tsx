/**
 * Writing one of « Mes modèles »: title, search words, recipient type,
 * subject, body with {{champs}}, and the fields the body introduces. The live
 * preview and the linter's remarks are those of the built-in library; saving
 * compiles the template exactly as a template file.
 */
import { useMemo, useState } from 'preact/hooks';
import { AUDIENCE_FLAGS, SENDER_BLOCK_FLAG, COMPUTED } from '../../lib/render/computed';
import { buildView, renderText, oneLine } from '../../lib/render/render';
import { buildTemplate, namesIn, type CompileContext, type Problem } from '../../lib/templates/compile';
import { lintTemplate } from '../../lib/templates/lint';
import type { FieldSource, FrontMatter } from '../../lib/templates/schema';
import { FIELD_TYPES, type Audience, type FieldType, type Template } from '../../lib/templates/types';
import { Preview } from '../Preview';

export interface Draft {
  /** Set when editing an existing template of « Mes modèles ». */
  id?: string;
  title: string;
  keywords: string;
  audience: Audience;
  subject: string;
  body: string;
  /** The fields of this template that are not in the shared catalogue, or that change one. */
  fields: Record<string, FieldSource>;
}

const TYPE_LABELS: Record<FieldType, string> = {
  text: 'texte',
  longtext: 'texte long',
  date: 'date',
  amount: 'montant (€)',
  number: 'nombre',
  email: 'adresse e-mail',
  choice: 'liste de choix',
  boolean: 'case à cocher',
};

export function emptyDraft(): Draft {
  return {
    title: '',
    keywords: '',
    audience: 'tous',
    subject: '',
    body: '{{civilite}},\n\n\n\nBien cordialement,\n\n{{> expediteur}}',
    fields: {},
  };
}

/** A draft from any template (to adapt a built-in one, or edit one of ours). */
export function draftFrom(t: Template, catalogue: Record<string, FieldSource>, keepId: boolean): Draft {
  const fields: Record<string, FieldSource> = {};
  for (const { name, ...f } of t.fields) {
    const base = catalogue[name];
    if (!base) fields[name] = f;
    else if (base.label !== f.label) fields[name] = { label: f.label };
  }
  return { ...(keepId && { id: t.id }), title: t.title, keywords: t.keywords.join(', '), audience: t.audience, subject: t.subject, body: t.body, fields };
}

function slug(title: string): string {
  return (
    title
      .toLowerCase()
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .split('-')
      .slice(0, 8)
      .join('-') || 'modele'
  );
}

/** A catalogue field, a computed value, an audience flag, or an option of a catalogue choice (« mode_paiement_virement »). */
function isKnown(name: string, ctx: CompileContext): boolean {
  if (ctx.catalogue[name] || COMPUTED[name] || ([...AUDIENCE_FLAGS, SENDER_BLOCK_FLAG] as readonly string[]).includes(name)) return true;
  return Object.entries(ctx.catalogue).some(
    ([field, f]) => f.type === 'choice' && name.startsWith(`${field}_`) && (f.options ?? []).some((o) => typeof o !== 'string' && `${field}_${o.value}` === name),
  );
}

export function compileDraft(draft: Draft, ctx: CompileContext, takenIds: string[]): { template?: Template; problems: Problem[] } {
  let id = draft.id ?? slug(draft.title);
  for (let n = 2; !draft.id && takenIds.includes(id); n++) id = `${slug(draft.title)}-${n}`;
  const meta: FrontMatter = {
    id,
    title: draft.title.trim(),
    aliases: [],
    keywords: draft.keywords.split(',').map((k) => k.trim()).filter(Boolean),
    tags: [],
    category: 'personnel',
    audience: draft.audience,
    sender: 'entreprise',
    channel: 'email',
    subject: draft.subject.trim(),
    attachments: [],
    fields: draft.fields,
  };
  if (meta.title.length < 10) return { problems: [{ file: id, line: 1, rule: 'title', severity: 'error', message: 'donnez un titre d’au moins 10 caractères qui décrit la situation' }] };
  if (!meta.subject) return { problems: [{ file: id, line: 1, rule: 'subject', severity: 'error', message: 'l’objet est vide' }] };
  return buildTemplate(`mes-modeles/${id}`, meta, draft.body.trim(), ctx);
}

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
  const custom = useMemo(() => namesIn(`${draft.subject}\n${draft.body}`).filter((n) => !isKnown(n, ctx)), [draft.subject, draft.body, ctx]);
  // A name the body introduces gets a text field until its author says otherwise.
  const fields = useMemo(() => {
    const all = { ...draft.fields };
    for (const name of custom) all[name] ??= { label: name.replace(/_/g, ' '), type: 'text' };
    return all;
  }, [draft.fields, custom]);
  const compiled = useMemo(() => compileDraft({ ...draft, fields }, ctx, takenIds), [draft, fields, ctx, takenIds]);
  const remarks = useMemo(() => (compiled.template ? lintTemplate(compiled.template) : []), [compiled]);
  const preview = useMemo(() => {
    if (!compiled.template) return null;
    const view = buildView(compiled.template, {}, new Date(), true);
    return { subject: oneLine(renderText(compiled.template.subject, view)), body: renderText(compiled.template.body, view) };
  }, [compiled]);
  const setField = (name: string, patch: Partial<FieldSource>) => set({ fields: { ...fields, [name]: { ...fields[name], ...patch } } });

  return (
    <form
      class="editor"
      aria-label="Éditeur de modèle"
      onSubmit={(e) => {
        e.preventDefault();
        if (compiled.template) onSave(compiled.template);
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
          <label htmlFor="ed-subject">Objet</label>
          <input id="ed-subject" value={draft.subject} onInput={(e) => set({ subject: (e.target as HTMLInputElement).value })} placeholder="Facture n° {{facture_numero}}" />
          <label htmlFor="ed-body">Corps du message</label>
          <textarea id="ed-body" rows={14} value={draft.body} onInput={(e) => set({ body: (e.target as HTMLTextAreaElement).value })} />
          <p class="hint">
            Écrivez <code>{'{{nom_du_champ}}'}</code> là où une valeur doit être saisie. Champs déjà définis : civilite, destinataire_nom, facture_numero, facture_date, date_echeance, montant, date_limite,
            expediteur_nom… ; <code>{'{{> expediteur}}'}</code> ajoute votre signature.
          </p>
          {custom.length > 0 && (
            <fieldset>
              <legend>Champs de ce modèle</legend>
              {custom.map((name) => (
                <div class="field-row" key={name}>
                  <code>{name}</code>
                  <label>
                    Libellé <input value={fields[name]!.label ?? ''} onInput={(e) => setField(name, { label: (e.target as HTMLInputElement).value })} />
                  </label>
                  <label>
                    Type{' '}
                    <select value={fields[name]!.type ?? 'text'} onChange={(e) => setField(name, { type: (e.target as HTMLSelectElement).value as FieldType })}>
                      {FIELD_TYPES.filter((t) => t !== 'choice').map((t) => (
                        <option key={t} value={t}>
                          {TYPE_LABELS[t]}
                        </option>
                      ))}
                    </select>
                  </label>
                  <label>
                    <input type="checkbox" checked={fields[name]!.required !== false} onChange={(e) => setField(name, { required: (e.target as HTMLInputElement).checked })} /> obligatoire
                  </label>
                </div>
              ))}
            </fieldset>
          )}
        </div>
        <div>
          {preview && compiled.template && <Preview template={compiled.template} subject={preview.subject} body={preview.body} />}
          {(compiled.problems.length > 0 || remarks.length > 0) && (
            <section class="remarks" aria-label="Remarques du correcteur">
              <h3>Remarques</h3>
              <ul>
                {[...compiled.problems, ...remarks].map((p) => (
                  <li key={`${p.rule}${p.message}`} class={p.severity}>
                    {p.severity === 'error' ? 'À corriger' : 'Conseil'} : {p.message}
                  </li>
                ))}
              </ul>
            </section>
          )}
        </div>
      </div>
      <div class="actions">
        <button type="button" onClick={onCancel}>
          Annuler
        </button>
        <button type="submit" class="primary" disabled={!compiled.template}>
          Enregistrer le modèle
        </button>
      </div>
    </form>
  );
}
