/**
 * The prepared search library, kept in storage.session. Chrome stops the
 * background after 30 s without events (MV3), and with it everything it had
 * prepared: the next mail page to ask would wait for library.json to be read,
 * the packs assembled and the index prepared again (about 110 ms here).
 * storage.session lives in memory until the browser closes and is not
 * readable by content scripts. A generation number, raised whenever what the
 * library is made of changes (packs, personal templates, the built-in switch),
 * tells a kept copy from an outdated one.
 */
import browser from 'webextension-polyfill';
import type { SearchLibrary } from './library';

const LIBRARY = 'searchLibrary';
/**
 * Beyond this many templates the library is not kept: reading a copy of
 * several megabytes back from storage.session costs more than preparing it
 * again (measured with 10 000 templates by `npm run bench`).
 */
export const KEEP_AT_MOST = 2000;
const GENERATION = 'searchLibraryGeneration';

interface Kept {
  generation: number;
  library: SearchLibrary;
}

/** The current generation, and the library kept for it (null: none, or outdated). */
export async function readKept(): Promise<{ generation: number; library: SearchLibrary | null }> {
  const stored = await browser.storage.session.get([LIBRARY, GENERATION]).catch(() => ({}) as Record<string, unknown>);
  const generation = typeof stored[GENERATION] === 'number' ? stored[GENERATION] : 0;
  const kept = stored[LIBRARY] as Kept | undefined;
  return { generation, library: kept?.generation === generation && wellFormed(kept.library) ? kept.library : null };
}

/** A copy that does not hold together (a half-written item, a format of an older version) is prepared again rather than sent to every page. */
function wellFormed(library: SearchLibrary | undefined): boolean {
  return !!library && Array.isArray(library.entries) && library.index?.docs === library.entries.length && Array.isArray(library.index.postStart);
}

/** Keeps the library prepared from what generation `generation` was made of (too big: not kept). */
export async function keep(generation: number, library: SearchLibrary): Promise<void> {
  if (library.entries.length > KEEP_AT_MOST) return;
  await browser.storage.session.set({ [LIBRARY]: { generation, library } satisfies Kept }).catch(() => undefined);
}

/** What the library is made of changed: whatever is kept is outdated. */
export async function outdate(): Promise<void> {
  const { generation } = await readKept();
  await browser.storage.session.set({ [GENERATION]: generation + 1 }).catch(() => undefined);
  await browser.storage.session.remove(LIBRARY).catch(() => undefined);
}
