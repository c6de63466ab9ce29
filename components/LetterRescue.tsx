/**
 * Shown when no insertion strategy put the letter in the draft: says so, and
 * gives the letter back — already copied to the clipboard when the browser
 * allowed it, « Copier la lettre » to copy it again, and the text itself to
 * select by hand if the clipboard is refused. The form stays open behind it.
 */
import { useLayoutEffect, useRef } from 'preact/hooks';

export interface Unsaved {
  /** The letter, as plain text. */
  text: string;
  /** The subject the template proposed (the compose's subject is not changed when the letter is not inserted). */
  subject: string;
  /** Whether the letter is in the clipboard: copied when the insertion failed, or by the button. */
  copied: boolean | null;
}

export interface LetterRescueProps {
  unsaved: Unsaved;
  onCopy(): void;
}

export const RESCUE_MESSAGES = {
  failed: 'La lettre n’a pas pu être insérée : la messagerie ne l’a pas acceptée, et votre brouillon n’a pas été modifié. Vos saisies sont gardées.',
  copied: 'La lettre est copiée dans le presse-papiers : cliquez dans le message, puis collez-la (Ctrl+V).',
  notCopied: 'Cliquez sur « Copier la lettre », puis collez-la dans le message (Ctrl+V).',
  refused: 'Le navigateur a refusé la copie : sélectionnez la lettre ci-dessous et copiez-la (Ctrl+C).',
} as const;

export function LetterRescue({ unsaved, onCopy }: LetterRescueProps) {
  const button = useRef<HTMLButtonElement>(null);
  // The draft had the focus during the insertion: bring it back here, to the way out.
  useLayoutEffect(() => button.current?.focus(), []);
  const next = unsaved.copied === true ? RESCUE_MESSAGES.copied : unsaved.copied === false ? RESCUE_MESSAGES.refused : RESCUE_MESSAGES.notCopied;
  return (
    <div class="alert rescue" role="alert">
      <p>{RESCUE_MESSAGES.failed}</p>
      <p>{next}</p>
      {unsaved.subject && <p>Objet proposé : « {unsaved.subject} »</p>}
      <div class="rescue-actions">
        <button ref={button} type="button" class="primary" onClick={onCopy}>
          Copier la lettre
        </button>
      </div>
      {unsaved.copied === false && <textarea class="rescue-text" readOnly aria-label="La lettre" value={unsaved.text} rows={6} onFocus={(e) => (e.currentTarget as HTMLTextAreaElement).select()} />}
    </div>
  );
}
