/**
 * What Modèles does in a mail page, whatever the mail client: watch for
 * compose windows, give each a « Modèles » button, and open the palette from
 * the button, from the keyboard command (sent by the background) or from the
 * same shortcut caught in the page. The content scripts only pass the adapter.
 */
import browser from 'webextension-polyfill';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { Compose, MailAdapter } from '../../lib/mail/adapter';
import { CaretTracker } from '../../lib/mail/caret';
import { watchComposes } from '../../lib/mail/watch';
import { isMessage, send, type Responses } from '../../lib/messages';
import type { Values } from '../../lib/render/render';
import { SearchIndex } from '../../lib/search/engine';
import { mark } from '../../lib/search/timing';
import { searchDocs } from '../../lib/packs/library';
import { ComposeButtons } from './buttons';
import { PaletteHost, PaletteSession, type LoadedLibrary } from './session';

/** Ctrl+Shift+Space (⌘+Shift+Space on macOS), the default of the manifest command. */
function isShortcut(e: KeyboardEvent): boolean {
  return (e.ctrlKey || e.metaKey) && e.shiftKey && !e.altKey && (e.code === 'Space' || e.key === ' ');
}

/** The focused element, looking through shadow roots. */
function deepActiveElement(doc: Document): Element | null {
  let el = doc.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el;
}

export function startModeles(ctx: ContentScriptContext, adapter: MailAdapter): void {
  const composes = new Map<HTMLElement, Compose>();
  const caret = new CaretTracker(document, (node) => adapter.composeOf(node, document)?.body ?? null);
  const drafts = new Map<string, Values>();
  const paletteHost = new PaletteHost(ctx);
  let palette: PaletteSession | null = null;
  let library: Promise<LoadedLibrary> | null = null;

  /**
   * The search entries and the prepared index first: the palette can search
   * as soon as they are here. The whole templates (subjects, bodies, fields)
   * follow when the page is idle; picking a template waits for them if needed.
   */
  const loadLibrary = (): Promise<LoadedLibrary> => {
    if (library) return library;
    mark('modeles:library-asked');
    library = send({ type: 'get-search' }).then((search) => {
      mark('modeles:library-received');
      const index = new SearchIndex(searchDocs(search.entries), search.index);
      // The first keystrokes should not pay for the engine's first run: warm it up while the page is idle.
      const warm = () =>
        ctx.requestIdleCallback(
          (idle) => {
            if (!index.warm(() => idle.timeRemaining())) warm();
          },
          { timeout: 5000 },
        );
      warm();
      const full = new Promise<Responses['get-library']>((resolve, reject) => ctx.requestIdleCallback(() => send({ type: 'get-library' }).then(resolve, reject), { timeout: 1000 })).then((lib) => {
        mark('modeles:library-full');
        return lib;
      });
      return { entries: search.entries, index, full };
    });
    library.catch(() => (library = null));
    return library;
  };

  const openPalette = (root: HTMLElement) => {
    const compose = composes.get(root);
    if (!compose) return;
    if (palette && palette.compose.root === root) {
      palette.focus();
      return;
    }
    palette?.close(false);
    caret.capture();
    const session = new PaletteSession({
      host: paletteHost,
      adapter,
      compose,
      savedRange: caret.get(compose.body),
      library: loadLibrary(),
      drafts,
      onClosed: () => {
        if (palette === session) palette = null;
      },
    });
    palette = session;
    void session.open();
  };

  /** The compose the keyboard is in, else the one last typed in. */
  const focusedCompose = (): Compose | null => {
    const active = deepActiveElement(document);
    const body = (active && adapter.composeOf(active, document)?.body) ?? caret.lastFocusedBody();
    return body ? adapter.composeOf(body, document) : null;
  };

  const buttons = new ComposeButtons(ctx, adapter, openPalette);
  const watcher = watchComposes(document, adapter, {
    added(compose) {
      composes.set(compose.root, compose);
      buttons.ensure(compose);
      // Warm up while the user writes, when the page is idle, so the palette opens at once.
      ctx.requestIdleCallback(
        () => {
          void paletteHost.prepare();
          void loadLibrary().catch(() => undefined);
        },
        { timeout: 2000 },
      );
    },
    present(compose) {
      composes.set(compose.root, compose);
      buttons.ensure(compose);
    },
    // Reading isInvalid notices an extension update or removal, which runs the cleanup below.
    alive: () => !ctx.isInvalid,
    removed(root) {
      const compose = composes.get(root);
      composes.delete(root);
      buttons.remove(root);
      if (compose) caret.forget(compose.body);
      if (palette?.compose.root === root) palette.composeGone();
    },
  });

  // The page-level shortcut: Gmail and Outlook stop key events from bubbling, so listen on window, capture phase.
  ctx.addEventListener(
    window,
    'keydown',
    (e) => {
      if (!isShortcut(e) || e.isComposing) return;
      const active = deepActiveElement(document);
      const compose = active && adapter.composeOf(active, document);
      if (!compose) return;
      e.preventDefault();
      e.stopImmediatePropagation();
      openPalette(compose.root);
    },
    { capture: true },
  );

  // A pack installed, updated or switched off in the settings: the next palette loads the new library.
  const onStorage = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && ('packs' in changes || 'builtinEnabled' in changes || 'personal' in changes)) library = null;
  };
  browser.storage.onChanged.addListener(onStorage);

  const onMessage = (message: unknown) => {
    if (!isMessage(message, 'open-palette')) return undefined;
    const compose = focusedCompose();
    if (compose) openPalette(compose.root);
    return undefined;
  };
  browser.runtime.onMessage.addListener(onMessage);

  ctx.onInvalidated(() => {
    browser.runtime.onMessage.removeListener(onMessage);
    browser.storage.onChanged.removeListener(onStorage);
    watcher.stop();
    buttons.removeAll();
    palette?.close(false);
    caret.dispose();
  });
}
