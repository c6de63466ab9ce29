/**
 * One letter on an A4 sheet, French business-letter layout: the sender at top
 * left, the recipient's address in the envelope window (lib/print/layout.ts),
 * place and date, the registered-post line, « Objet : », the body, a space for
 * the handwritten signature, the enclosures. Positions are in millimetres from
 * the sheet's corner; the sheet's padding stands for the page margins and is
 * repeated on every printed page.
 */
import { ADDRESS, BODY_TOP, ENVELOPE_WINDOW, MARGINS } from '../../lib/print/layout';
import type { PrintLetter } from '../../lib/print/letter';

const mm = (n: number) => `${n}mm`;

export function PrintSheet({ letter, showWindow }: { letter: PrintLetter; showWindow: boolean }) {
  return (
    <article class="sheet" aria-label="Lettre" style={{ padding: `${mm(MARGINS.top)} ${mm(MARGINS.right)} ${mm(MARGINS.bottom)} ${mm(MARGINS.left)}` }}>
      <div class="head" style={{ height: mm(BODY_TOP - MARGINS.top) }}>
        <address class="sender" aria-label="Expéditeur" style={{ width: mm(ENVELOPE_WINDOW.left - MARGINS.left - 4) }}>
          {letter.sender.map((l, i) => (
            <div key={i}>{l}</div>
          ))}
        </address>
        <address class="recipient" aria-label="Destinataire" style={{ left: mm(ADDRESS.left - MARGINS.left), top: mm(ADDRESS.top - MARGINS.top), width: mm(ADDRESS.width) }}>
          {letter.recipient.map((l, i) => (
            <div key={i}>{l}</div>
          ))}
        </address>
        {showWindow && (
          <div
            class="window"
            aria-hidden="true"
            style={{
              left: mm(ENVELOPE_WINDOW.left - MARGINS.left),
              top: mm(ENVELOPE_WINDOW.top - MARGINS.top),
              width: mm(ENVELOPE_WINDOW.right - ENVELOPE_WINDOW.left),
              height: mm(ENVELOPE_WINDOW.bottom - ENVELOPE_WINDOW.top),
            }}
          />
        )}
        <p class="place-date" style={{ left: mm(ADDRESS.left - MARGINS.left), top: mm(ENVELOPE_WINDOW.bottom - MARGINS.top + 2) }}>
          {letter.placeAndDate}
        </p>
      </div>
      {letter.registered && <p class="registered">{letter.registered}</p>}
      <p class="subject">
        <strong>Objet :</strong> {letter.subject}
      </p>
      <div class="body">{letter.body.join('\n')}</div>
      <div class="signature" style={{ marginLeft: mm(ADDRESS.left - MARGINS.left) }}>
        {letter.signature.map((l, i) => (
          <div key={i}>{l}</div>
        ))}
      </div>
      {letter.attachments.length > 0 && <p class="attachments">P. J. : {letter.attachments.join(', ')}</p>}
    </article>
  );
}
