/**
 * One « Modèles » button per compose window, kept in place: Gmail re-renders
 * its toolbar when a compose is minimised, maximised or moved, so every scan
 * checks the button is still where it was put and mounts it again if not.
 */
import { render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import { ModelesButton } from '../ModelesButton';
import { HOST_ATTRIBUTE, type Compose, type MailAdapter } from '../../lib/mail/adapter';
import { ISOLATED_EVENTS, SHORTCUT_LABEL, UI_CSS } from './ui';
import { pageTheme } from '../../lib/mail/theme';

interface ButtonState {
  /** The element we placed in the page (toolbar cell or floating host). */
  host: HTMLElement | null;
  ui: ShadowRootContentScriptUi<HTMLElement> | null;
  floating: boolean;
  pending: boolean;
}

export class ComposeButtons {
  private readonly states = new Map<HTMLElement, ButtonState>();

  constructor(
    private readonly ctx: ContentScriptContext,
    private readonly adapter: MailAdapter,
    private readonly onOpen: (root: HTMLElement) => void,
  ) {}

  /** Mounts the button of a compose if it is missing or misplaced. Idempotent. */
  ensure(compose: Compose): void {
    const state = this.states.get(compose.root);
    if (state?.pending) return;
    if (state && this.inPlace(compose, state)) return;
    void this.mount(compose);
  }

  private inPlace(compose: Compose, state: ButtonState): boolean {
    if (!state.host?.isConnected || !compose.root.contains(state.host) || !state.ui?.shadowHost.isConnected) return false;
    const toolbar = this.adapter.toolbar(compose);
    // A floating button gives way to the toolbar as soon as the toolbar shows up.
    return state.floating ? !toolbar : !!toolbar?.contains(state.host);
  }

  private async mount(compose: Compose): Promise<void> {
    const { root } = compose;
    const previous = this.states.get(root);
    this.states.set(root, { host: null, ui: null, floating: false, pending: true });
    previous?.ui?.remove();
    for (const stale of root.querySelectorAll(`[${HOST_ATTRIBUTE}]`)) stale.remove();

    const cell = this.adapter.placeButtonHost(compose);
    const floating = !cell;
    try {
      const ui = await createShadowRootUi<HTMLElement>(this.ctx, {
        name: 'modeles-button',
        position: 'inline',
        anchor: cell ?? compose.body,
        append: cell ? 'last' : 'after',
        css: UI_CSS,
        isolateEvents: ISOLATED_EVENTS,
        onMount: (container) => {
          render(<ModelesButton shortcut={SHORTCUT_LABEL} floating={floating} onOpen={() => this.onOpen(root)} />, container);
          return container;
        },
        onRemove: (container) => container && render(null, container),
      });
      if (this.states.get(root)?.pending !== true || !root.isConnected) {
        cell?.remove();
        return;
      }
      ui.mount();
      ui.shadowHost.dataset.theme = pageTheme(compose.body);
      if (floating) ui.shadowHost.setAttribute(HOST_ATTRIBUTE, '');
      this.states.set(root, { host: cell ?? ui.shadowHost, ui, floating, pending: false });
    } catch {
      cell?.remove();
      this.states.delete(root);
    }
  }

  remove(root: HTMLElement): void {
    const state = this.states.get(root);
    this.states.delete(root);
    state?.ui?.remove();
    state?.host?.remove();
    for (const el of root.querySelectorAll(`[${HOST_ATTRIBUTE}]`)) el.remove();
  }

  removeAll(): void {
    for (const root of Array.from(this.states.keys())) this.remove(root);
  }
}
