/**
 * The palette's side of « Suivi des relances » and « Imprimer en lettre », kept
 * out of Palette.tsx: which letter was opened from a dossier, the banner above
 * its form, and opening the print view (the postal details are asked there).
 */
import { useState } from 'preact/hooks';
import type { JSX } from 'preact';
import type { LibraryTemplate } from '../../lib/packs/library';
import type { Values } from '../../lib/render/render';
import type { LeadingRow } from '../SearchView';
import type { DossierBridge, OpenedDossier, PrintBridge } from './bridge';
import { DossierBanner } from './DossierBanner';

export const GONE = 'Ce dossier n’a pas pu être ouvert : il a peut-être été supprimé ou payé entre-temps. Rouvrez la palette.';

export const PRINTED =
  'L’aperçu avant impression est ouvert dans un nouvel onglet : indiquez-y les adresses postales, puis imprimez la lettre ou enregistrez-la en PDF. Vous pouvez aussi insérer la lettre dans le message.';

interface Deps {
  dossiers?: DossierBridge | undefined;
  print?: PrintBridge | undefined;
  picked: LibraryTemplate | null;
  setPicked(template: LibraryTemplate | null): void;
  initialValues(template: LibraryTemplate): Values;
}

export function useLadder({ dossiers, print, picked, setPicked, initialValues }: Deps) {
  const [opened, setOpened] = useState<OpenedDossier | null>(null);
  const [state, setState] = useState<{ done: string | null; error: string | null }>({ done: null, error: null });

  /** Opens a template (null: back to the search), from a dossier or not. */
  const pick = (template: LibraryTemplate | null, dossier: OpenedDossier | null = null) => {
    setPicked(template);
    setOpened(dossier);
    setState({ done: null, error: null });
  };
  const openDossier = (key: string, uid?: string) =>
    void dossiers?.open(key, uid).then((o) => {
      if (o) pick(o.template, o);
      else setState({ done: null, error: GONE });
    });

  /** What shows above the letter's form: a dossier that could not open, the print error or confirmation, the dossier banner. */
  const above = (): JSX.Element => (
      <>
        {state.error && (
          <p class="alert" role="alert">
            {state.error}
          </p>
        )}
        {picked && opened && <DossierBanner key={opened.template.uid} opened={opened} onChoose={(uid) => openDossier(opened.key, uid)} />}
        {picked && state.done && (
          <p class="note print-done" role="status">
            {state.done}
          </p>
        )}
      </>
    );

  /** The letter's form's key: a letter opened from another dossier (or from none) is a new form. */
  const formKey = (template: LibraryTemplate) => `${template.uid}|${opened?.key ?? ''}`;

  /** The letter's form's props that depend on the dossier and on printing. */
  const formProps = (template: LibraryTemplate) => ({
    initialValues: opened ? { ...initialValues(template), ...opened.values } : initialValues(template),
    ...(print && {
      onPrint: (values: Values) => {
        setState({ done: null, error: null });
        print.open(template, values).then(
          () => setState({ done: PRINTED, error: null }),
          (e: unknown) => setState({ done: null, error: (e as Error).message }),
        );
      },
    }),
  });

  /** The search's props: the dossiers' offers first. */
  const searchProps = dossiers ? { leading: dossiers.offers, onPickLeading: (row: LeadingRow) => openDossier(row.key) } : {};

  return { pick, above, formKey, formProps, searchProps };
}
