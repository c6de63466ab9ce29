/**
 * The palette's side of « Suivi des relances » and « Imprimer en lettre », kept
 * out of Palette.tsx: which letter was opened from a dossier, the banner above
 * its form, the print form in place of the letter's form (which stays mounted,
 * hidden, so nothing typed is lost), and what to tell after printing.
 */
import { useRef, useState } from 'preact/hooks';
import type { JSX } from 'preact';
import type { LibraryTemplate } from '../../lib/packs/library';
import type { PostalDetails } from '../../lib/print/letter';
import { signsAsPerson, type Values } from '../../lib/render/render';
import type { LeadingRow } from '../SearchView';
import type { DossierBridge, OpenedDossier, PrintBridge } from './bridge';
import { DossierBanner } from './DossierBanner';
import { PrintForm } from './PrintForm';

export const PRINTED = 'L’aperçu avant impression est ouvert dans un nouvel onglet : imprimez-le, ou enregistrez-le en PDF. Vous pouvez aussi insérer la lettre dans le message.';

interface Deps {
  dossiers?: DossierBridge | undefined;
  print?: PrintBridge | undefined;
  picked: LibraryTemplate | null;
  setPicked(template: LibraryTemplate | null): void;
  initialValues(template: LibraryTemplate): Values;
}

export function useLadder({ dossiers, print, picked, setPicked, initialValues }: Deps) {
  const [opened, setOpened] = useState<OpenedDossier | null>(null);
  const [printing, setPrinting] = useState<Values | null>(null);
  const [state, setState] = useState<{ busy: boolean; done: string | null; error: string | null }>({ busy: false, done: null, error: null });
  const root = useRef<HTMLDivElement>(null);

  /** Opens a template (null: back to the search), from a dossier or not. */
  const pick = (template: LibraryTemplate | null, dossier: OpenedDossier | null = null) => {
    setPicked(template);
    setOpened(dossier);
    setPrinting(null);
    setState({ busy: false, done: null, error: null });
  };
  const openDossier = (key: string, uid?: string) => {
    const o = dossiers?.open(key, uid);
    if (o) pick(o.template, o);
  };
  const printLetter = async (template: LibraryTemplate, values: Values, postal: PostalDetails) => {
    setState({ busy: true, done: null, error: null });
    try {
      await print!.open(template, values, postal);
      setPrinting(null);
      setState({ busy: false, done: PRINTED, error: null });
      requestAnimationFrame(() => root.current?.querySelector<HTMLElement>('.form button[type="submit"]')?.focus());
    } catch (e) {
      setState({ busy: false, done: null, error: (e as Error).message });
    }
  };

  /** What shows above the letter's form: the print error, the dossier banner, the print confirmation, the print form. */
  const above = (): JSX.Element | null =>
    picked && (
      <>
        {state.error && (
          <p class="alert" role="alert">
            {state.error}
          </p>
        )}
        {opened && !printing && <DossierBanner key={opened.template.uid} opened={opened} onChoose={(uid) => openDossier(opened.key, uid)} />}
        {state.done && !printing && (
          <p class="note print-done" role="status">
            {state.done}
          </p>
        )}
        {printing && print && (
          <PrintForm
            title={picked.title}
            company={!signsAsPerson(picked, printing)}
            defaults={print.defaults(picked, printing)}
            busy={state.busy}
            done={null}
            onBack={() => setPrinting(null)}
            onSubmit={(postal) => void printLetter(picked, printing, postal)}
          />
        )}
      </>
    );

  /** Wraps the letter's form: hidden, not unmounted, while the print form shows. */
  const wrap = (form: JSX.Element) => (
    <div ref={root} class="form-wrap" style={{ display: printing ? 'none' : 'contents' }}>
      {form}
    </div>
  );

  /** The letter's form's key: a letter opened from another dossier (or from none) is a new form. */
  const formKey = (template: LibraryTemplate) => `${template.uid}|${opened?.key ?? ''}`;

  /** The letter's form's props that depend on the dossier and on printing. */
  const formProps = (template: LibraryTemplate) => ({
    initialValues: opened ? { ...initialValues(template), ...opened.values } : initialValues(template),
    ...(print && {
      onPrint: (values: Values) => {
        setState({ busy: false, done: null, error: null });
        setPrinting(values);
      },
    }),
  });

  /** The search's props: the dossiers' offers first. */
  const searchProps = dossiers ? { leading: dossiers.offers, onPickLeading: (row: LeadingRow) => openDossier(row.key) } : {};

  return { pick, above, wrap, formKey, formProps, searchProps };
}
