/**
 * The palette anchored to one compose window: search first, then the form of
 * the picked template. Escape closes from anywhere; problems are announced in
 * a role="alert" message. It knows nothing of Gmail or Outlook: the caller
 * passes the subject state and the callbacks.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Values } from '../lib/render/render';
import type { SearchHit } from '../lib/search/engine';
import type { LibraryTemplate, SearchEntry } from '../lib/packs/library';
import { FieldForm, type Landing, type SubjectState } from './FieldForm';
import { LetterRescue, type Unsaved } from './LetterRescue';
import { SearchView } from './SearchView';
import type { DossierBridge, PrintBridge } from './dossiers/bridge';
import { useLadder } from './dossiers/useLadder';
import { SaveDraftForm, type SaveDraftApi } from './personal/SaveDraftForm';
import type { Draft } from '../lib/personal/draft-model';

/** « Enregistrer ce brouillon comme modèle » (issue 20): what the palette needs from the compose. */
export interface SaveDraftOffer {
  /** « Enregistrer ce brouillon comme modèle », or « … la sélection … » when text is selected. */
  label: string;
  /** The draft to start from: the form as the user left it in this compose, else the compose read now (`fresh`: always). */
  start(fresh?: boolean): { draft: Draft; fromSelection: boolean; lostFormatting: boolean; resumed: boolean };
  /** Keeps the form as it is typed (until the page reloads), so that closing the palette loses nothing; null forgets it. */
  keep(draft: Draft | null): void;
  api: SaveDraftApi;
}

export interface PaletteProps {
  /** What the search lists; null while it loads. */
  entries: SearchEntry[] | null;
  /** The whole templates, which come after the entries; null until then. */
  templates: LibraryTemplate[] | null;
  recent: string[];
  subject: SubjectState;
  /** What the draft already holds at the caret: signature, greeting. */
  landing?: Landing;
  /** Adapts other values when one changes (sender profile). */
  adjust?(template: LibraryTemplate, name: string, next: Values): Values;
  /** A problem to show (library not loaded, compose closed, insertion failed). */
  error: string | null;
  busy: boolean;
  /** The letter that could not be inserted, to give back to the user (null: none). */
  unsaved: Unsaved | null;
  now: Date;
  search(query: string): SearchHit[];
  initialValues(template: LibraryTemplate): Values;
  onValuesChange(template: LibraryTemplate, values: Values): void;
  onInsert(template: LibraryTemplate, values: Values, replaceSubject: boolean): void;
  onCopy(): void;
  onClose(): void;
  /** Offered when the palette was opened from a compose. */
  saveDraft?: SaveDraftOffer;
  /** The payment ladder's dossiers: offered first in the results, their next letter opened prefilled. */
  dossiers?: DossierBridge;
  /** « Imprimer en lettre » for letters. */
  print?: PrintBridge;
}

const FOCUSABLE = 'input:not([tabindex="-1"]):not([disabled]), select, textarea, button:not([disabled]), [href]';

/** Keeps Tab and Shift+Tab inside the palette. */
function trapFocus(e: KeyboardEvent, container: HTMLElement) {
  const items = [...container.querySelectorAll<HTMLElement>(FOCUSABLE)];
  if (!items.length) return;
  const active = (container.getRootNode() as ShadowRoot | Document).activeElement;
  const [first, last] = [items[0]!, items[items.length - 1]!];
  if (e.shiftKey && active === first) {
    e.preventDefault();
    last.focus();
  } else if (!e.shiftKey && active === last) {
    e.preventDefault();
    first.focus();
  }
}

/**
 * The query typed, given back to the search when the user comes back from a
 * form. Kept outside the palette's state: a keystroke renders the search view
 * only, not the whole palette.
 */
function useRememberedQuery(): { last(): string; remember(query: string): void } {
  const ref = useRef('');
  return {
    last: () => ref.current,
    remember: (query) => {
      ref.current = query;
    },
  };
}

export function Palette(props: PaletteProps) {
  const [picked, setPicked] = useState<LibraryTemplate | null>(null);
  const query = useRememberedQuery();
  const [saving, setSaving] = useState<ReturnType<SaveDraftOffer['start']> | null>(null);
  // A template picked before the whole templates are here opens when they arrive.
  const [waiting, setWaiting] = useState<string | null>(null);
  const byUid = useMemo(() => new Map(props.templates?.map((t) => [t.uid, t])), [props.templates]);
  const ladder = useLadder({ dossiers: props.dossiers, print: props.print, picked, setPicked, initialValues: props.initialValues });

  const pick = (entry: SearchEntry) => {
    const template = byUid.get(entry.uid);
    if (template) ladder.pick(template);
    else setWaiting(entry.uid);
  };
  useEffect(() => {
    const template = waiting ? byUid.get(waiting) : undefined;
    if (!template) return;
    setWaiting(null);
    ladder.pick(template);
  }, [waiting, byUid, ladder]);

  return (
    // Échap and the focus trap apply to the whole dialog.
    // oxlint-disable-next-line jsx-a11y/no-noninteractive-element-interactions
    <div
      class="palette"
      role="dialog"
      aria-label="Modèles"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          e.stopPropagation();
          props.onClose();
        } else if (e.key === 'Tab') {
          trapFocus(e, e.currentTarget as HTMLElement);
        }
      }}
    >
      {props.error && (
        <p class="alert" role="alert">
          {props.error}
        </p>
      )}
      {props.unsaved && <LetterRescue unsaved={props.unsaved} onCopy={props.onCopy} />}
      {!saving && ladder.above()}
      {saving && props.saveDraft ? (
        <SaveDraftForm
          key={saving.resumed ? 'resumed' : 'fresh'}
          initial={saving.draft}
          fromSelection={saving.fromSelection}
          lostFormatting={saving.lostFormatting}
          resumed={saving.resumed}
          api={props.saveDraft.api}
          onDraftChange={props.saveDraft.keep}
          onRestart={() => setSaving(props.saveDraft!.start(true))}
          onBack={() => setSaving(null)}
          onClose={props.onClose}
        />
      ) : picked ? (
        <FieldForm
          key={ladder.formKey(picked)}
          {...ladder.formProps(picked)}
          template={picked}
          subject={props.subject}
          {...(props.landing && { landing: props.landing })}
          {...(props.adjust && { adjust: (name: string, next: Values) => props.adjust!(picked, name, next) })}
          now={props.now}
          busy={props.busy}
          onValuesChange={(v) => props.onValuesChange(picked, v)}
          onBack={() => ladder.pick(null)}
          onInsert={(values, replace) => props.onInsert(picked, values, replace)}
        />
      ) : (
        <>
          <SearchView templates={props.entries ?? []} loading={props.entries === null} recent={props.recent} initialQuery={query.last()} search={props.search} onQueryChange={query.remember} onPick={pick} {...ladder.searchProps} />
          {waiting && (
            <p class="loading" role="status">
              Ouverture du modèle…
            </p>
          )}
          {props.saveDraft && (
            <p class="palette-offer">
              <button type="button" class="link" onClick={() => setSaving(props.saveDraft!.start())}>
                {props.saveDraft.label}
              </button>
            </p>
          )}
        </>
      )}
    </div>
  );
}
