/**
 * « Exporter mes modèles » (a pack file, readable by « Importer » here or on
 * another computer) and « Importer des modèles » from a pack file or a CSV
 * spreadsheet (nom, objet, texte, mots-clés). Nothing is written before the
 * user has seen what will happen to each template: new ones are added,
 * identical ones skipped, a conflict with one of theirs kept as both unless
 * they choose to replace it or leave it out.
 */
import { useState } from 'preact/hooks';
import { readPack, packToFile } from '../../lib/packs/validate';
import { readCsv, separatorName } from '../../lib/personal/csv';
import { compileDraft } from '../../lib/personal/draft';
import { defaultChoice, planImport, type ImportChoice, type ImportItem } from '../../lib/personal/import';
import { personalEntry } from '../../lib/personal/local';
import type { ImportReply } from '../../lib/personal/messages';
import type { CompileContext } from '../../lib/templates/compile';
import type { Template } from '../../lib/templates/types';
import type { Run, SettingsState } from '../options/Settings';
import { sendPersonal } from './api';

interface Pending {
  file: string;
  items: ImportItem[];
  choices: ImportChoice[];
  /** Rows or templates that could not be read, with why. */
  refused: string[];
  /** How the file was read (CSV: encoding and separator). */
  read: string;
}

const ENCODINGS: Record<string, string> = { 'utf-8': 'UTF-8', 'utf-16le': 'UTF-16', 'utf-16be': 'UTF-16', 'windows-1252': 'Windows-1252 (Latin-1)' };

/** Reads an untrusted file: a pack (JSON) or a CSV spreadsheet. */
export function readTemplatesFile(name: string, bytes: Uint8Array, ctx: CompileContext): { templates: Template[]; refused: string[]; read: string } {
  const text = new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '');
  if (/\.json$/i.test(name) || /^\s*\{/.test(text)) {
    const { pack, errors } = readPack(text);
    if (!pack) throw new Error(`Le fichier « ${name} » n’a pas été importé : ${errors.join(' ; ')}`);
    return { templates: pack.templates, refused: [], read: `pack « ${pack.name} » ${pack.version}` };
  }
  const csv = readCsv(bytes);
  if (!csv.rows.length) throw new Error(`Le fichier « ${name} » n’a pas été importé : ${csv.errors.join(' ') || 'aucun modèle trouvé.'}`);
  const templates: Template[] = [];
  const refused = [...csv.errors];
  for (const row of csv.rows) {
    const { template, problems } = compileDraft(row.draft, ctx, templates.map((t) => t.id));
    if (template) templates.push(template);
    else refused.push(`Ligne ${row.line} (« ${row.draft.title.slice(0, 60)} ») : ${problems.slice(0, 2).map((p) => p.message).join(' ; ')} ; ligne ignorée.`);
  }
  return { templates, refused, read: `tableau CSV, ${ENCODINGS[csv.encoding ?? 'utf-8']}, séparateur ${separatorName(csv.separator)}` };
}

function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const STATUS: Record<ImportItem['status'], string> = { new: 'nouveau', same: 'déjà dans Mes modèles, identique', conflict: 'un de vos modèles porte ce nom, avec un autre texte' };

export function Backup({ state, run }: { state: SettingsState; run: Run }) {
  const [pending, setPending] = useState<Pending | null>(null);
  const mine = state.personal.templates;

  const exportMine = async () => {
    const pack = personalEntry(state.personal).pack;
    const day = new Date().toISOString().slice(0, 10);
    download(`mes-modeles-${day}.json`, `${JSON.stringify(packToFile(pack), null, 2)}\n`);
    return `${mine.length} modèle${mine.length > 1 ? 's' : ''} exporté${mine.length > 1 ? 's' : ''} dans mes-modeles-${day}.json. Gardez ce fichier : « Importer des modèles » le relit ici ou sur un autre ordinateur.`;
  };

  const confirm = async (p: Pending) => {
    const reply = await sendPersonal<ImportReply>({ type: 'personal-import', templates: p.items.map((i) => i.template), choices: p.choices });
    setPending(null);
    const parts = [
      reply.added.length && `${reply.added.length} ajouté${reply.added.length > 1 ? 's' : ''}`,
      reply.replaced.length && `${reply.replaced.length} remplacé${reply.replaced.length > 1 ? 's' : ''}`,
      reply.skipped.length && `${reply.skipped.length} laissé${reply.skipped.length > 1 ? 's' : ''} de côté`,
      reply.refused.length && `${reply.refused.length} refusé${reply.refused.length > 1 ? 's' : ''}`,
    ].filter(Boolean);
    return `Import de « ${p.file} » terminé : ${parts.join(', ') || 'rien à importer'}.`;
  };

  return (
    <section aria-labelledby="backup-title">
      <h3 id="backup-title">Sauvegarde et import</h3>
      <div class="row inline">
        <button type="button" disabled={!mine.length} onClick={() => void run(exportMine)}>
          Exporter mes modèles
        </button>
      </div>
      <div class="row">
        <label htmlFor="mine-import">Importer des modèles (fichier exporté, pack, ou tableau CSV : nom, objet, texte, mots-clés)</label>
        <input
          id="mine-import"
          type="file"
          accept=".json,.csv,.txt,application/json,text/csv"
          onChange={(e) => {
            const input = e.target as HTMLInputElement;
            const file = input.files?.[0];
            if (!file) return;
            void run(async () => {
              const bytes = new Uint8Array(await file.arrayBuffer());
              input.value = '';
              const { templates, refused, read } = readTemplatesFile(file.name, bytes, state.catalogue);
              const items = planImport(mine, templates);
              setPending({ file: file.name, items, choices: items.map(defaultChoice), refused, read });
              return `« ${file.name} » lu (${read}) : ${templates.length} modèle${templates.length > 1 ? 's' : ''} à importer. Vérifiez ci-dessous, puis confirmez.`;
            });
          }}
        />
      </div>
      {pending && (
        <form
          class="import"
          aria-label={`Importer « ${pending.file} »`}
          onSubmit={(e) => {
            e.preventDefault();
            void run(() => confirm(pending));
          }}
        >
          <ul class="import-plan">
            {pending.items.map((item, i) => (
              <li key={`${i}${item.template.id}`}>
                <span>
                  <strong>{item.template.title}</strong> — {STATUS[item.status]}
                </span>
                <label>
                  <span class="sr-only">Que faire de « {item.template.title} » ?</span>
                  <select
                    value={pending.choices[i]}
                    onChange={(e) => setPending({ ...pending, choices: pending.choices.map((c, j) => (j === i ? ((e.target as HTMLSelectElement).value as ImportChoice) : c)) })}
                  >
                    <option value="both">{item.status === 'new' ? 'Importer' : 'Importer en plus (garder les deux)'}</option>
                    {item.status !== 'new' && <option value="replace">Remplacer le mien</option>}
                    <option value="skip">Ne pas importer</option>
                  </select>
                </label>
              </li>
            ))}
          </ul>
          {pending.refused.length > 0 && (
            <div class="alerts" role="alert">
              {pending.refused.map((r) => (
                <p key={r}>{r}</p>
              ))}
            </div>
          )}
          <div class="actions">
            <button type="button" onClick={() => setPending(null)}>
              Annuler l’import
            </button>
            <button type="submit" class="primary" disabled={!pending.choices.some((c) => c !== 'skip')}>
              Importer
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
