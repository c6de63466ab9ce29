/**
 * Finds compose windows as they come and go. One MutationObserver on the whole
 * document; however many mutations a frame brings (Gmail mutates constantly),
 * at most one scan runs per animation frame. A scan asks the adapter for the
 * composes, tells the caller which are new, which are still there (so it can
 * check its button survived a re-render) and which are gone.
 */
import type { Compose, MailAdapter } from './adapter';

export interface ComposeHandlers {
  added(compose: Compose): void;
  /** Called on every scan for composes already known: re-mount what the page removed. */
  present(compose: Compose): void;
  removed(root: HTMLElement): void;
  /**
   * Asked before each scan: false once the extension was updated or removed
   * under the page (the caller then cleans up, stopping this watcher).
   */
  alive?(): boolean;
}

export interface ComposeWatcher {
  /** Scans now (also called once at start). */
  scan(): void;
  stop(): void;
}

export function watchComposes(doc: Document, adapter: MailAdapter, handlers: ComposeHandlers): ComposeWatcher {
  const known = new Map<HTMLElement, Compose>();
  const view = doc.defaultView!;
  let frame = 0;

  const scan = () => {
    frame = 0;
    if (handlers.alive?.() === false) return;
    const current = adapter.findComposes(doc);
    const roots = new Set(current.map((c) => c.root));
    for (const [root] of known) {
      if (!roots.has(root) || !root.isConnected) {
        known.delete(root);
        handlers.removed(root);
      }
    }
    for (const compose of current) {
      const previous = known.get(compose.root);
      known.set(compose.root, compose);
      if (previous) handlers.present(compose);
      else handlers.added(compose);
    }
  };

  const observer = new view.MutationObserver(() => {
    if (!frame) frame = view.requestAnimationFrame(scan);
  });
  // The document itself, not its root element: a window that is filled by its opener
  // (Outlook's pop-out) may get a new root element after this script started.
  observer.observe(doc, { childList: true, subtree: true });
  scan();

  return {
    scan,
    stop() {
      observer.disconnect();
      if (frame) view.cancelAnimationFrame(frame);
      for (const root of known.keys()) handlers.removed(root);
      known.clear();
    },
  };
}
