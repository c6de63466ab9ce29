/**
 * What Modèles needs from a mail client. One adapter per client (gmail.ts,
 * outlook.ts); each keeps its selectors at the top of its file, with where
 * they were seen. Nothing outside lib/mail/ queries the mail page.
 */
import type { Landing } from './landing';

export interface Recipient {
  name: string;
  email: string;
}

/** One open compose window: new message, reply, forward, pop-out. */
export interface Compose {
  /** The element that contains the whole compose (fields, body, toolbar). */
  root: HTMLElement;
  /** The message body editor (contenteditable). */
  body: HTMLElement;
}

/**
 * What an insertion did, on evidence (the letter read back from the body): which strategy put
 * it in, or, when none did, the strategies tried. Never a success without the letter in the draft.
 */
export type InsertResult = Landing;

export interface MailAdapter {
  readonly id: 'gmail' | 'outlook';
  /** Every compose window of the document, in document order. */
  findComposes(doc: Document): Compose[];
  /** The compose whose body contains `node`, if any. */
  composeOf(node: Node, doc: Document): Compose | null;
  /** The compose's bottom toolbar (where « Envoyer » is), or null. */
  toolbar(compose: Compose): HTMLElement | null;
  /**
   * Places a fresh, empty host element for the « Modèles » button next to
   * « Envoyer » and returns it; null when the toolbar cannot be found (the
   * caller then shows a floating button).
   */
  placeButtonHost(compose: Compose): HTMLElement | null;
  /** The subject input, only when the user can see it (never in inline replies). */
  visibleSubject(compose: Compose): HTMLInputElement | null;
  /** Writes the subject so that the mail client keeps it. */
  setSubject(input: HTMLInputElement, subject: string): void;
  /** Recipients of the To field, in order. */
  recipients(compose: Compose): Recipient[];
  /** The signature block inside the body: a caret left in it moves above it. */
  signature(body: HTMLElement): Element | null;
  /** The subject as written, even when its field is hidden (inline reply); '' when there is none. */
  subjectText(compose: Compose): string;
  /** Where the quoted message of a reply or a forward starts in a body (or a copy of it), or null. */
  quoted(body: HTMLElement): Element | null;
  /** Inserts at the caret already placed in the body; one undo step when the strategy allows. Checks the letter is there. */
  insert(compose: Compose, html: string, text: string): Promise<InsertResult>;
}

/** Marks our own elements in the mail page. */
export const HOST_ATTRIBUTE = 'data-modeles-host';
