/**
 * One open palette, anchored to one compose window: loads what the form needs,
 * renders the Palette view, and on « Insérer » puts the text in the draft at the
 * caret the user had. The draft is only touched here, through the adapter.
 */
import { render as renderView } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import type { Landing, SubjectState } from '../FieldForm';
import type { Unsaved } from '../LetterRescue';
import { Palette, type PaletteProps } from '../Palette';
import type { Compose, InsertResult, MailAdapter } from '../../lib/mail/adapter';
import { insertionRange, lineBefore, placeCaret } from '../../lib/mail/caret';
import { SENDER_TYPE_FIELD } from '../../lib/render/computed';
import { parseGreeting } from '../../lib/render/greeting';
import { cleanName, surnameOf } from '../../lib/render/names';
import { activeFields, defaultValue, render, signsAsPerson, type Values } from '../../lib/render/render';
import type { SearchIndex } from '../../lib/search/engine';
import { send } from '../../lib/messages';
import { rememberedFor, SHARED_REMEMBERED, type Profile, type RememberedProfiles, type SenderBlockSetting } from '../../lib/remembered';
import type { Template } from '../../lib/templates/types';
import type { AssembledLibrary, LibraryTemplate, SearchEntry } from '../../lib/packs/library';
import { ISOLATED_EVENTS, UI_CSS } from './ui';
import { pageTheme } from '../../lib/mail/theme';
import { saveDraftOffer } from './save-draft';
import { DossierLink } from './dossiers';

export interface LoadedLibrary {
  /** What the palette lists and searches, and its index: enough to search. */
  entries: SearchEntry[];
  index: SearchIndex;
  /** The whole templates and each pack's field defaults, asked for after the entries. */
  full: Promise<AssembledLibrary>;
}

/** The palette's shadow root, made once per page (and ahead of time) so that opening the palette is immediate. */
export class PaletteHost {
  private creating: Promise<ShadowRootContentScriptUi<HTMLElement>> | null = null;
  ui: ShadowRootContentScriptUi<HTMLElement> | null = null;

  constructor(private readonly ctx: ContentScriptContext) {}

  prepare(): Promise<ShadowRootContentScriptUi<HTMLElement>> {
    this.creating ??= createShadowRootUi<HTMLElement>(this.ctx, {
      name: 'modeles-palette',
      position: 'inline',
      anchor: document.body,
      append: 'last',
      css: UI_CSS,
      isolateEvents: ISOLATED_EVENTS,
      onMount: (container) => container,
      onRemove: (container) => container && renderView(null, container),
    }).then((ui) => (this.ui = ui));
    return this.creating;
  }
}

export interface PaletteDeps {
  host: PaletteHost;
  adapter: MailAdapter;
  compose: Compose;
  /** The caret the user had in the body when the palette opened (null: none). */
  savedRange: Range | null;
  library: Promise<LoadedLibrary>;
  /** Values typed in each template during this page's life, kept when the palette closes. */
  drafts: Map<string, Values>;
  onClosed(): void;
}

const WIDTH = 560;
const WIDE_WIDTH = 880;
/** The palette gets at least this height (or the window's), even if it must cover part of the compose. */
const PREFERRED_HEIGHT = 640;

export const MESSAGES = {
  composeGone:
    'La fenêtre de rédaction a été fermée : le modèle n’a pas été inséré. Vos saisies sont gardées : ouvrez un message et choisissez à nouveau ce modèle pour les retrouver.',
  libraryFailed: 'Les modèles n’ont pas pu être chargés. Rechargez la page de votre messagerie, puis réessayez.',
  insertFailed: 'L’insertion a échoué et votre brouillon n’a pas été modifié. Réessayez, ou rechargez la page de votre messagerie.',
} as const;

