/**
 * A small stand-in for Outlook's own scripts in the test mailbox, bundled with
 * the real roosterjs editor: every message body is a roosterjs editor (with
 * its default plugins: paste, edit, shortcuts — Ctrl+Z included), the subject
 * is a controlled input that a re-render resets to the app's state, unless an
 * input event told the app about the change, as React does. Opening a message
 * in a new window creates an about:blank window and fills it from here, as
 * Outlook does.
 */
import { createEditor, createModelFromHtml, exportContent, type IEditor } from 'roosterjs';
import { isFault, mountFaultEditor, type FaultEditor } from './fault-editors';

interface Sim {
  newMessage(): string;
  reply(): string;
  popout(id?: string): Promise<string>;
  rerender(id: string): void;
  openCalendar(): void;
  openSettings(): void;
  html(id: string): string;
  text(id: string): string;
  subjectState(id: string): string;
}

const editors = new Map<string, IEditor>();
const faulty = new Map<string, FaultEditor>();
/** ?fault=<kind>: the messages get a faulty editor instead of roosterjs (fault-editors.ts). */
const fault = new URLSearchParams(location.search).get('fault');
const popups: Window[] = [];
const subjects = new Map<string, string>();
let next = 1;

function clone(doc: Document, templateId: string, composeId: string): DocumentFragment {
  const template = document.getElementById(templateId) as HTMLTemplateElement;
  const node = doc.importNode(template.content, true);
  for (const el of node.querySelectorAll('*')) {
    for (const attr of ['id', 'data-sim-compose']) {
      const value = el.getAttribute(attr);
      if (value?.includes('TPLID')) el.setAttribute(attr, value.replaceAll('TPLID', composeId));
    }
  }
  return node;
}

/** Mounts a compose: roosterjs on its body, the subject as controlled state. */
function mount(container: Element, templateId: string, prefix: string): string {
  const id = `${prefix}${next++}`;
  const doc = container.ownerDocument;
  container.append(clone(doc, templateId, id));
  const body = doc.getElementById(`${id}-body`) as HTMLDivElement;
  // Outlook gives the editor its initial content (signature, quoted message) as a content model.
  const initial = body.innerHTML;
  body.replaceChildren();
  if (isFault(fault)) faulty.set(id, mountFaultEditor(body, fault, initial));
  else editors.set(id, createEditor(body, [], createModelFromHtml(initial)));
  const input = doc.querySelector<HTMLInputElement>(`#MSG_${id}_SUBJECT input`)!;
  subjects.set(id, input.value);
  input.addEventListener('input', () => subjects.set(id, input.value));
  return id;
}

function main(): HTMLElement {
  return document.getElementById('main')!;
}

const sim: Sim = {
  newMessage() {
    main().replaceChildren();
    return mount(main(), 'tpl-new', 'n');
  },
  reply() {
    main().querySelector('[data-sim-compose]')?.remove();
    return mount(main(), 'tpl-reply', 'r');
  },
  async popout(from) {
    const popup = window.open('about:blank', `owa-popout-${next}`, 'popup,width=1000,height=760')!;
    // Outlook writes the window's content from the opener once it exists.
    await new Promise((r) => setTimeout(r, 50));
    const doc = popup.document;
    doc.title = document.documentElement.lang === 'en' ? 'New mail' : 'Nouveau message';
    const style = doc.createElement('style');
    style.textContent = document.getElementById('owa-style')!.textContent;
    doc.head.append(style);
    const form = doc.createElement('div');
    form.setAttribute('data-app-section', 'Form_Content');
    doc.body.append(form);
    if (from) document.querySelector(`[data-sim-compose="${from}"]`)?.remove();
    const id = mount(form, 'tpl-new', 'p');
    (popup as unknown as { owaSim: Sim }).owaSim = sim;
    popups.push(popup);
    return id;
  },
  rerender(id) {
    const input = document.querySelector<HTMLInputElement>(`#MSG_${id}_SUBJECT input`) ?? findInPopups(id);
    if (input) input.value = subjects.get(id) ?? '';
  },
  openCalendar() {
    main().replaceChildren(clone(document, 'tpl-calendar', 'cal'));
    createEditor(main().querySelector('.editor') as HTMLDivElement);
  },
  openSettings() {
    main().replaceChildren(clone(document, 'tpl-settings', 'set'));
    createEditor(main().querySelector('.editor') as HTMLDivElement);
  },
  html: (id) => exportContent(editors.get(id)!, 'HTML'),
  text: (id) => faulty.get(id)?.text() ?? exportContent(editors.get(id)!, 'PlainText'),
  subjectState: (id) => subjects.get(id) ?? '',
};

function findInPopups(id: string): HTMLInputElement | null {
  for (const w of popups) {
    const input = w.document.querySelector<HTMLInputElement>(`#MSG_${id}_SUBJECT input`);
    if (input) return input;
  }
  return null;
}
(window as unknown as { owaSim: Sim }).owaSim = sim;

document.addEventListener('click', (e) => {
  const target = (e.target as Element).closest<HTMLElement>('[data-sim]');
  if (!target) return;
  const compose = target.closest<HTMLElement>('[data-sim-compose]')?.dataset.simCompose;
  switch (target.dataset.sim) {
    case 'new':
      sim.newMessage();
      break;
    case 'reply':
      sim.reply();
      break;
    case 'popout':
      void sim.popout(compose);
      break;
    case 'calendar':
      sim.openCalendar();
      break;
    case 'settings':
      sim.openSettings();
      break;
  }
});
