/**
 * « Enregistrer ce brouillon comme modèle » from a compose window: the draft
 * read through the adapter (subject, text without signature and quoted
 * message, or the selection), and the background calls that check, save and
 * hand the draft over to the settings page's editor.
 */
import browser from 'webextension-polyfill';
import type { SaveDraftOffer } from '../Palette';
import type { Compose, MailAdapter } from '../../lib/mail/adapter';
import { draftText } from '../../lib/mail/draft-text';
import { draftFromMail } from '../../lib/personal/draft-model';
import type { CheckReply, PersonalMessage, SaveReply } from '../../lib/personal/messages';
import type { CompileContext } from '../../lib/templates/compile';

const ask = <T>(message: PersonalMessage) => browser.runtime.sendMessage(message) as Promise<T>;

export const personalApi: SaveDraftOffer['api'] = {
  catalogue: () => ask<CompileContext>({ type: 'personal-catalogue' }),
  check: (draft) => ask<CheckReply>({ type: 'personal-check', draft }),
  save: (draft) => ask<SaveReply>({ type: 'personal-save', draft }),
  openEditor: (draft) => ask({ type: 'personal-open-editor', draft }),
};

/** The short form as the user left it, per compose window, until the page reloads. */
const kept = new WeakMap<HTMLElement, ReturnType<SaveDraftOffer['start']>>();

export function saveDraftOffer(adapter: MailAdapter, compose: Compose, selection: Range | null): SaveDraftOffer {
  const selected = !!selection && !selection.collapsed && !!selection.toString().trim();
  return {
    label: selected ? 'Enregistrer la sélection comme modèle' : 'Enregistrer ce brouillon comme modèle',
    start(fresh = false) {
      const previous = kept.get(compose.root);
      if (previous && !fresh) return { ...previous, resumed: true };
      const read = draftText(adapter, compose, selected ? selection : null);
      const started = { draft: draftFromMail(read.subject, read.text), fromSelection: read.fromSelection, lostFormatting: read.lostFormatting, resumed: false };
      kept.delete(compose.root);
      return started;
    },
    keep(draft) {
      const previous = kept.get(compose.root);
      if (!draft) kept.delete(compose.root);
      else kept.set(compose.root, { draft, fromSelection: previous?.fromSelection ?? selected, lostFormatting: previous?.lostFormatting ?? false, resumed: true });
    },
    api: personalApi,
  };
}
