/**
 * « Enregistrer ce brouillon comme modèle », in the palette: a short form
 * filled from the compose — a name (the subject), search words, the subject,
 * the text without signature and quoted message — with « Transformer en
 * champ » and « Insérer un champ ». The background compiles and checks it
 * (same compiler and linter as any template) and saves it in « Mes modèles »;
 * « Continuer dans l’éditeur complet » hands it to the settings page.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Draft } from '../../lib/personal/draft-model';
import { MIN_TITLE } from '../../lib/personal/draft-model';
import type { CheckReply, SaveReply } from '../../lib/personal/messages';
import type { CompileContext } from '../../lib/templates/compile';
import type { Template } from '../../lib/templates/types';
import { Preview } from '../Preview';
import { OwnFields } from './OwnFields';
import { Remarks } from './Remarks';
import { TextFields } from './TextFields';

export interface SaveDraftApi {
  catalogue(): Promise<CompileContext>;
  check(draft: Draft): Promise<CheckReply>;
  save(draft: Draft): Promise<SaveReply>;
  openEditor(draft: Draft): Promise<unknown>;
}

export interface SaveDraftFormProps {
  initial: Draft;
  /** The text is the selection, not the whole draft. */
  fromSelection: boolean;
  /** The draft had images or tables, which a template does not keep. */
  lostFormatting: boolean;
  /** The form is the one the user left in this compose (the palette was closed). */
  resumed?: boolean;
  api: SaveDraftApi;
  /** Every change, so that closing the palette loses nothing; null once saved. */
  onDraftChange?(draft: Draft | null): void;
  /** Start again from the compose as it is now. */
  onRestart?(): void;
  onBack(): void;
  onClose(): void;
}

const CHECK_DELAY_MS = 200;

const SYNC_SENTENCES: Record<string, string> = {
  synced: 'Il est aussi copié sur vos autres ordinateurs connectés au même compte de navigateur.',
  'local-only': 'L’espace de synchronisation du navigateur est plein : ce modèle reste sur cet ordinateur. Les réglages de Modèles disent comment faire de la place.',
  off: 'La synchronisation de vos modèles est désactivée : il reste sur cet ordinateur.',
  later: 'Il sera copié sur vos autres ordinateurs dès que la synchronisation du navigateur le permettra.',
};

