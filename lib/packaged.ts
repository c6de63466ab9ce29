/**
 * JSON files the build puts in the extension package: the built-in library and
 * the shared field catalogue (see wxt.config.ts).
 */
import browser from 'webextension-polyfill';

export type PackagedJson = '/library.json' | '/catalogue.json';

export async function readPackaged<T>(path: PackagedJson): Promise<T> {
  return (await fetch(browser.runtime.getURL(path))).json() as Promise<T>;
}

/** The same file, read once per extension context; a failed read is tried again on the next call. */
export function packagedOnce<T>(path: PackagedJson): () => Promise<T> {
  let pending: Promise<T> | null = null;
  return () =>
    (pending ??= readPackaged<T>(path).catch((error: unknown) => {
      pending = null;
      throw error;
    }));
}
