/**
 * Above the form of a letter opened from a dossier: where the dossier stands,
 * and another step to choose instead of the one suggested (the formal notice
 * included, whatever was sent before: the user decides).
 */
import { useState } from 'preact/hooks';
import type { OpenedDossier } from './bridge';

interface Props {
  opened: OpenedDossier;
  onChoose(uid: string): void;
}

export function DossierBanner({ opened, onChoose }: Props) {
  const [uid, setUid] = useState(opened.template.uid);
  return (
    <section class="dossier-banner" aria-label="Relance en cours">
      <p class="dossier-summary">
        <span class="badge">Relance en cours</span> {opened.summary}
      </p>
      <div class="dossier-step">
        <label htmlFor="dossier-step">Autre étape</label>
        <select id="dossier-step" value={uid} onChange={(e) => setUid((e.target as HTMLSelectElement).value)}>
          {opened.choices.map((c) => (
            <optgroup key={c.label} label={c.label}>
              {c.letters.map((l) => (
                <option key={l.uid} value={l.uid}>
                  {l.suggested ? `${l.title} (conseillée)` : l.title}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
        <button type="button" class="secondary" disabled={uid === opened.template.uid} onClick={() => onChoose(uid)}>
          Ouvrir cette lettre
        </button>
      </div>
    </section>
  );
}
