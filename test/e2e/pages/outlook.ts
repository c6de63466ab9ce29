/**
 * The Outlook test mailbox: a new-Outlook-like page whose message bodies are
 * real roosterjs editors (outlook-sim.ts, bundled here with esbuild), served at
 * the Outlook hosts. ?hl=en for English labels.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';
import type { BrowserContext } from 'playwright-core';
import type { Lang } from '../../fixtures/fragments';
import { calendarEvent, OUTLOOK_LABELS, outlookCompose, readMessage, replyBody, settingsSignature } from '../../fixtures/outlook';
import { CLIENT, type Served } from './gmail';

const here = path.dirname(fileURLToPath(import.meta.url));

export const OUTLOOK_HOSTS = ['https://outlook.office.com', 'https://outlook.office365.com', 'https://outlook.live.com', 'https://outlook.cloud.microsoft'];

const SUBJECT = 'Facture FA-2026-0142';
const TEXT = 'Bonjour, pouvez-vous me renvoyer la facture ? Merci.';

export const OUTLOOK_STYLE = `
  body { margin: 0; font: 14px 'Segoe UI', Arial, sans-serif; color: #242424; background: #f5f5f5; }
  header { height: 48px; background: #0f6cbd; color: #fff; display: flex; align-items: center; padding: 0 16px; font-weight: 600; }
  .layout { display: flex; }
  nav { width: 220px; padding: 12px; } nav button { display: block; margin-bottom: 8px; }
  .list { width: 300px; background: #fff; border-right: 1px solid #e0e0e0; min-height: 700px; padding: 8px; }
  #main { flex: 1; background: #fff; margin: 8px; padding: 16px; border-radius: 6px; min-height: 680px; }
  .fui-Button { padding: 5px 12px; border: 1px solid #d1d1d1; border-radius: 4px; background: #fff; cursor: pointer; margin-right: 4px; }
  .fui-SplitButton { display: inline-flex; } .fui-SplitButton__primaryActionButton { background: #0f6cbd; color: #fff; border-color: #0f6cbd; }
  .action-row { display: flex; align-items: center; gap: 4px; padding: 6px 0; }
  .subject-row[hidden] { display: none; }
  .well-row, .subject-row { display: flex; gap: 8px; align-items: center; border-bottom: 1px solid #e0e0e0; padding: 6px 0; }
  .well { flex: 1; min-height: 24px; outline: none; } .chip { background: #ebf3fc; border-radius: 10px; padding: 1px 8px; margin-right: 4px; }
  .subject-row input { flex: 1; border: 0; font-size: 15px; outline: none; }
  .editor { min-height: 260px; padding: 12px 0; outline: none; font: 11pt Calibri, Arial, sans-serif; }
  .read-body { padding: 8px 0 16px; border-bottom: 1px solid #e0e0e0; }
  [data-app-section="Form_Content"] { padding: 16px; background: #fff; }
`;

const tpl = (id: string, html: string) => `<template id="${id}">${html}</template>`;

export function outlookPage(lang: Lang): string {
  const t = OUTLOOK_LABELS[lang];
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><title>${t.inbox} - Claire Martin - Outlook</title><style id="owa-style">${OUTLOOK_STYLE}</style></head>
<body>
<header>Outlook</header>
<div class="layout">
 <nav><button type="button" class="fui-Button" data-sim="new"><i data-icon-name="ComposeRegular"></i>${t.newMail}</button>
  <button type="button" class="fui-Button" data-sim="calendar">${t.calendar}</button><button type="button" class="fui-Button" data-sim="settings">${t.settings}</button></nav>
 <div class="list" role="listbox" aria-label="${t.inbox}"><div role="option" aria-selected="true">${CLIENT.name} — ${SUBJECT}</div></div>
 <div id="main" role="main" data-app-section="MailReadCompose" aria-label="${t.readingPane}">${readMessage(lang, CLIENT, SUBJECT, TEXT)}</div>
</div>
${tpl('tpl-new', outlookCompose({ id: 'TPLID', lang }))}
${tpl('tpl-reply', outlookCompose({ id: 'TPLID', lang, hideSubject: true, subject: `RE: ${SUBJECT}`, recipients: [CLIENT], body: replyBody(lang, CLIENT, SUBJECT, TEXT) }))}
${tpl('tpl-calendar', calendarEvent(lang))}
${tpl('tpl-settings', settingsSignature(lang))}
<script src="/_sim/outlook.js"></script>
</body></html>`;
}

let bundle: string | null = null;
/** outlook-sim.ts and roosterjs as one script (built once per test run). */
export function outlookSimScript(): string {
  bundle ??= buildSync({ entryPoints: [path.join(here, 'outlook-sim.ts')], bundle: true, write: false, format: 'iife', target: 'es2022', minify: true }).outputFiles[0]!.text;
  return bundle;
}

/** The Outlook test mailbox's answer for a URL at an Outlook host (?hl=en for English, ?fault=… for a faulty editor). */
export function outlookResponse(url: URL): Served {
  if (url.pathname === '/_sim/outlook.js') return { status: 200, contentType: 'text/javascript', body: outlookSimScript() };
  return { status: 200, contentType: 'text/html; charset=utf-8', body: outlookPage(url.searchParams.get('hl') === 'en' ? 'en' : 'fr') };
}

/** Serves the Outlook test mailbox at every Outlook host of the context. */
export async function serveOutlook(context: BrowserContext): Promise<void> {
  for (const host of OUTLOOK_HOSTS) {
    await context.route(`${host}/**`, async (route) => {
      const served = outlookResponse(new URL(route.request().url()));
      await route.fulfill({ status: served.status, contentType: served.contentType, body: served.body });
    });
  }
}
