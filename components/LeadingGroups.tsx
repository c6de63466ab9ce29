/**
 * The rows offered before the templates in the results listbox (« Relances en
 * cours », « Règlements reçus »): one ARIA group per heading, options inside.
 * They share the combobox's active index with the templates that follow.
 */
import type { LeadingRow } from './SearchView';

interface Props {
  rows: LeadingRow[];
  active: number;
}

/** Mouse events are handled by the listbox around (SearchView), through each option's data-index. */
export function LeadingGroups({ rows, active }: Props) {
  const groups: { name: string; items: { row: LeadingRow; i: number }[] }[] = [];
  rows.forEach((row, i) => {
    const last = groups.at(-1);
    if (last?.name === row.group) last.items.push({ row, i });
    else groups.push({ name: row.group, items: [{ row, i }] });
  });
  return (
    <>
      {groups.map((g, gi) => (
        <li key={g.name} role="group" aria-labelledby={`modeles-group-${gi}`} class="offer-group">
          <div id={`modeles-group-${gi}`} class="group-label">
            {g.name}
          </div>
          {g.items.map(({ row, i }) => (
            <div
              key={row.key}
              id={`modeles-offer-${i}`}
              data-index={i}
              role="option"
              tabIndex={-1}
              aria-selected={i === active}
              class={i === active ? 'result offer active' : 'result offer'}
            >
              <span class="result-title">{row.label}</span>
            </div>
          ))}
        </li>
      ))}
    </>
  );
}
