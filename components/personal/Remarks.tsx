/**
 * What the template checker says about a template being written: what blocks
 * saving (« À corriger »), then advice (« Conseil »). Used by the save-draft
 * form in the compose and by the template editor on the settings page.
 */
import type { Problem } from '../../lib/templates/compile';

interface Props {
  problems: Problem[];
  remarks: Problem[];
  /** Accessible name of the section. */
  label: string;
  heading?: string;
}

export function Remarks({ problems, remarks, label, heading }: Props) {
  if (problems.length === 0 && remarks.length === 0) return null;
  return (
    <section class="remarks" aria-label={label}>
      {heading && <h3>{heading}</h3>}
      <ul>
        {problems.map((p) => (
          <li key={`e${p.rule}${p.message}`} class="error">
            À corriger : {p.message}
          </li>
        ))}
        {remarks.map((p) => (
          <li key={`w${p.rule}${p.message}`} class="advice">
            Conseil : {p.message}
          </li>
        ))}
      </ul>
    </section>
  );
}