export function SaveDraftForm({ initial, fromSelection, lostFormatting, resumed, api, onDraftChange, onRestart, onBack, onClose }: SaveDraftFormProps) {
  const [draft, setDraft] = useState(initial);
  const [ctx, setCtx] = useState<CompileContext | null>(null);
  const [check, setCheck] = useState<CheckReply | null>(null);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<{ title: string; sync?: string } | null>(null);
  const [failure, setFailure] = useState('');
  const [tried, setTried] = useState(false);
  const title = useRef<HTMLInputElement>(null);
  const closeButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    api.catalogue().then(setCtx, () => setFailure('Les champs partagés n’ont pas pu être chargés. Rechargez la page de votre messagerie, puis réessayez.'));
  }, [api]);
  useEffect(() => {
    const timer = setTimeout(() => void api.check(draft).then(setCheck, () => undefined), CHECK_DELAY_MS);
    if (draft !== initial) onDraftChange?.(draft);
    return () => clearTimeout(timer);
    // onDraftChange and initial do not change for a mounted form.
    // oxlint-disable-next-line react/exhaustive-deps
  }, [draft, api]);
  useLayoutEffect(() => {
    if (saved) closeButton.current?.focus();
    else title.current?.focus();
  }, [saved]);

  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const save = async () => {
    if (busy) return;
    setTried(true);
    if (draft.title.trim().length < MIN_TITLE) {
      title.current?.focus();
      return;
    }
    setBusy(true);
    setFailure('');
    try {
      const reply = await api.save(draft);
      if (reply.ok) {
        onDraftChange?.(null);
        setSaved({ title: reply.title, ...(reply.sync && { sync: reply.sync }) });
      }
      else setCheck((c) => ({ ...(c ?? { remarks: [], fields: [], computed: [], own: [] }), problems: reply.problems }));
    } catch {
      setFailure('Le modèle n’a pas pu être enregistré. Votre texte est toujours là : réessayez, ou rechargez la page de votre messagerie.');
    } finally {
      setBusy(false);
    }
  };

  if (saved) {
    return (
      <div class="form saved" role="status">
        <div class="form-head">
          <h2 class="form-title">Modèle enregistré</h2>
        </div>
        <div class="form-columns">
          <p>« {saved.title} » est dans Mes modèles. Retrouvez-le en tapant son nom dans Modèles.</p>
          <p>{SYNC_SENTENCES[saved.sync ?? 'later']}</p>
        </div>
        <div class="actions">
          <button type="button" class="link" onClick={onBack}>
            Retour aux modèles
          </button>
          <button type="button" class="primary" ref={closeButton} onClick={onClose}>
            Fermer
          </button>
        </div>
      </div>
    );
  }

  const titleError = tried && draft.title.trim().length < MIN_TITLE ? `Donnez un nom d’au moins ${MIN_TITLE} caractères, qui dit la situation (« Relance d’un client après devis »).` : '';
  const problems = check?.problems ?? [];
  const template = check && ({ fields: check.fields, computed: check.computed } as unknown as Template);
  return (
    // Ctrl+Entrée saves from anywhere in the form.
    // oxlint-disable-next-line jsx-a11y/no-noninteractive-element-interactions
    <form
      class="form save-draft"
      noValidate
      aria-label="Enregistrer comme modèle"
      onKeyDown={(e) => {
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && !e.isComposing) {
          e.preventDefault();
          void save();
        }
      }}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <div class="form-head">
        <button type="button" class="link back" onClick={onBack}>
          ← Retour à la recherche
        </button>
        <h2 class="form-title">{fromSelection ? 'Enregistrer la sélection comme modèle' : 'Enregistrer ce brouillon comme modèle'}</h2>
        <p class="form-meta">Sans votre signature ni le message cité. Il rejoindra Mes modèles.</p>
      </div>
      <div class="form-columns">
        <div class="fields">
          <label htmlFor="sd-title">Nom du modèle</label>
          <input
            id="sd-title"
            ref={title}
            value={draft.title}
            aria-invalid={titleError ? 'true' : undefined}
            aria-describedby={titleError ? 'sd-title-error' : 'sd-title-hint'}
            onInput={(e) => set({ title: (e.target as HTMLInputElement).value })}
          />
          {titleError ? (
            <p class="error" id="sd-title-error">
              {titleError}
            </p>
          ) : (
            <p class="hint" id="sd-title-hint">
              La situation, comme vous la chercherez : « Relance d’un client après devis ».
            </p>
          )}
          <label htmlFor="sd-keywords">Mots-clés de recherche (séparés par des virgules)</label>
          <input id="sd-keywords" value={draft.keywords} placeholder="relance, devis, sans réponse" onInput={(e) => set({ keywords: (e.target as HTMLInputElement).value })} />
          {ctx ? <TextFields idPrefix="sd" draft={draft} ctx={ctx} rows={8} onChange={setDraft} /> : <p class="loading">Chargement des champs…</p>}
          <OwnFields idPrefix="sd" draft={draft} names={check?.own ?? []} onChange={setDraft} />
          {lostFormatting && <p class="note">Les images et les tableaux du message ne sont pas repris : un modèle est du texte.</p>}
          {resumed && (
            <p class="note">
              Vous retrouvez le formulaire tel que vous l’aviez laissé.{' '}
              <button type="button" class="link" onClick={onRestart}>
                Repartir du message tel qu’il est maintenant
              </button>
            </p>
          )}
        </div>
        <div>
          {template && check?.preview && <Preview template={template} subject={check.preview.subject} body={check.preview.body} />}
          <Remarks problems={problems} remarks={check?.remarks ?? []} label="Remarques sur le modèle" />
        </div>
      </div>
      {failure && (
        <p class="form-errors" role="alert">
          {failure}
        </p>
      )}
      <div class="actions">
        <button type="button" class="link" onClick={() => void api.openEditor(draft).then(onClose, () => setFailure('L’éditeur n’a pas pu être ouvert : ouvrez les réglages de Modèles.'))}>
          Continuer dans l’éditeur complet
        </button>
        <button type="submit" class="primary" disabled={busy}>
          Enregistrer le modèle
        </button>
      </div>
    </form>
  );
}
