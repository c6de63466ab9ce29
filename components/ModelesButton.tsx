/** The « Modèles » button in a compose toolbar. It never takes the caret from the message body. */
export interface ModelesButtonProps {
  shortcut: string;
  floating?: boolean;
  onOpen(): void;
}

export function ModelesButton({ shortcut, floating, onOpen }: ModelesButtonProps) {
  return (
    <button
      type="button"
      class={floating ? 'modeles-button floating' : 'modeles-button'}
      title={`Insérer un modèle de courrier (${shortcut})`}
      // Keep the focus, and so the caret, in the message body when clicked with the mouse.
      onMouseDown={(e) => e.preventDefault()}
      onClick={onOpen}
    >
      <svg aria-hidden="true" viewBox="0 0 20 20" width="16" height="16">
        <path d="M4 2h8l4 4v12H4z M12 2v4h4 M7 10h6 M7 13h6" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linejoin="round" />
      </svg>
      Modèles
    </button>
  );
}
