/**
 * Launches Debian's firefox-esr with the built Firefox extension, through
 * puppeteer-core over WebDriver BiDi (no downloaded browser, no geckodriver),
 * as ../shared/research/engineering.md §2.4 verified:
 * - the extension is installed as a temporary add-on (BiDi webExtension.install),
 *   with its content-script hosts granted at install;
 * - Firefox is kept off the network: non-local connections disabled, remote
 *   settings pointed at nothing, and every request that is not a test mailbox
 *   goes to a local proxy that answers 403, so a stray request fails at once;
 * - the test mailboxes are served by request interception, at their real hosts.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { launch, type Browser, type HTTPRequest, type Page } from 'puppeteer-core';
import { gmailResponse, type Served } from '../pages/gmail';
import { OUTLOOK_HOSTS, outlookResponse } from '../pages/outlook';

export const FIREFOX_EXTENSION_DIR = path.resolve(process.env.MODELES_FIREFOX_EXTENSION_DIR ?? '.output/firefox-mv3');
export const FIREFOX = process.env.FIREFOX_BIN ?? '/usr/bin/firefox-esr';

/** Which test mailbox answers a URL, or null (the request is refused). */
export function mailboxResponse(url: URL): Served | null {
  if (url.origin === 'https://mail.google.com') return gmailResponse(url);
  if (OUTLOOK_HOSTS.includes(url.origin)) return outlookResponse(url);
  return null;
}

export interface Firefox {
  browser: Browser;
  extensionId: string;
  /** A new tab whose requests are answered by the test mailboxes (anything else is refused). */
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

/** A proxy that refuses everything: Firefox's own background requests fail fast instead of hanging. */
async function refusingProxy(): Promise<http.Server> {
  const server = http.createServer((_, res) => res.writeHead(403).end());
  server.on('connect', (_req, socket) => socket.end('HTTP/1.1 403 Forbidden\r\n\r\n'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

async function serve(request: HTTPRequest): Promise<void> {
  if (request.isInterceptResolutionHandled()) return;
  let url: URL;
  try {
    url = new URL(request.url());
  } catch {
    await request.abort();
    return;
  }
  if (url.protocol === 'data:' || url.protocol === 'blob:' || url.protocol === 'moz-extension:') return request.continue();
  const served = mailboxResponse(url);
  if (!served) return request.abort();
  return request.respond({ status: served.status, contentType: served.contentType, headers: served.headers ?? {}, body: served.body });
}

export async function launchFirefox(): Promise<Firefox> {
  if (!fs.existsSync(path.join(FIREFOX_EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No built extension in ${FIREFOX_EXTENSION_DIR}: run « npm run build:firefox » first.`);
  }
  if (!fs.existsSync(FIREFOX)) throw new Error(`No Firefox at ${FIREFOX}: « apt-get install firefox-esr », or set FIREFOX_BIN.`);
  const proxy = await refusingProxy();
  const port = (proxy.address() as AddressInfo).port;
  const browser = await launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    defaultViewport: { width: 1400, height: 900 },
    env: { ...process.env, MOZ_DISABLE_NONLOCAL_CONNECTIONS: '1' },
    extraPrefsFirefox: {
      // Content-script hosts granted when the add-on is installed (the ESR 153 default, made explicit).
      'extensions.originControls.grantByDefault': true,
      'services.settings.server': 'data:,#remote-settings-dummy/v1',
      'network.dns.disablePrefetch': true,
      'network.prefetch-next': false,
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': port,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': port,
      'intl.accept_languages': 'fr-FR, fr',
    },
  });
  const extensionId = await browser.installExtension(FIREFOX_EXTENSION_DIR);
  return {
    browser,
    extensionId,
    async newPage() {
      const page = await browser.newPage();
      await page.setRequestInterception(true);
      page.on('request', (request) => void serve(request).catch(() => undefined));
      return page;
    },
    async close() {
      await browser.close();
      proxy.close();
    },
  };
}
