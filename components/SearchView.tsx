/**
 * The search field and its results: an ARIA combobox controlling a listbox.
 * ↑/↓ move, Enter picks, Esc closes (handled by the palette). With an empty
 * query the recently used templates come first.
 *
 * Every keystroke searches and repaints the list, so the list stays cheap:
 * only the rows that fit (and a few more) are rendered, the next ones when the
 * list is scrolled or the selection moves down to them; a row whose template,
 * highlights and state did not change is not rendered again; the list's
 * events are handled once on the list, not per row.
 */
import { Component } from 'preact';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { SearchHit } from '../lib/search/engine';
import { mark, measure } from '../lib/search/timing';
import type { SearchEntry } from '../lib/packs/library';
import { BUILTIN_PACK_ID } from '../lib/packs/ids';
import { audienceLabel, categoryLabel, stepLabel } from './labels';
import { LeadingGroups } from './LeadingGroups';

/** A row offered before the templates (a dossier's next letter), in a named group. */
export interface LeadingRow {
  key: string;
  group: string;
  label: string;
}

export interface SearchViewProps {
  templates: SearchEntry[];
  /** The library is still loading: the field already takes what is typed. */
  loading: boolean;
  recent: string[];
  initialQuery: string;
  search(query: string): SearchHit[];
  onQueryChange(query: string): void;
  onPick(template: SearchEntry): void;
  /** Rows shown first, in groups, for the query (empty: for the message's recipients). */
  leading?(query: string): LeadingRow[];
  onPickLeading?(row: LeadingRow): void;
}

interface Row {
  template: SearchEntry;
  /** Ranges of the title (or of `alias`) and of the name to highlight. */
  highlights: [number, number][];
  nameHighlights: [number, number][];
  /** The scenario wording the query matched, when it is an alias rather than the title. */
  alias?: string;
  recent: boolean;
}

const toRow = (template: SearchEntry, recent: boolean, hit?: SearchHit): Row => ({
  template,
  highlights: hit?.alias?.highlights ?? hit?.highlights ?? [],
  nameHighlights: hit?.nameHighlights ?? [],
  ...(hit?.alias && { alias: hit.alias.text }),
  recent,
});

const EMPTY_QUERY_LIMIT = 60;
/** Rows rendered at first: the list shows about five; the next ones come when scrolled or selected. */
export const ROWS_PAGE = 6;
/** How close to the bottom of the list (px) scrolling brings the next rows. */
const SCROLL_MARGIN = 120;

function Highlighted({ text, ranges }: { text: string; ranges: [number, number][] }) {
  const parts = [];
  let last = 0;
  for (const [start, end] of ranges) {
    if (start < last) continue;
    if (start > last) parts.push(text.slice(last, start));
    parts.push(<mark key={start}>{text.slice(start, end)}</mark>);
    last = end;
  }
  parts.push(text.slice(last));
  return <>{parts}</>;
}

interface ResultRowProps {
  row: Row;
  /** Position among the templates (the option's id). */
  index: number;
  /** Position in the whole listbox, offers first (the active index, data-index). */
  at: number;
  active: boolean;
}

function sameRanges(a: [number, number][], b: [number, number][]): boolean {
  return a.length === b.length && a.every(([s, e], i) => s === b[i]![0] && e === b[i]![1]);
}

/** One option; rendered again only when what it shows changed. */
class ResultRow extends Component<ResultRowProps> {
  override shouldComponentUpdate(next: ResultRowProps): boolean {
    const { row, index, at, active } = this.props;
    return !(
      index === next.index &&
      at === next.at &&
      active === next.active &&
      row.template === next.row.template &&
      row.recent === next.row.recent &&
      row.alias === next.row.alias &&
      sameRanges(row.highlights, next.row.highlights) &&
      sameRanges(row.nameHighlights, next.row.nameHighlights)
    );
  }

  override render() {
    const { row, index, at, active } = this.props;
    return (
      <li id={`modeles-option-${index}`} data-index={at} role="option" aria-selected={active} class={active ? 'result active' : 'result'}>
        {/* A short name first, the scenario (or the wording of it that matched) under it; a pack without names shows the title. */}
        {row.template.name ? (
          <>
            <span class="result-title">
              <Highlighted text={row.template.name} ranges={row.nameHighlights} />
            </span>
            <span class="result-scenario">
              <Highlighted text={row.alias ?? row.template.title} ranges={row.highlights} />
            </span>
          </>
        ) : (
          <span class="result-title">
            <Highlighted text={row.alias ?? row.template.title} ranges={row.highlights} />
          </span>
        )}
        <span class="result-meta">
          {row.recent && <span class="badge recent">Récent</span>}
          {stepLabel(row.template) && <span class="badge step">{stepLabel(row.template)}</span>}
          <span class="badge audience">{audienceLabel(row.template.audience)}</span>
          {/* Where a template comes from says something only when it is not the built-in library. */}
          {row.template.packId !== BUILTIN_PACK_ID && <span class="badge pack">{row.template.packName}</span>}
          <span class="badge">{categoryLabel(row.template.category)}</span>
        </span>
      </li>
    );
  }
}

/** The option under an event's target. */
function indexOf(e: Event): number | null {
  const li = (e.target as Element | null)?.closest?.('[data-index]');
  return li ? Number(li.getAttribute('data-index')) : null;
}

