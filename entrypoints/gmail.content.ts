/** Gmail: the top page only (Gmail's many iframes never hold a compose). */
import { defineContentScript } from 'wxt/utils/define-content-script';
import { startModeles } from '../components/compose/start';
import { gmail } from '../lib/mail/gmail';

export default defineContentScript({
  matches: ['https://mail.google.com/*'],
  excludeMatches: ['https://mail.google.com/mail/mu/*'],
  runAt: 'document_idle',
  cssInjectionMode: 'manual',
  main(ctx) {
    startModeles(ctx, gmail);
  },
});