export class PaletteSession {
  private ui: ShadowRootContentScriptUi<HTMLElement> | null = null;
  private props: PaletteProps;
  private library: LoadedLibrary | null = null;
  /** The whole templates, once they are here. */
  private full: AssembledLibrary | null = null;
  private remembered: RememberedProfiles = { pro: {}, perso: {}, commun: {} };
  private senderBlock: SenderBlockSetting = 'sans-signature';
  private readonly previousFocus: Element | null;
  private closed = false;
  private readonly cleanups: (() => void)[] = [];
  /** Payment ladder (dossiers) and printed letters. */
  private readonly link: DossierLink;

  constructor(private readonly deps: PaletteDeps) {
    this.link = new DossierLink({ adapter: deps.adapter, compose: deps.compose, templates: () => deps.library.then((l) => l.full).then((f) => f.templates) });
    this.previousFocus = document.activeElement;
    const now = new Date();
    this.props = {
      entries: null,
      templates: null,
      recent: [],
      subject: this.subjectState(),
      error: null,
      busy: false,
      unsaved: null,
      now,
      search: (q) => this.library?.index.search(q, 30) ?? [],
      landing: this.landing(),
      initialValues: (t) => this.initialValues(t, now),
      adjust: (t, name, next) => this.adjust(t, name, next),
      onValuesChange: (t, values) => this.deps.drafts.set(t.uid, values),
      onInsert: (t, values, replace) => void this.insert(t, values, replace),
      onCopy: () => void this.copyUnsaved(),
      onClose: () => this.close(true),
      saveDraft: saveDraftOffer(deps.adapter, deps.compose, deps.savedRange),
    };
  }

  get compose(): Compose {
    return this.deps.compose;
  }

  async open(): Promise<void> {
    const ui = this.deps.host.ui ?? (await this.deps.host.prepare());
    if (this.closed) return;
    this.ui = ui;
    ui.mount();
    this.place();
    this.update({});
    // Focus now, not after Preact's effects: keys typed right after the shortcut must land in the search field.
    this.focus();
    const onPointerDown = (e: Event) => {
      // A letter that could not be inserted stays on screen while the user clicks in the message to paste it.
      if (this.props.unsaved) return;
      if (this.ui && !e.composedPath().includes(this.ui.shadowHost)) this.close(false);
    };
    const onResize = () => this.place();
    document.addEventListener('pointerdown', onPointerDown, true);
    window.addEventListener('resize', onResize);
    this.cleanups.push(
      () => document.removeEventListener('pointerdown', onPointerDown, true),
      () => window.removeEventListener('resize', onResize),
    );
    try {
      // The dossiers' offers come when ready: the palette never waits for them.
      const offers = this.link.load();
      const [library, { recent, remembered, senderBlock }] = await Promise.all([this.deps.library, send({ type: 'get-preferences' })]);
      this.library = library;
      this.remembered = remembered;
      this.senderBlock = senderBlock;
      this.update({ entries: library.entries, recent, landing: this.landing(), print: this.link.printBridge });
      library.full.then(
        (full) => {
          this.full = full;
          this.update({ templates: full.templates });
        },
        () => this.update({ error: MESSAGES.libraryFailed }),
      );
      void offers.then((setAside) => this.update({ dossiers: this.link.dossierBridge, ...(setAside.length && { error: setAside.join(' ') }) }));
    } catch {
      this.update({ entries: [], error: MESSAGES.libraryFailed });
    }
  }

  /** Brings the focus back into an already open palette. */
  focus(): void {
    this.ui?.uiContainer.querySelector<HTMLElement>('input, select, textarea, button')?.focus();
  }

  /** The compose window went away while the palette was open: say so, keep what was typed. */
  composeGone(): void {
    this.update({ error: MESSAGES.composeGone, subject: { kind: 'hidden' } });
  }

  close(restoreCaret: boolean): void {
    if (this.closed) return;
    this.closed = true;
    for (const cleanup of this.cleanups) cleanup();
    this.ui?.remove();
    this.ui = null;
    if (restoreCaret) this.restoreFocus();
    this.deps.onClosed();
  }

