/**
 * The print view: a toolbar (screen only) and the letter laid out on an A4
 * sheet (PrintSheet). The browser prints it to paper or to PDF.
 */
import { useEffect, useState } from 'preact/hooks';
import type { PrintLetter } from '../../lib/print/letter';
import { readPrintView } from '../../lib/print/session';
import { PrintSheet } from './PrintSheet';

export function PrintPage({ id }: { id: string }) {
  const [letter, setLetter] = useState<PrintLetter | null | undefined>(undefined);
  const [showWindow, setShowWindow] = useState(false);

  useEffect(() => {
    readPrintView(id)
      .then((l) => {
        setLetter(l);
        if (l) document.title = `${l.title} — lettre à imprimer`;
      })
      .catch(() => setLetter(null));
  }, [id]);

  if (letter === undefined) return <p class="toolbar">Préparation de la lettre…</p>;
  if (letter === null)
    return (
      <main class="toolbar">
        <h1>Lettre introuvable</h1>
        <p role="alert">
          Cette lettre n’est plus disponible : elle n’est gardée que le temps de la session du navigateur. Rouvrez le formulaire du modèle dans votre messagerie et cliquez
          à nouveau sur « Imprimer en lettre ».
        </p>
      </main>
    );
  return (
    <>
      <header class="toolbar">
        <h1>{letter.title}</h1>
        <p>
          Lettre au format A4. Dans la fenêtre d’impression, gardez les marges par défaut et décochez « En-têtes et pieds de page » ; choisissez « Enregistrer au format PDF » pour un
          fichier. Pliez la feuille en trois pour une enveloppe DL (110 × 220 mm), en deux pour une enveloppe C5 (162 × 229 mm) : l’adresse apparaît dans la fenêtre.
        </p>
        <div class="toolbar-actions">
          <button type="button" class="primary" onClick={() => window.print()}>
            Imprimer ou enregistrer en PDF
          </button>
          <label>
            <input type="checkbox" checked={showWindow} onChange={(e) => setShowWindow((e.target as HTMLInputElement).checked)} /> Montrer la fenêtre de l’enveloppe
          </label>
        </div>
      </header>
      <main>
        <PrintSheet letter={letter} showWindow={showWindow} />
      </main>
    </>
  );
}
