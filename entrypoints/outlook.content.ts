/**
 * Outlook on the web. Also runs in the about:blank window a message opens in
 * (« ouvrir dans une nouvelle fenêtre »), which its opener fills: that window
 * has no host name of its own, so the adapter finds composes by DOM markers.
 */
import { defineContentScript } from 'wxt/utils/define-content-script';
import { startModeles } from '../components/compose/start';
import { outlook } from '../lib/mail/outlook';

export default defineContentScript({
  matches: ['https://outlook.office.com/*', 'https://outlook.office365.com/*', 'https://outlook.live.com/*', 'https://outlook.cloud.microsoft/*'],
  matchAboutBlank: true,
  allFrames: true,
  runAt: 'document_idle',
  cssInjectionMode: 'manual',
  main(ctx) {
    // Top-level documents only: the mail page and the pop-out windows it opens; not its iframes.
    if (window.top !== window) return;
    startModeles(ctx, outlook);
  },
});