  private restoreFocus(): void {
    const { body } = this.deps.compose;
    const range = this.deps.savedRange;
    if (body.isConnected && range && body.contains(range.startContainer)) placeCaret(body, range);
    else if (this.previousFocus instanceof HTMLElement && this.previousFocus.isConnected) this.previousFocus.focus({ preventScroll: true });
  }

  private update(patch: Partial<PaletteProps>): void {
    this.props = { ...this.props, ...patch };
    if (this.ui && !this.closed) renderView(<Palette {...this.props} />, this.ui.uiContainer);
  }

  /** Fixed position next to the compose body, inside the window. */
  private place(): void {
    if (!this.ui) return;
    this.ui.shadowHost.dataset.theme = pageTheme(this.deps.compose.body);
    const rect = this.deps.compose.body.getBoundingClientRect();
    const wide = window.innerWidth >= WIDE_WIDTH + 32;
    const width = Math.min(wide ? WIDE_WIDTH : WIDTH, window.innerWidth - 16);
    // Right-aligned with the compose when it sits on the right (Gmail's popup), else left-aligned.
    const anchorLeft = rect.right > window.innerWidth / 2 ? rect.right - width : rect.left;
    const left = Math.max(8, Math.min(anchorLeft, window.innerWidth - width - 8));
    const height = Math.min(PREFERRED_HEIGHT, window.innerHeight - 16);
    const top = Math.max(8, Math.min(rect.top, window.innerHeight - height - 8));
    const container = this.ui.uiContainer;
    container.style.cssText = `position:fixed;top:${top}px;left:${left}px;width:${width}px;z-index:2147483000;--max-height:${window.innerHeight - top - 8}px;`;
    container.dataset.wide = String(wide);
  }

  private subjectState(): SubjectState {
    const input = this.deps.adapter.visibleSubject(this.deps.compose);
    if (!input) return { kind: 'hidden' };
    return input.value.trim() ? { kind: 'filled', current: input.value.trim() } : { kind: 'empty' };
  }

  /** Where the caret is in the draft: the greeting typed just before it, and whether a signature follows. */
  private landing(): Landing {
    const { body } = this.deps.compose;
    const saved = this.deps.savedRange && body.contains(this.deps.savedRange.startContainer) ? this.deps.savedRange : null;
    const signatureElement = this.deps.adapter.signature(body);
    const signature = !!signatureElement?.textContent?.trim();
    const senderBlock = this.senderBlock === 'toujours' || (this.senderBlock === 'sans-signature' && !signature);
    const greeting = saved ? parseGreeting(lineBefore(body, saved)) : null;
    return { senderBlock, signature, greeting: greeting?.line ?? null };
  }

  private profile(template: Template, values: Values): Profile {
    return signsAsPerson(template, values) ? 'perso' : 'pro';
  }

  /** « Vous écrivez » changed: the sender fields follow the other profile, typed values of the first are kept for it. */
  private adjust(template: Template, name: string, next: Values): Values {
    if (name !== SENDER_TYPE_FIELD) return next;
    const remembered = rememberedFor(this.remembered, this.profile(template, next));
    const out = { ...next };
    for (const field of template.fields) if (field.remember && field.group === 'expediteur' && !SHARED_REMEMBERED.includes(field.name)) out[field.name] = remembered[field.name] ?? '';
    return out;
  }

