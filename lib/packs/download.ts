/**
 * Downloading a pack file over HTTP: conditional (If-None-Match /
 * If-Modified-Since), bounded in time, and telling a busy server (429, 5xx,
 * no answer, with its Retry-After) from other failures, for the schedule.
 * No storage here: the load simulation runs this very code in Node.
 */
import { parseRetryAfter } from './schedule';

export const FETCH_TIMEOUT_MS = 15_000;

/** A French reason why this address cannot be subscribed to, or null. */
export function checkPackUrl(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return `« ${url} » n’est pas une adresse web valide (elle doit commencer par https://).`;
  }
  const local = parsed.hostname === 'localhost' || parsed.hostname === '127.0.0.1' || parsed.hostname === '[::1]';
  if (parsed.protocol === 'https:' || (parsed.protocol === 'http:' && local)) return null;
  return `L’adresse d’un pack doit être en https:// (http:// n’est accepté que pour localhost) : « ${url} ».`;
}

/** The server could not be reached, or did not let the extension read the file (no CORS header, no permission). */
export class PackUnreachable extends Error {}

/** The server is overloaded or failing (429, 5xx, no answer in time): ask again later, after `retryAfterMs` when it said so. */
export class PackServerBusy extends Error {
  constructor(
    message: string,
    readonly retryAfterMs?: number,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

export type Fetcher = (url: string, init: RequestInit) => Promise<Response>;

export type Download = { notModified: true } | { notModified: false; text: string; etag?: string; lastModified?: string };

/** Downloads a pack file, conditionally. Throws an Error with a French message. */
export async function downloadPack(url: string, cache: { etag?: string; lastModified?: string }, fetcher: Fetcher = fetch, timeoutMs = FETCH_TIMEOUT_MS): Promise<Download> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (cache.etag) headers['if-none-match'] = cache.etag;
  if (cache.lastModified) headers['if-modified-since'] = cache.lastModified;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  let response: Response;
  try {
    response = await fetcher(url, { headers, signal: controller.signal, cache: 'no-cache', credentials: 'omit', redirect: 'follow' });
  } catch (e) {
    if (controller.signal.aborted) throw new PackServerBusy(`Le serveur n’a pas répondu en ${timeoutMs / 1000} secondes (${new URL(url).host}).`, undefined, { cause: e });
    throw new PackUnreachable(`Impossible de joindre ${new URL(url).host} : réseau indisponible ou accès refusé (${(e as Error).message}).`, { cause: e });
  } finally {
    clearTimeout(timer);
  }
  if (response.status === 304) return { notModified: true };
  if (!response.ok) {
    const reason =
      { 401: 'accès non autorisé', 403: 'accès refusé', 404: 'introuvable', 410: 'supprimé', 429: 'trop de demandes', 500: 'erreur du serveur', 503: 'service indisponible' }[response.status] ??
      (response.status >= 500 ? 'erreur du serveur' : 'réponse inattendue');
    const message = `Le serveur a répondu ${response.status} (${reason}) pour ${url}.`;
    if (response.status === 429 || response.status >= 500) throw new PackServerBusy(message, parseRetryAfter(response.headers.get('retry-after'), Date.now()));
    throw new Error(message);
  }
  const text = await response.text();
  return {
    notModified: false,
    text,
    ...(response.headers.get('etag') && { etag: response.headers.get('etag')! }),
    ...(response.headers.get('last-modified') && { lastModified: response.headers.get('last-modified')! }),
  };
}
