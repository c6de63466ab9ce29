/**
 * What the user wrote in a compose window, as plain text: the body (or the
 * selection in it) without the mail signature and without the quoted message
 * of a reply or a forward. Lines and blank lines follow what the editor shows
 * (one <div> per line, <div><br></div> for a blank line, <br>, paragraphs);
 * formatting, images and tables are not kept — a template is text.
 */
import type { Compose, MailAdapter } from './adapter';

const BLOCKS = new Set(['ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DD', 'DIV', 'DL', 'DT', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'OL', 'P', 'PRE', 'SECTION', 'TABLE', 'TR', 'UL']);
const SKIPPED = new Set(['STYLE', 'SCRIPT', 'TEMPLATE', 'NOSCRIPT', 'HEAD', 'TITLE']);

export interface DraftText {
  subject: string;
  text: string;
  /** The draft had images or tables, which a text template does not keep. */
  lostFormatting: boolean;
  /** The text comes from the selection, not the whole body. */
  fromSelection: boolean;
}

/** Plain text of a DOM tree, laid out in lines as an editor shows it. */
export function textOf(root: Node): string {
  let out = '';
  const atLineStart = () => out === '' || out.endsWith('\n');
  const walk = (node: Node) => {
    if (node.nodeType === 3) {
      const pre = (node.parentElement?.closest('pre') ?? null) !== null;
      let t = node.textContent ?? '';
      if (!pre) t = t.replace(/[\t\n\r ]+/g, ' ');
      if (atLineStart() && !pre) t = t.replace(/^ /, '');
      out += t;
      return;
    }
    if (node.nodeType !== 1 && node.nodeType !== 11) return;
    const el = node as Element;
    if (node.nodeType === 1 && SKIPPED.has(el.tagName)) return;
    if (node.nodeType === 1 && (el as HTMLElement).hidden) return;
    if (el.tagName === 'BR') {
      out = out.replace(/ $/, '');
      out += '\n';
      return;
    }
    const block = node.nodeType === 1 && BLOCKS.has(el.tagName);
    if (block && !atLineStart()) out = `${out.replace(/ $/, '')}\n`;
    if (el.tagName === 'LI') out += '- ';
    if (el.tagName === 'TD' || el.tagName === 'TH') {
      if (!atLineStart()) out += ' ';
    }
    node.childNodes.forEach(walk);
    if (el.tagName === 'A') {
      const href = el.getAttribute('href') ?? '';
      const label = (el.textContent ?? '').trim();
      const shown = href.replace(/^mailto:/i, '');
      if (/^(https?:|mailto:)/i.test(href) && label && !label.includes(shown)) out += ` (${shown})`;
    }
    if (el.tagName === 'P' && !atLineStart()) out = `${out.replace(/ $/, '')}\n`;
    if (block && !atLineStart()) out = `${out.replace(/ $/, '')}\n`;
  };
  walk(root);
  return tidy(out);
}

/** No-break spaces as spaces (typography puts them back), no trailing spaces, at most one blank line, no signature dash left over. */
export function tidy(text: string): string {
  return text
    .replace(/[\u00A0\u202F\u2009]/g, ' ')
    .replace(/\u200B/g, '')
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/(\n|^)--\s*$/, '')
    .trim();
}

/** A copy of the body (or of the selection in it) without signature and quoted message. */
function cleanCopy(adapter: MailAdapter, body: HTMLElement, selection: Range | null): HTMLElement {
  const copy = body.ownerDocument.createElement('div');
  if (selection && !selection.collapsed && body.contains(selection.commonAncestorContainer)) copy.append(selection.cloneContents());
  else copy.append(...[...body.childNodes].map((n) => n.cloneNode(true)));
  const quote = adapter.quoted(copy);
  if (quote) {
    const range = body.ownerDocument.createRange();
    range.setStartBefore(quote);
    range.setEnd(copy, copy.childNodes.length);
    range.deleteContents();
  }
  for (let signature = adapter.signature(copy); signature; signature = adapter.signature(copy)) signature.remove();
  return copy;
}

/** The subject and the text the user wrote, ready to become a template. */
export function draftText(adapter: MailAdapter, compose: Compose, selection: Range | null): DraftText {
  const copy = cleanCopy(adapter, compose.body, selection);
  const lostFormatting = !!copy.querySelector('img, table, video, svg');
  const subject = adapter.subjectText(compose);
  return { subject, text: textOf(copy), lostFormatting, fromSelection: !!selection && !selection.collapsed && compose.body.contains(selection.commonAncestorContainer) };
}
