/**
 * Faulty editors for the insertion fault tests, mounted by the Outlook test
 * mailbox instead of roosterjs when the page is opened with ?fault=<kind>.
 * Each misbehaves the way real editors do, so that an insertion strategy
 * "works" without the letter reaching the draft:
 *
 * - eats-paste: cancels every paste event and inserts nothing (what roosterjs
 *   did in Firefox with an event whose data the page could not read);
 * - refuses-exec: eats paste too, and takes back at once any change made by
 *   execCommand (recognised by its input event, which has no inputType in
 *   Chrome and Firefox), like an editor that only accepts its own edits;
 * - rerenders: keeps its text in its own model and, right after any change
 *   it did not make, renders the body again from that model, the way a
 *   framework re-render does. Nothing inserted from outside survives.
 */
export type FaultKind = 'eats-paste' | 'refuses-exec' | 'rerenders';

export interface FaultEditor {
  /** The editor's own idea of its content: its model for `rerenders`, the body's text otherwise. */
  text(): string;
}

export function isFault(kind: string | null): kind is FaultKind {
  return kind === 'eats-paste' || kind === 'refuses-exec' || kind === 'rerenders';
}

function render(body: HTMLElement, lines: string[]): void {
  body.replaceChildren(
    ...lines.map((line) => {
      const div = body.ownerDocument.createElement('div');
      if (line) div.textContent = line;
      else div.append(body.ownerDocument.createElement('br'));
      return div;
    }),
  );
}

export function mountFaultEditor(body: HTMLElement, kind: FaultKind, initialHtml: string): FaultEditor {
  body.innerHTML = initialHtml;
  const domText = () => body.innerText;
  body.addEventListener('paste', (e) => e.preventDefault());
  if (kind === 'eats-paste') return { text: domText };

  if (kind === 'refuses-exec') {
    let accepted = body.innerHTML;
    body.addEventListener('input', (e) => {
      if ((e as InputEvent).inputType) accepted = body.innerHTML;
      else body.innerHTML = accepted;
    });
    return { text: domText };
  }

  // rerenders: the model is the text it was given and what the user types on the keyboard.
  const model = body.innerText.split('\n');
  let rendering = false;
  const observer = new MutationObserver(() => {
    if (rendering) return;
    queueMicrotask(() => {
      rendering = true;
      render(body, model);
      observer.takeRecords();
      rendering = false;
    });
  });
  body.addEventListener('beforeinput', (e) => {
    if (e.inputType !== 'insertText' || !e.data) return;
    e.preventDefault();
    model[model.length - 1] += e.data;
    rendering = true;
    render(body, model);
    observer.takeRecords();
    rendering = false;
  });
  render(body, model);
  observer.observe(body, { childList: true, subtree: true, characterData: true });
  return { text: () => model.join('\n') };
}
