/**
 * The palette anchored to one compose window: search first, then the form of
 * the picked template. Escape closes from anywhere; problems are announced in
 * a role="alert" message. It knows nothing of Gmail or Outlook: the caller
 * passes the subject state and the callbacks.
 */
import { useRef, useState } from 'preact/hooks';
import { signsAsPerson, type Values } from '../lib/render/render';
import type { SearchHit } from '../lib/search/engine';
import type { LibraryTemplate } from '../lib/packs/library';
import { FieldForm, type Landing, type SubjectState } from './FieldForm';
import { LetterRescue, type Unsaved } from './LetterRescue';
import { SearchView } from './SearchView';
import type { DossierBridge, OpenedDossier, PrintBridge } from './dossiers/bridge';
import { DossierBanner } from './dossiers/DossierBanner';
import { PrintForm } from './dossiers/PrintForm';

export interface PaletteProps {
  /** null while the library loads. */
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
  /** The payment ladder's dossiers: offered first in the results, their next letter opened prefilled. */
  dossiers?: DossierBridge;
  /** « Imprimer en lettre » for letters. */
  print?: PrintBridge;
}

const PRINTED = 'L’aperçu avant impression est ouvert dans un nouvel onglet : imprimez-le, ou enregistrez-le en PDF. Vous pouvez aussi insérer la lettre dans le message.';

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

export function Palette(props: PaletteProps) {
  const [picked, setPicked] = useState<LibraryTemplate | null>(null);
  const [query, setQuery] = useState('');
  const [opened, setOpened] = useState<OpenedDossier | null>(null);
  const [printing, setPrinting] = useState<Values | null>(null);
  const [print, setPrint] = useState<{ busy: boolean; done: string | null; error: string | null }>({ busy: false, done: null, error: null });
  const dialog = useRef<HTMLDivElement>(null);

  const pick = (template: LibraryTemplate | null, dossier: OpenedDossier | null = null) => {
    setPicked(template);
    setOpened(dossier);
    setPrinting(null);
    setPrint({ busy: false, done: null, error: null });
  };
  const openDossier = (key: string, uid?: string) => {
    const o = props.dossiers?.open(key, uid);
    if (o) pick(o.template, o);
  };
  const printLetter = async (template: LibraryTemplate, values: Values, postal: Parameters<PrintBridge['open']>[2]) => {
    setPrint({ busy: true, done: null, error: null });
    try {
      await props.print!.open(template, values, postal);
      setPrinting(null);
      setPrint({ busy: false, done: PRINTED, error: null });
      requestAnimationFrame(() => dialog.current?.querySelector<HTMLElement>('.form button[type="submit"]')?.focus());
    } catch (e) {
      setPrint({ busy: false, done: null, error: (e as Error).message });
    }
  };

  return (
    // Échap and the focus trap apply to the whole dialog.
    // oxlint-disable-next-line jsx-a11y/no-noninteractive-element-interactions
    <div
      ref={dialog}
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
      {print.error && (
        <p class="alert" role="alert">
          {print.error}
        </p>
      )}
      {picked && opened && !printing && <DossierBanner key={opened.template.uid} opened={opened} onChoose={(uid) => openDossier(opened.key, uid)} />}
      {picked && print.done && !printing && (
        <p class="note print-done" role="status">
          {print.done}
        </p>
      )}
      {picked && printing && props.print && (
        <PrintForm title={picked.title} company={!signsAsPerson(picked, printing)} defaults={props.print.defaults(picked, printing)} busy={print.busy} done={null} onBack={() => setPrinting(null)} onSubmit={(postal) => void printLetter(picked, printing, postal)} />
      )}
      {picked ? (
        <div class="form-wrap" style={{ display: printing ? 'none' : 'contents' }}>
        <FieldForm
          key={`${picked.uid}|${opened?.key ?? ''}`}
          template={picked}
          initialValues={opened ? { ...props.initialValues(picked), ...opened.values } : props.initialValues(picked)}
          subject={props.subject}
          {...(props.landing && { landing: props.landing })}
          {...(props.adjust && { adjust: (name: string, next: Values) => props.adjust!(picked, name, next) })}
          now={props.now}
          busy={props.busy}
          onValuesChange={(v) => props.onValuesChange(picked, v)}
          onBack={() => pick(null)}
          onInsert={(values, replace) => props.onInsert(picked, values, replace)}
          {...(props.print && { onPrint: (values: Values) => { setPrint({ busy: false, done: null, error: null }); setPrinting(values); } })}
        />
        </div>
      ) : (
        <SearchView
          templates={props.templates ?? []}
          loading={props.templates === null}
          recent={props.recent}
          initialQuery={query}
          search={props.search}
          onQueryChange={setQuery}
          onPick={(t) => pick(t)}
          {...(props.dossiers && { leading: props.dossiers.offers, onPickLeading: (row) => openDossier(row.key) })}
        />
      )}
    </div>
  );
}
