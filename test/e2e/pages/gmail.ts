/**
 * The test mailbox: a Gmail-like page with an inbox, an open thread and the
 * compose DOM of test/fixtures/gmail, served at https://mail.google.com/ with
 * Gmail's Trusted Types header. Used by the end-to-end tests and the demo.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext } from 'playwright-core';
import { GMAIL_LABELS, inlineReply, popupCompose, settingsPage, SIGNATURE, type Lang, type Person } from '../../fixtures/gmail';

const here = path.dirname(fileURLToPath(import.meta.url));

export const CLIENT: Person = { name: 'Jean Dupont', email: 'jean.dupont@client-exemple.fr' };

/** Gmail's own header: scripts may not assign HTML strings to the DOM. */
export const GMAIL_CSP = "require-trusted-types-for 'script'";

const STYLE = `
  body { margin: 0; font: 14px Roboto, Arial, sans-serif; background: #f6f8fc; color: #1f1f1f; }
  header { height: 56px; display: flex; align-items: center; gap: 24px; padding: 0 16px; }
  header .logo { font-size: 22px; color: #444; width: 220px; }
  header input { width: 560px; padding: 12px 16px; border: 0; border-radius: 24px; background: #eaf1fb; }
  .layout { display: flex; }
  nav { width: 240px; padding: 8px; }
  nav .compose { display: inline-block; padding: 18px 24px; border-radius: 16px; background: #c2e7ff; font-weight: 500; cursor: pointer; }
  nav ul { list-style: none; padding: 0; } nav li { padding: 6px 24px; border-radius: 0 16px 16px 0; } nav li.on { background: #d3e3fd; font-weight: 600; }
  #main { flex: 1; margin: 0 16px 16px 0; padding: 16px 24px; background: #fff; border-radius: 16px; min-height: 640px; }
  .hP { font-size: 22px; font-weight: 400; margin: 8px 0 16px; }
  .gs { padding: 8px 0 16px; border-bottom: 1px solid #eee; } .gD { font-weight: 600; } .go { color: #5f6368; }
  .reply-bar span { display: inline-block; margin: 16px 8px 0 0; padding: 8px 20px; border: 1px solid #747775; border-radius: 18px; cursor: pointer; }
  .ip.adB { margin-top: 16px; border: 1px solid #dadce0; border-radius: 8px; padding: 8px; box-shadow: 0 1px 3px rgb(0 0 0 / 15%); }
  .dw { position: fixed; right: 16px; bottom: 0; z-index: 5; }
  .no { display: flex; flex-direction: row-reverse; align-items: flex-end; gap: 16px; }
  .Hd { width: 540px; background: #fff; border-radius: 8px 8px 0 0; box-shadow: 0 8px 10px 1px rgb(0 0 0 / 14%), 0 3px 14px 2px rgb(0 0 0 / 12%); }
  .Hd.sim-min .aaZ { display: none; }
  .Hy { background: #f2f6fc; border-radius: 8px 8px 0 0; padding: 8px 12px; }
  .Ht { width: 100%; } .aYF { font-size: 14px; font-weight: 500; } .Hm { text-align: right; }
  .Hm button { width: 20px; height: 20px; margin-left: 6px; border: 0; background: #c4c7c5; border-radius: 4px; cursor: pointer; }
  .aoP { width: 100%; border-collapse: collapse; } .I5 { padding: 0 12px; }
  .anm { display: flex; gap: 8px; align-items: center; border-bottom: 1px solid #eee; padding: 6px 0; }
  .afX { display: inline-block; padding: 2px 8px; border: 1px solid #dadce0; border-radius: 12px; }
  .agP { border: 0; flex: 1; } .aB { color: #444; margin-left: 8px; }
  .aoT { width: 100%; border: 0; border-bottom: 1px solid #eee; padding: 8px 0; font-size: 14px; }
  .Am { outline: none; padding: 8px 0; line-height: 1.5; }
  .iN, .cf.An { width: 100%; }
  .IZ { border-collapse: collapse; } .btC td { padding: 8px 4px; vertical-align: middle; }
  .T-I.aoO { display: inline-block; padding: 8px 24px; border-radius: 18px 0 0 18px; background: #0b57d0; color: #fff; font-weight: 500; cursor: pointer; }
  .T-I.hG { display: inline-block; width: 24px; height: 36px; vertical-align: top; border-radius: 0 18px 18px 0; background: #0b57d0; }
  .wG { display: inline-block; width: 20px; height: 20px; margin: 0 4px; background: #e3e3e3; border-radius: 4px; }
  .aSs[hidden] { display: none; }
  .aSs { position: fixed; inset: 0; background: rgb(0 0 0 / 50%); z-index: 10; display: flex; align-items: center; justify-content: center; }
  .aSt .Hd { width: 80vw; border-radius: 8px; }
  .fN { padding: 16px; } .rc { width: 200px; vertical-align: top; font-weight: 500; padding: 8px; }
  #settings-signature, #settings-vacation { border: 1px solid #ccc; min-height: 80px; width: 480px; padding: 8px; }
`;

