/** Shared settings of the shadow-root UIs Modèles puts in mail pages. */
import a11y from '../a11y.css?inline';
import css from '../styles.css?inline';
import personal from '../personal/personal.css?inline';
import dossiersCss from '../dossiers/dossiers.css?inline';

export const UI_CSS = a11y + css + personal + dossiersCss;

/**
 * Events stopped at our shadow root so that the mail page never sees what is
 * typed or clicked in our UI: Gmail's single-key shortcuts (« c » opens a new
 * message) listen for bubbling keydown on the document.
 */
export const ISOLATED_EVENTS = ['keydown', 'keyup', 'keypress', 'input', 'beforeinput', 'paste', 'copy', 'cut', 'focusin', 'focusout', 'mousedown', 'mouseup', 'click', 'dblclick', 'pointerdown', 'pointerup', 'contextmenu'];

const isMac = /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);

/** How the default shortcut is written in French for this platform (people can change it in the browser). */
export const SHORTCUT_LABEL = isMac ? '⌘+Maj+Espace' : 'Ctrl+Maj+Espace';