  private initialValues(template: LibraryTemplate, now: Date): Values {
    const values: Values = {};
    const recipient = this.deps.adapter.recipients(this.deps.compose)[0];
    const packDefaults = this.full?.defaults[template.packId] ?? {};
    const remembered = rememberedFor(this.remembered, this.profile(template, { [SENDER_TYPE_FIELD]: this.remembered.commun[SENDER_TYPE_FIELD] ?? '' }));
    const body = this.deps.compose.body;
    const saved = this.deps.savedRange && body.contains(this.deps.savedRange.startContainer) ? this.deps.savedRange : null;
    const greeting = saved ? parseGreeting(lineBefore(body, saved)) : null;
    for (const field of template.fields) {
      values[field.name] = packDefaults[field.name] ?? defaultValue(field, now);
      if (field.remember && remembered[field.name]) values[field.name] = remembered[field.name]!;
      if (recipient && field.source === 'recipient-surname' && surnameOf(recipient.name)) values[field.name] = surnameOf(recipient.name);
      if (recipient && field.source === 'recipient-name' && cleanName(recipient.name)) values[field.name] = cleanName(recipient.name);
      if (recipient && field.source === 'recipient-email' && recipient.email) values[field.name] = recipient.email;
    }
    // The greeting already typed decides the appel, so that the closing repeats it.
    if (greeting?.civilite && template.fields.some((f) => f.name === 'civilite')) values.civilite = greeting.civilite;
    if (greeting?.nom && template.fields.some((f) => f.name === 'destinataire_nom')) values.destinataire_nom = greeting.nom;
    return { ...values, ...this.deps.drafts.get(template.uid) };
  }

  private async insert(template: LibraryTemplate, values: Values, replaceSubject: boolean): Promise<void> {
    const { adapter, compose } = this.deps;
    if (!compose.root.isConnected || !compose.body.isConnected) {
      this.composeGone();
      return;
    }
    this.update({ busy: true, error: null, unsaved: null });
    let rendered: ReturnType<typeof render>;
    const landing = this.landing();
    try {
      rendered = render(template, values, new Date(), { senderBlock: landing.senderBlock, greeting: !landing.greeting });
    } catch {
      this.update({ busy: false, error: MESSAGES.insertFailed });
      return;
    }
    let result: InsertResult;
    try {
      const saved = this.deps.savedRange && compose.body.contains(this.deps.savedRange.startContainer) ? this.deps.savedRange : null;
      placeCaret(compose.body, insertionRange(compose.body, saved, adapter.signature(compose.body)));
      result = await adapter.insert(compose, rendered.html, rendered.text);
    } catch {
      result = { ok: false, tried: [] };
    }
    if (!result.ok) {
      // Nothing in the draft: the form stays open with its values, and the user gets the letter.
      await this.giveBack({ text: rendered.text, subject: rendered.subject, copied: null });
      return;
    }
    const subject = adapter.visibleSubject(compose);
    if (subject && (!subject.value.trim() || replaceSubject)) adapter.setSubject(subject, rendered.subject);
    this.deps.drafts.delete(template.uid);
    // Only what the form showed: a sender field hidden by the draft's signature keeps its remembered value.
    const shown = activeFields(template, values, { senderBlock: landing.senderBlock });
    const remembered = Object.fromEntries(shown.filter((f) => f.remember).map((f) => [f.name, values[f.name] ?? '']));
    await Promise.all([send({ type: 'template-used', uid: template.uid, remember: remembered, profile: this.profile(template, values) }), this.link.record(template, values)]).catch(() => undefined);
    this.close(false);
  }

  /** Shows the letter that could not be inserted and copies it, still within the click or Ctrl+Entrée that asked for it. */
  private async giveBack(unsaved: Unsaved): Promise<void> {
    this.update({ busy: false, unsaved });
    const copied = await copyToClipboard(unsaved.text);
    if (this.props.unsaved === unsaved) this.update({ unsaved: { ...unsaved, copied: copied || null } });
  }

  /** « Copier la lettre ». */
  private async copyUnsaved(): Promise<void> {
    const unsaved = this.props.unsaved;
    if (!unsaved) return;
    const copied = await copyToClipboard(unsaved.text);
    this.update({ unsaved: { ...unsaved, copied } });
  }
}

/** Writes text to the clipboard from the user's gesture (no clipboardWrite permission needed); false when the browser refuses. */
async function copyToClipboard(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