export function gmailPage(lang: Lang): string {
  const t = GMAIL_LABELS[lang];
  const fr = lang === 'fr';
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><title>${t.inbox} - claire.martin@example.fr - Gmail</title><style>${STYLE}</style></head>
<body>
<header><div class="logo">Gmail</div><input id="search" aria-label="${t.search}" placeholder="${t.search}"></header>
<div class="layout">
 <nav class="oy8Mbf"><div class="T-I T-I-KE L3 compose" role="button" tabindex="0" data-sim="compose">${t.compose}</div>
  <ul><li class="on">${t.inbox}</li><li>${fr ? 'Messages envoyés' : 'Sent'}</li><li>${fr ? 'Brouillons' : 'Drafts'}</li></ul></nav>
 <div id="main" class="nH bkK">
  <h2 class="hP">${fr ? 'Facture FA-2026-0142' : 'Invoice FA-2026-0142'}</h2>
  <div class="adn ads"><div class="gs">
   <span class="gD" email="${CLIENT.email}" name="${CLIENT.name}">${CLIENT.name}</span> <span class="go">&lt;${CLIENT.email}&gt;</span>
   <div class="ii gt"><div dir="ltr">${fr ? 'Bonjour, pouvez-vous me renvoyer la facture ? Merci.' : 'Hello, could you send me the invoice again? Thanks.'}</div></div>
   <div class="reply-bar"><span role="button" tabindex="0" data-sim="reply">${t.reply}</span></div>
  </div></div>
  <div class="ip iq" id="reply-slot"></div>
 </div>
</div>
<div class="dw"><div class="nH"><div class="nH"><div class="no" id="moles"></div></div></div></div>
<div class="aSs" hidden><div class="aSt" id="fullscreen"></div></div>
<template id="tpl-compose">${popupCompose({ id: 'TPLID', lang, body: SIGNATURE })}</template>
<template id="tpl-reply">${inlineReply({ id: 'TPLID', lang, replyTo: CLIENT, subject: `Re: ${fr ? 'Facture' : 'Invoice'} FA-2026-0142` })}</template>
<template id="tpl-toolbar">${popupCompose({ id: 'x', lang }).match(/<table class="IZ"[\s\S]*?<\/table>/)![0]}</template>
<template id="tpl-settings">${settingsPage(lang)}</template>
<script src="/_sim/gmail.js"></script>
</body></html>`;
}

/** The pop-out compose window (/mail/u/0/popout): body.xE.xp, the compose root is [role=main], no .M9. */
export function gmailPopoutPage(lang: Lang): string {
  const compose = popupCompose({ id: 'popout', lang, recipients: [CLIENT] })
    .replace('class="nH Hd" role="dialog"', 'class="nH Hd"')
    .replace('<div class="M9">', '<div class="aDo">');
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${GMAIL_LABELS[lang].newMessage}</title><style>${STYLE}
  .Hd { width: auto; }</style></head><body class="xE xp"><div role="main" class="nH">${compose}</div></body></html>`;
}

const SIM = fs.readFileSync(path.join(here, 'gmail-sim.js'), 'utf8');

/** One HTTP response of a test mailbox, whichever browser driver serves it. */
export interface Served {
  status: number;
  contentType: string;
  headers?: Record<string, string>;
  body: string;
}

/** The test mailbox's answer for a https://mail.google.com/ URL (?hl=en for English). */
const html = (body: string): Served => ({ status: 200, contentType: 'text/html; charset=utf-8', headers: { 'content-security-policy': GMAIL_CSP }, body });

export function gmailResponse(url: URL): Served {
  const lang: Lang = url.searchParams.get('hl') === 'en' ? 'en' : 'fr';
  if (url.pathname === '/_sim/gmail.js') return { status: 200, contentType: 'text/javascript', body: SIM };
  if (url.pathname.endsWith('/popout')) return html(gmailPopoutPage(lang));
  return html(gmailPage(lang));
}

/** Serves the test mailbox for every https://mail.google.com/ URL of the context. */
export async function serveGmail(context: BrowserContext): Promise<void> {
  await context.route('https://mail.google.com/**', async (route) => {
    const served = gmailResponse(new URL(route.request().url()));
    await route.fulfill({ status: served.status, contentType: served.contentType, headers: served.headers ?? {}, body: served.body });
  });
}
