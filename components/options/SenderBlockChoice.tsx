/**
 * « La lettre et votre signature »: whether a letter brings its own sender
 * block (name, function, company) into the draft. Default: only when the
 * draft holds no mail signature, so the name never appears twice.
 */
import { useEffect, useState } from 'preact/hooks';
import { getSenderBlockSetting, senderBlockSetting, type SenderBlockSetting } from '../../lib/storage';
import type { Run } from './Settings';

const CHOICES: { value: SenderBlockSetting; label: string }[] = [
  { value: 'sans-signature', label: 'seulement s’il n’y a pas de signature dans le message (recommandé)' },
  { value: 'toujours', label: 'toujours' },
  { value: 'jamais', label: 'jamais : ma signature de messagerie suffit' },
];

export function SenderBlockChoice({ run }: { run: Run }) {
  const [value, setValue] = useState<SenderBlockSetting | null>(null);
  useEffect(() => void getSenderBlockSetting().then(setValue), []);
  if (!value) return null;
  return (
    <section aria-labelledby="sender-block-title">
      <h2 id="sender-block-title">La lettre et votre signature</h2>
      <fieldset>
        <legend>Ajouter le bloc expéditeur de la lettre (nom, fonction, société)</legend>
        {CHOICES.map((c) => (
          <label key={c.value} class="choice">
            <input
              type="radio"
              name="sender-block"
              value={c.value}
              checked={value === c.value}
              onChange={() =>
                void run(async () => {
                  await senderBlockSetting.setValue(c.value);
                  setValue(c.value);
                  return 'Réglage enregistré.';
                })
              }
            />{' '}
            {c.label}
          </label>
        ))}
      </fieldset>
      <p class="hint">Une formule d’appel déjà tapée dans le message (« Bonjour Madame Martin, ») est toujours gardée : la lettre commence après elle.</p>
    </section>
  );
}
