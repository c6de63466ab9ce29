/**
 * The search field and its results: an ARIA combobox controlling a listbox.
 * ↑/↓ move, Enter picks, Esc closes (handled by the palette). With an empty
 * query the recently used templates come first.
 */
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { SearchHit } from '../lib/search/engine';
import type { LibraryTemplate } from '../lib/packs/library';
import { audienceLabel, categoryLabel } from './labels';
import { LeadingGroups } from './LeadingGroups';

/** A row offered before the templates (a dossier's next letter), in a named group. */
export interface LeadingRow {
  key: string;
  group: string;
  label: string;
}

export interface SearchViewProps {
  templates: LibraryTemplate[];
  /** The library is still loading: the field already takes what is typed. */
  loading: boolean;
  recent: string[];
  initialQuery: string;
  search(query: string): SearchHit[];
  onQueryChange(query: string): void;
  onPick(template: LibraryTemplate): void;
  /** Rows shown first, in groups, for the query (empty: for the message's recipients). */
  leading?(query: string): LeadingRow[];
  onPickLeading?(row: LeadingRow): void;
}

interface Row {
  template: LibraryTemplate;
  highlights: [number, number][];
  recent: boolean;
}

const EMPTY_QUERY_LIMIT = 60;

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

export function SearchView({ templates, loading, recent, initialQuery, search, onQueryChange, onPick, leading, onPickLeading }: SearchViewProps) {
  const [query, setQuery] = useState(initialQuery);
  const [active, setActive] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLUListElement>(null);
  const byId = useMemo(() => new Map(templates.map((t) => [t.uid, t])), [templates]);

  const rows: Row[] = useMemo(() => {
    if (!query.trim()) {
      const recentRows = recent.map((id) => byId.get(id)).filter((t): t is LibraryTemplate => !!t);
      const others = templates.filter((t) => !recent.includes(t.uid));
      return [...recentRows.map((t) => ({ template: t, highlights: [], recent: true })), ...others.map((t) => ({ template: t, highlights: [], recent: false }))].slice(0, EMPTY_QUERY_LIMIT);
    }
    return search(query)
      .map((hit) => ({ template: byId.get(hit.id)!, highlights: hit.highlights, recent: false }))
      .filter((r) => r.template);
  }, [query, templates, recent, byId, search]);

  const offers = useMemo(() => leading?.(query) ?? [], [leading, query]);
  const n = offers.length;
  const total = n + rows.length;

  useLayoutEffect(() => input.current?.focus(), []);
  useEffect(() => setActive(0), [query]);
  useEffect(() => {
    list.current?.querySelector(`[data-index="${active}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [active]);

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setActive((i) => Math.min(total - 1, i + 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((i) => Math.max(0, i - 1));
    } else if (e.key === 'PageDown') {
      e.preventDefault();
      setActive((i) => Math.min(total - 1, i + 8));
    } else if (e.key === 'PageUp') {
      e.preventDefault();
      setActive((i) => Math.max(0, i - 8));
    } else if (e.key === 'Enter' && !e.isComposing) {
      e.preventDefault();
      if (active < n) onPickLeading?.(offers[active]!);
      else if (rows[active - n]) onPick(rows[active - n]!.template);
    }
  };

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
          setQuery(q);
          onQueryChange(q);
        }}
        onKeyDown={onKeyDown}
      />
      <p class="sr-only" aria-live="polite">
        {n > 0 && `${n} relance${n > 1 ? 's' : ''} en cours, `}
        {rows.length === 0 ? 'Aucun modèle trouvé' : `${rows.length} modèle${rows.length > 1 ? 's' : ''}`}
      </p>
      <ul id="modeles-results" ref={list} role="listbox" aria-label="Modèles" class="results">
        {n > 0 && <LeadingGroups rows={offers} active={active} setActive={setActive} onPick={(row) => onPickLeading?.(row)} />}
        {rows.map((row, i) => (
          <li
            key={row.template.uid}
            id={`modeles-option-${i}`}
            data-index={i + n}
            role="option"
            aria-selected={i + n === active}
            class={i + n === active ? 'result active' : 'result'}
            onMouseDown={(e) => e.preventDefault()}
            onMouseMove={() => i + n !== active && setActive(i + n)}
            onClick={() => onPick(row.template)}
          >
            <span class="result-title">
              <Highlighted text={row.template.title} ranges={row.highlights} />
            </span>
            <span class="result-meta">
              {row.recent && <span class="badge recent">Récent</span>}
              <span class="badge pack">{row.template.packName}</span>
              <span class="badge">{categoryLabel(row.template.category)}</span>
              <span class="badge audience">{audienceLabel(row.template.audience)}</span>
            </span>
          </li>
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