export function SearchView({ templates, loading, recent, initialQuery, search, onQueryChange, onPick, leading, onPickLeading }: SearchViewProps) {
  const [query, setQuery] = useState(initialQuery);
  const [active, setActive] = useState(0);
  const [shown, setShown] = useState(ROWS_PAGE);
  const input = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLUListElement>(null);
  const byId = useMemo(() => new Map(templates.map((t) => [t.uid, t])), [templates]);

  const rows: Row[] = useMemo(() => {
    if (!query.trim()) {
      const recentRows = recent.map((id) => byId.get(id)).filter((t): t is SearchEntry => !!t);
      const others = templates.filter((t) => !recent.includes(t.uid));
      return [...recentRows.map((t) => toRow(t, true)), ...others.map((t) => toRow(t, false))].slice(0, EMPTY_QUERY_LIMIT);
    }
    const started = performance.now();
    const hits = search(query);
    measure('modeles:search', started, { query });
    return hits.filter((hit) => byId.has(hit.id)).map((hit) => toRow(byId.get(hit.id)!, false, hit));
  }, [query, templates, recent, byId, search]);

  const offers = useMemo(() => leading?.(query) ?? [], [leading, query]);
  const n = offers.length;
  const total = n + rows.length;
  /** Picks what sits at a position of the listbox: an offer, else a template. */
  const pickAt = (i: number) => {
    if (i < n) onPickLeading?.(offers[i]!);
    else if (rows[i - n]) onPick(rows[i - n]!.template);
  };

  useLayoutEffect(() => input.current?.focus(), []);
  // After the DOM changes of a new list, before the browser lays it out and paints it (see test/bench).
  useLayoutEffect(() => mark('modeles:commit', { query }), [rows, query]);
  useEffect(() => {
    list.current?.querySelector(`[data-index="${active}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [active]);
  // Short rows (templates without a short name) may not fill the list: then it cannot be scrolled to the next
  // ones, so render them now (after the frame is painted, when reading the list's height costs nothing).
  useEffect(() => {
    const ul = list.current;
    if (ul?.clientHeight && shown < rows.length && ul.scrollHeight <= ul.clientHeight + SCROLL_MARGIN) setShown(Math.min(rows.length, shown + ROWS_PAGE));
  }, [rows, shown]);

  /** Moves the selection, rendering the rows down to it. */
  const select = (next: number) => {
    const i = Math.max(0, Math.min(total - 1, next));
    if (i - n >= shown - 1) setShown(Math.min(rows.length, i - n + ROWS_PAGE));
    setActive(i);
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      select(active + 1);
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      select(active - 1);
    } else if (e.key === 'PageDown') {
      e.preventDefault();
      select(active + 8);
    } else if (e.key === 'PageUp') {
      e.preventDefault();
      select(active - 8);
    } else if (e.key === 'Enter' && !e.isComposing) {
      e.preventDefault();
      pickAt(active);
    }
  };

  const visible = rows.slice(0, shown);
  const activeId = active < n ? `modeles-offer-${active}` : rows[active - n] ? `modeles-option-${active - n}` : undefined;
  return (
    <div class="search">
      <input
        ref={input}
        class="search-input"
        type="text"
        role="combobox"
        aria-label="Rechercher un modèle"
        aria-expanded="true"
        aria-controls="modeles-results"
        aria-autocomplete="list"
        aria-activedescendant={activeId}
        placeholder="Rechercher un modèle : relance facture, mise en demeure…"
        autocomplete="off"
        spellcheck={false}
        value={query}
        onInput={(e) => {
          const q = (e.target as HTMLInputElement).value;
          // One render per keystroke: the new list, its first row selected, its first rows only.
          setQuery(q);
          setActive(0);
          setShown(ROWS_PAGE);
          onQueryChange(q);
        }}
        onKeyDown={onKeyDown}
      />
      <p class="sr-only" aria-live="polite">
        {n > 0 && `${n} relance${n > 1 ? 's' : ''} en cours, `}
        {rows.length === 0 ? 'Aucun modèle trouvé' : `${rows.length} modèle${rows.length > 1 ? 's' : ''}`}
      </p>
      {/* Mouse handling for every option at once; the keyboard stays on the combobox. */}
      <ul
        id="modeles-results"
        ref={list}
        role="listbox"
        aria-label="Modèles"
        class="results"
        onMouseDown={(e) => {
          // Keep the focus in the field when an option is clicked (not when the scrollbar is).
          if (indexOf(e) !== null) e.preventDefault();
        }}
        onMouseMove={(e) => {
          const i = indexOf(e);
          if (i !== null && i !== active) setActive(i);
        }}
        onClick={(e) => {
          const i = indexOf(e);
          if (i !== null) pickAt(i);
        }}
        onScroll={(e) => {
          const ul = e.currentTarget as HTMLUListElement;
          if (shown < rows.length && ul.scrollTop + ul.clientHeight > ul.scrollHeight - SCROLL_MARGIN) setShown(Math.min(rows.length, shown + ROWS_PAGE));
        }}
      >
        {n > 0 && <LeadingGroups rows={offers} active={active} />}
        {visible.map((row, i) => (
          <ResultRow key={row.template.uid} row={row} index={i} at={i + n} active={i + n === active} />
        ))}
      </ul>
      {loading && (
        <p class="empty" role="status">
          Chargement des modèles…
        </p>
      )}
      {!loading && total === 0 && <p class="empty">Aucun modèle ne correspond à « {query} ». Essayez d’autres mots : « relance », « impayé », « échéancier »…</p>}
      <p class="keys" aria-hidden="true">
        <kbd>↑</kbd> <kbd>↓</kbd> choisir · <kbd>Entrée</kbd> ouvrir · <kbd>Échap</kbd> fermer
      </p>
    </div>
  );
}
