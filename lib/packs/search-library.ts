/**
 * What the background sends a mail page first (message « get-search »): the
 * search entries of the library and its search index, prepared here once per
 * library rather than in every mail tab.
 */
import { prepareIndex } from '../search/prepare';
import { searchDocs, searchEntry, type AssembledLibrary, type SearchLibrary } from './library';

export function searchLibrary(library: AssembledLibrary): SearchLibrary {
  const entries = library.templates.map(searchEntry);
  return { entries, index: prepareIndex(searchDocs(entries)) };
}
