/**
 * The print view: the postal details on the left (screen only), the letter on
 * its A4 sheet (PrintSheet), laid out again at every keystroke. « Imprimer ou
 * enregistrer en PDF » checks the addresses, remembers the sender's, records
 * the printed letter in its dossier (through the background), then asks the
 * browser to print — to paper or to PDF.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { invoiceKey } from '../../lib/dossiers/model';
import { send } from '../../lib/messages';
import { buildPrintLetter, type PostalDetails } from '../../lib/print/letter';
import { postalDefaults, profileOf, senderToRemember, type PrintRequest } from '../../lib/print/request';
import { readPrintView } from '../../lib/print/session';
import { getRemembered, remember } from '../../lib/storage';
import { PostalForm } from './PostalForm';
import { PrintSheet } from './PrintSheet';

async function load(id: string): Promise<{ request: PrintRequest; postal: PostalDetails } | null> {
  const request = await readPrintView(id);
  if (!request) return null;
  const [remembered, stored] = await Promise.all([
    getRemembered(),
    send({ type: 'get-dossiers' }).catch(() => null),
  ]);
  const key = invoiceKey(request.values.facture_numero ?? '');
  const dossier = (key && stored?.dossiers.find((d) => invoiceKey(d.invoice) === key)) || null;
  return { request, postal: postalDefaults(request, remembered, dossier) };
}

export function PrintPage({ id }: { id: string }) {
  const [request, setRequest] = useState<PrintRequest | null | undefined>(undefined);
  const [postal, setPostal] = useState<PostalDetails | null>(null);
  const [showWindow, setShowWindow] = useState(false);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    load(id)
      .then((loaded) => {
        setRequest(loaded?.request ?? null);
        setPostal(loaded?.postal ?? null);
      })
      .catch(() => setRequest(null));
  }, [id]);

  const letter = useMemo(() => (request && postal ? buildPrintLetter(request.template, request.values, postal, new Date(request.at)) : null), [request, postal]);
  const title = letter?.title;
  useEffect(() => {
    if (title) document.title = `${title} — lettre à imprimer`;
  }, [title]);

  if (request === undefined) return <p class="toolbar">Préparation de la lettre…</p>;
  if (request === null || !postal || !letter)
    return (
      <main class="toolbar">
        <h1>Lettre introuvable</h1>
        <p role="alert">
          Cette lettre n’est plus disponible : elle n’est gardée que le temps de la session du navigateur. Rouvrez le formulaire du modèle dans votre messagerie et cliquez
          à nouveau sur « Imprimer en lettre ».
        </p>
      </main>
    );

  const print = async (details: PostalDetails) => {
    setBusy(true);
    setStatus('');
    await remember(senderToRemember(request, details), profileOf(request)).catch(() => undefined);
    const record = {
      uid: request.template.uid,
      values: request.values,
      recipients: request.recipients,
      at: request.at,
      printed: { address: details.recipientAddress, registered: details.registered ? details.registeredNumber : null },
    };
    const changed = await send({ type: 'record-letter', letter: record }).catch(() => null);
    setBusy(false);
    setStatus(changed ? `Lettre ajoutée au suivi de la facture ${changed.invoice}. Votre adresse est retenue pour vos prochaines lettres.` : 'Votre adresse est retenue pour vos prochaines lettres.');
    window.print();
  };

  return (
    <div class="print-layout">
      <header class="toolbar">
        <h1>{letter.title}</h1>
        <p>
          Lettre au format A4. Pliez la feuille en trois pour une enveloppe DL (110 × 220 mm), en deux pour une enveloppe C5 (162 × 229 mm) : l’adresse apparaît dans la fenêtre.
          Dans la fenêtre d’impression, gardez l’échelle à 100 % et décochez « En-têtes et pieds de page » ; « Enregistrer au format PDF » donne un fichier.
        </p>
        <label class="check">
          <input type="checkbox" checked={showWindow} onChange={(e) => setShowWindow((e.target as HTMLInputElement).checked)} /> Montrer la fenêtre de l’enveloppe sur la feuille
        </label>
        <p role="status" class="status">
          {status}
        </p>
      </header>
      <aside class="side">
        <PostalForm postal={postal} company={profileOf(request) === 'pro'} busy={busy} onChange={setPostal} onPrint={(p) => void print(p)} />
      </aside>
      <main class="sheet-area">
        <PrintSheet letter={letter} showWindow={showWindow} />
      </main>
    </div>
  );
}
