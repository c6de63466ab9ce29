/**
 * Outlook on the web (new Outlook, roosterjs editor) on outlook.office.com,
 * outlook.office365.com, outlook.live.com and outlook.cloud.microsoft, and in
 * the about:blank window a message opens in. Found by DOM markers, never by host
 * name and never by a translated label alone. Sources for each selector:
 * ../shared/research/mail-clients.md §3 (Briskine, Mailvelope, public OWA
 * scripts), checked against test/fixtures/outlook/.
 */
import { HOST_ATTRIBUTE, type InsertResult, type MailAdapter, type Recipient } from './adapter';
import { composeAround, composesIn, isVisible, queryFirst, setInputValue } from './dom';
import { fitToLine, insertWithDom, insertWithExecCommand, insertWithPaste, settleCaret } from './insert';
import { insertChecked } from './landing';

export const OUTLOOK = {
  /**
   * The message body: roosterjs's content div. Recipient wells (To, Cc) are contenteditable textboxes too,
   * but never aria-multiline; the read-only message view is role=document, not contenteditable.
   */
  body: 'div[contenteditable="true"][role="textbox"][aria-multiline="true"]',
  /** The pop-out window and the calendar event form both wrap their content in this; only a compose has Send. */
  formContent: '[data-app-section="Form_Content"]',
  /**
   * « Envoyer » / « Send »: the split button's primary part has a language-independent id
   * (splitButton-ro__primaryActionButton, splitButton-send__primaryActionButton); labels are fallbacks.
   */
  send: [
    '[id^="splitButton-"][id$="__primaryActionButton"]',
    'button[aria-label="Send"]',
    'button[aria-label="Envoyer"]',
    'button[title^="Send ("]',
    'button[title^="Envoyer ("]',
  ],
  /** The Send split button as a whole: our button goes right after it. */
  sendGroup: '.fui-SplitButton, [role="group"]',
  /** Subject: by label (EN, FR), by the id pattern MSG_N_SUBJECT, then the last one-line text input of the compose (Briskine). */
  subject: ['input[aria-label="Add a subject"]', 'input[aria-label="Ajouter un objet"]', '[id$="_SUBJECT"] input', 'input[id$="_SUBJECT"]'],
  subjectFallback: 'input[type="text"][autocomplete="off"]',
  /** Recipient wells: the first one is To. Chips inside are not editable. */
  recipientWell: 'div[contenteditable="true"][role="textbox"]:not([aria-multiline="true"])',
  chip: '[contenteditable="false"]',
  /** The signature block roosterjs keeps in the body; the quoted message starts at #divRplyFwdMsg or #appendonsend. */
  signature: '#Signature, [id^="Signature"]',
  /** Where the quoted message starts: the marker roosterjs keeps before it, else the « De : … Envoyé : … » header. */
  quote: '#appendonsend, #divRplyFwdMsg, [id^="divRplyFwdMsg"]',
  /** How far up from the body the compose root may be. */
  maxDepth: 14,
} as const;

function sendButton(root: ParentNode): HTMLElement | null {
  return queryFirst<HTMLElement>(root, OUTLOOK.send);
}

/**
 * The compose root: the pop-out form when it has a Send button, else the
 * nearest ancestor holding a Send button, as long as it holds only this body.
 */
function findRoot(body: HTMLElement): HTMLElement | null {
  const form = body.closest<HTMLElement>(OUTLOOK.formContent);
  if (form) return sendButton(form) ? form : null;
  let node = body.parentElement;
  for (let depth = 0; node && depth < OUTLOOK.maxDepth; depth++, node = node.parentElement) {
    if (node.querySelectorAll(OUTLOOK.body).length > 1) return null;
    if (sendButton(node)) return node;
  }
  return null;
}

function recipientFrom(chip: Element): Recipient | null {
  const text = (chip.textContent ?? '').trim();
  const described = `${chip.getAttribute('title') ?? ''} ${chip.getAttribute('aria-label') ?? ''}`;
  const email = /[^\s<>(),;]+@[^\s<>(),;]+/.exec(described)?.[0] ?? (text.includes('@') ? text : '');
  const name = text.includes('@') ? '' : text;
  return name || email ? { name, email } : null;
}

/** roosterjs reads pasted data asynchronously (getAsString): how long its paste may take. */
const PASTE_WAIT_MS = 1000;

export const outlook: MailAdapter = {
  id: 'outlook',

  findComposes: (doc) => composesIn(doc, OUTLOOK.body, findRoot),

  composeOf: (node) => composeAround(node, OUTLOOK.body, findRoot),

  toolbar({ root }) {
    return sendButton(root)?.closest<HTMLElement>(OUTLOOK.sendGroup)?.parentElement ?? null;
  },

  placeButtonHost({ root }) {
    const send = sendButton(root);
    if (!send) return null;
    const group = send.closest<HTMLElement>(OUTLOOK.sendGroup) ?? send;
    const host = root.ownerDocument.createElement('div');
    host.setAttribute(HOST_ATTRIBUTE, '');
    host.style.display = 'inline-flex';
    host.style.alignItems = 'center';
    group.after(host);
    return host;
  },

  visibleSubject({ root }) {
    const input =
      queryFirst<HTMLInputElement>(root, OUTLOOK.subject) ?? [...root.querySelectorAll<HTMLInputElement>(OUTLOOK.subjectFallback)].at(-1) ?? null;
    return input && isVisible(input) ? input : null;
  },

  setSubject: setInputValue,

  recipients({ root }) {
    const well = root.querySelector(OUTLOOK.recipientWell);
    if (!well) return [];
    return [...well.querySelectorAll(OUTLOOK.chip)].map(recipientFrom).filter((r): r is Recipient => r !== null);
  },

  signature(body) {
    return body.querySelector(OUTLOOK.signature);
  },

  subjectText({ root }) {
    const input = queryFirst<HTMLInputElement>(root, OUTLOOK.subject) ?? [...root.querySelectorAll<HTMLInputElement>(OUTLOOK.subjectFallback)].at(-1) ?? null;
    return input?.value.trim() ?? '';
  },

  quoted(body) {
    return body.querySelector(OUTLOOK.quote);
  },

  /**
   * Through roosterjs itself: a paste event it handles like a real paste, so
   * its content model keeps the text and its own undo (Ctrl+Z) removes it in
   * one step. The paste is handled asynchronously: the letter has a second to
   * appear. Then execCommand, then the DOM, each checked the same way.
   */
  async insert({ body }, html, text): Promise<InsertResult> {
    await settleCaret(body);
    const fitted = fitToLine(body, html);
    return insertChecked(body, text, [
      { name: 'paste', run: () => insertWithPaste(body, fitted, text), waitMs: PASTE_WAIT_MS },
      { name: 'execCommand', run: () => insertWithExecCommand(body, fitted) },
      { name: 'dom', run: () => insertWithDom(body, text) },
    ]);
  },
};
