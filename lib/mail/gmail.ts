/**
 * Gmail (https://mail.google.com/). Language-independent hooks only: attributes
 * and structure, never a translated label on its own. Sources for each
 * selector: ../shared/research/mail-clients.md §2 (InboxSDK, gmail.js,
 * Briskine, a saved compose DOM), checked against test/fixtures/gmail/.
 */
import { HOST_ATTRIBUTE, type InsertResult, type MailAdapter, type Recipient } from './adapter';
import { composeAround, composesIn, isVisible, queryFirst, setInputValue } from './dom';
import { fitToLine, insertWithDom, insertWithExecCommand } from './insert';
import { insertChecked } from './landing';

export const GMAIL = {
  /** The message body editor. Also matches the signature and vacation-responder editors in Settings, rejected by `composeMarker`. */
  body: 'div[contenteditable="true"][g_editable="true"][role="textbox"]',
  /** Compose root, most specific first: `.M9` wraps popup, full-screen and inline composes; `[role=dialog]` the popup "mole"; `[role=main]` the pop-out window (body.xE.xp). */
  roots: ['.M9', '[role="dialog"]', '[role="main"]'],
  /** Hidden form inputs only a real compose has (not the Settings editors). */
  composeMarker: 'input[name="composeid"], input[name="subjectbox"]',
  subject: 'input[name="subjectbox"]',
  /** Bottom action bar: `table.IZ > tbody > tr.btC`. */
  toolbarRow: 'tr.btC',
  /** The cell holding « Envoyer » / « Send » and its menu. */
  sendCell: 'td.gU.Up',
  /** Fallbacks for the Send button when the cell classes change (tooltip starts with the label; the shortcut part varies by OS). */
  sendButton: ['[role="button"][data-tooltip^="Send"]', '[role="button"][data-tooltip^="Envoyer"]', '[role="button"][aria-label^="Send"]', '[role="button"][aria-label^="Envoyer"]'],
  /** Recipient chips of the To field: peoplekit (2021+) then the legacy `span[email]` chips. */
  toChips: ['[name="to"] [data-hovercard-id]', '[name="to"] span[email]', '.vR span[email]'],
  signature: '.gmail_signature, [data-smartmail="gmail_signature"]',
  /** The quoted message of a reply or forward (attribution line and blockquote); `.gmail_extra` in older drafts. */
  quote: '.gmail_quote_container, .gmail_quote, .gmail_extra',
} as const;

function findRoot(body: HTMLElement): HTMLElement | null {
  for (const selector of GMAIL.roots) {
    const root = body.closest<HTMLElement>(selector);
    if (root?.querySelector(GMAIL.composeMarker)) return root;
  }
  return null;
}

function recipientFrom(chip: Element): Recipient | null {
  const email = chip.getAttribute('data-hovercard-id') ?? chip.getAttribute('email') ?? '';
  const name = (chip.getAttribute('data-name') ?? chip.getAttribute('name') ?? chip.textContent ?? '').trim();
  if (!email && !name) return null;
  return { email, name: name === email ? '' : name };
}

export const gmail: MailAdapter = {
  id: 'gmail',

  findComposes: (doc) => composesIn(doc, GMAIL.body, findRoot),

  composeOf: (node) => composeAround(node, GMAIL.body, findRoot),

  toolbar({ root }) {
    return root.querySelector<HTMLElement>(GMAIL.toolbarRow);
  },

  placeButtonHost({ root }) {
    const row = root.querySelector<HTMLTableRowElement>(GMAIL.toolbarRow);
    const sendCell =
      row?.querySelector<HTMLTableCellElement>(GMAIL.sendCell) ?? queryFirst(row ?? root, GMAIL.sendButton)?.closest<HTMLTableCellElement>('td') ?? null;
    if (!row || !sendCell || !row.contains(sendCell)) return null;
    const doc = root.ownerDocument;
    const cell = doc.createElement('td');
    cell.className = 'gU';
    cell.setAttribute(HOST_ATTRIBUTE, '');
    sendCell.after(cell);
    // Keep the table's column layout in step, as Gmail's own toolbar extensions do.
    const colgroup = row.closest('table')?.querySelector('colgroup');
    if (colgroup) {
      const col = doc.createElement('col');
      col.setAttribute(HOST_ATTRIBUTE, '');
      colgroup.children[sendCell.cellIndex]?.after(col);
    }
    return cell;
  },

  visibleSubject({ root }) {
    const input = root.querySelector<HTMLInputElement>(GMAIL.subject);
    return input && isVisible(input) ? input : null;
  },

  setSubject: setInputValue,

  recipients({ root }) {
    for (const selector of GMAIL.toChips) {
      const chips = [...root.querySelectorAll(selector)].map(recipientFrom).filter((r): r is Recipient => r !== null);
      if (chips.length) return chips;
    }
    return [];
  },

  signature(body) {
    return body.querySelector(GMAIL.signature);
  },

  subjectText({ root }) {
    return root.querySelector<HTMLInputElement>(GMAIL.subject)?.value.trim() ?? '';
  },

  quoted(body) {
    return body.querySelector(GMAIL.quote);
  },

  insert({ body }, html, text): Promise<InsertResult> {
    const fitted = fitToLine(body, html);
    return insertChecked(body, text, [
      { name: 'execCommand', run: () => insertWithExecCommand(body, fitted) },
      { name: 'dom', run: () => insertWithDom(body, text) },
    ]);
  },
};
