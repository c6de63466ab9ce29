/**
 * No letter is ever silently lost: the same fault tests in Chrome
 * (insertion-faults.e2e.ts) and Firefox (firefox/faults.firefox.ts), on the
 * Outlook test mailbox with a faulty editor in place of roosterjs
 * (pages/fault-editors.ts). Either the letter reaches the draft — read back
 * from the editor's own model — or the form stays open with what was typed,
 * the user is told in French, and the letter is in the clipboard (read back
 * by pasting it, as the user would) and behind « Copier la lettre ».
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { FaultKind } from './pages/fault-editors';
import { text, THANKS_VALUES } from './palette';

/** What the fault tests do through the UI, in one browser or the other. */
export interface FaultTab {
  /** Opens a new message in the mailbox and waits for its « Modèles » button; returns the compose id. */
  newMessage(): Promise<string>;
  /** « Modèles », the thanks-for-payment template, its values. */
  fillThanks(id: string): Promise<void>;
  clickPaletteButton(name: 'Insérer' | 'Copier la lettre'): Promise<void>;
  paletteOpen(): Promise<boolean>;
  alertText(): Promise<string>;
  fieldValue(label: string): Promise<string>;
  subject(id: string): Promise<string>;
  /** The editor's own content: its model for the editor that re-renders. */
  model(id: string): Promise<string>;
  /** Pastes the clipboard with Ctrl+V in a text area of the page (outside the draft) and returns what arrived. */
  pasteElsewhere(): Promise<string>;
  /** Puts other text in the clipboard (copied with Ctrl+C from a text area of the page). */
  copyElsewhere(value: string): Promise<void>;
  close(): Promise<void>;
}

const LETTER_START = 'Bonjour Madame Durand,';
const LETTER_MIDDLE = 'Nous avons bien reçu le 20 novembre 2026 votre règlement de 1 250,00 € par virement';
/** Strategies that wait for the editor take a second or more: longer than expect.poll's default. */
const WAIT = { timeout: 10_000 };
const copies = (haystack: string, needle: string) => haystack.split(needle).length - 1;

export function insertionFaultTests(open: (fault: FaultKind) => Promise<FaultTab>): void {
  let opened: FaultTab | undefined;
  afterEach(async () => {
    await opened?.close();
    opened = undefined;
  });

  async function insertInto(fault: FaultKind): Promise<{ tab: FaultTab; id: string }> {
    const tab = await open(fault);
    opened = tab;
    const id = await tab.newMessage();
    await tab.fillThanks(id);
    await tab.clickPaletteButton('Insérer');
    return { tab, id };
  }

  describe('an editor that cancels paste events and inserts nothing', () => {
    it('the letter reaches the draft by the next strategy, once', async () => {
      const { tab, id } = await insertInto('eats-paste');
      await expect.poll(() => tab.paletteOpen(), WAIT).toBe(false);
      const content = text(await tab.model(id));
      expect(copies(content, LETTER_START)).toBe(1);
      expect(content).toContain(LETTER_MIDDLE);
      expect(await tab.subject(id)).toMatch(/^Merci pour votre règlement/);
    });
  });

  describe('an editor that refuses execCommand (takes back at once what it did)', () => {
    it('the letter reaches the draft by the DOM, once', async () => {
      const { tab, id } = await insertInto('refuses-exec');
      await expect.poll(() => tab.paletteOpen(), WAIT).toBe(false);
      const content = text(await tab.model(id));
      expect(copies(content, LETTER_START)).toBe(1);
      expect(content).toContain(LETTER_MIDDLE);
    });
  });

  describe('an editor that re-renders its content from its own model right after an insertion', () => {
    it('nothing is reported inserted: the form stays open with its values, the user is told in French, the letter is in the clipboard and behind « Copier la lettre »', async () => {
      const { tab, id } = await insertInto('rerenders');
      await expect.poll(() => tab.alertText(), WAIT).toMatch(/La lettre n’a pas pu être insérée/);
      expect(await tab.paletteOpen()).toBe(true);
      const alert = await tab.alertText();
      expect(alert).toMatch(/Vos saisies sont gardées/);
      expect(alert).toMatch(/copiée dans le presse-papiers.*collez-la \(Ctrl\+V\)/);
      expect(await tab.fieldValue('N° de facture')).toBe(THANKS_VALUES['N° de facture']);
      expect(await tab.fieldValue('Nom du destinataire')).toBe(THANKS_VALUES['Nom du destinataire']);
      // The draft and the subject are as they were: no half-done insertion.
      expect(text(await tab.model(id))).not.toContain(LETTER_START);
      expect(await tab.subject(id)).toBe('');

      const pasted = text(await tab.pasteElsewhere());
      expect(pasted.startsWith(LETTER_START)).toBe(true);
      expect(pasted).toContain(LETTER_MIDDLE);
      expect(pasted).toMatch(/Bien cordialement,\n\nClaire Martin$/);

      // The clipboard holds something else now: « Copier la lettre » puts the letter back.
      await tab.copyElsewhere('autre chose');
      expect(await tab.pasteElsewhere()).toBe('autre chose');
      expect(await tab.paletteOpen()).toBe(true);
      await tab.clickPaletteButton('Copier la lettre');
      await expect.poll(async () => text(await tab.pasteElsewhere()), WAIT).toBe(pasted);
    });
  });
}
