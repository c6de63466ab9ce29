/**
 * « Relances en cours » in the settings page: the open dossiers, oldest first,
 * with their letters and the next sensible step; the closed ones until they are
 * deleted; the CSV export for the accounts department; the privacy settings.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { dossiersCsv } from '../../lib/dossiers/csv';
import { nextStep } from '../../lib/dossiers/ladder';
import type { Dossier } from '../../lib/dossiers/model';
import { loadDossiers, type StoredDossiers } from '../../lib/dossiers/store';
import { assembleLibrary } from '../../lib/packs/library';
import { toIsoDate } from '../../lib/render/format';
import { DossierCard } from './DossierCard';
import { DossierPrivacy } from './DossierPrivacy';
import type { Run, SettingsState } from './Settings';

const STORAGE_KEYS = ['dossiers', 'dossiersQuarantine', 'dossierSettings'];

/** The day the dossier started: its first letter. */
const startOf = (d: Dossier) => d.steps[0]?.date ?? d.createdAt.slice(0, 10);

/** Saves the CSV through a download link. */
function download(csv: string, name: string): void {
  const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function Dossiers({ state, run }: { state: SettingsState; run: Run }) {
  const [data, setData] = useState<StoredDossiers | null>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const templates = useMemo(() => assembleLibrary(state.builtin, state.builtinOn, state.packs).templates, [state]);

  useEffect(() => {
    const reload = () =>
      void loadDossiers().then((d) => {
        setData(d);
        if (d.problems.length) setProblems(d.problems);
      });
    reload();
    const onChange = (changes: Record<string, unknown>, area: string) => area === 'local' && STORAGE_KEYS.some((k) => k in changes) && reload();
    browser.storage.onChanged.addListener(onChange);
    return () => browser.storage.onChanged.removeListener(onChange);
  }, []);

  if (!data) return null;
  const open = data.dossiers.filter((d) => d.status === 'ouvert').toSorted((a, b) => startOf(a).localeCompare(startOf(b)));
  const closed = data.dossiers.filter((d) => d.status === 'paye').toSorted((a, b) => (b.closedOn ?? '').localeCompare(a.closedOn ?? ''));

  const exportCsv = () =>
    void run(async () => {
      const today = toIsoDate(new Date());
      const name = `relances-${today}.csv`;
      download(dossiersCsv([...open, ...closed], (d) => nextStep(d, templates), today), name);
      return `${open.length + closed.length} dossier${open.length + closed.length > 1 ? 's' : ''} exporté${open.length + closed.length > 1 ? 's' : ''} dans ${name}.`;
    });

  return (
    <section aria-labelledby="dossiers-title">
      <h2 id="dossiers-title">Relances en cours</h2>
      <p class="hint">
        Chaque lettre de relance de paiement insérée ou imprimée est retenue avec sa facture : au prochain message à ce client, ou en tapant le numéro de facture, la
        palette propose la lettre suivante, déjà remplie.
      </p>
      {problems.length > 0 && (
        <div role="alert" class="alerts">
          {problems.map((p) => (
            <p key={p}>{p}</p>
          ))}
        </div>
      )}
      <DossierPrivacy data={data} run={run} />
      {data.settings.tracking && (
        <>
          {open.length === 0 ? (
            <p class="hint">Aucune relance en cours.</p>
          ) : (
            <ul class="packs dossiers" aria-label="Relances en cours, de la plus ancienne à la plus récente">
              {open.map((d) => (
                <DossierCard key={d.id} dossier={d} templates={templates} settings={data.settings} run={run} />
              ))}
            </ul>
          )}
          {closed.length > 0 && (
            <>
              <h3>Dossiers clos</h3>
              <ul class="packs dossiers" aria-label="Dossiers clos">
                {closed.map((d) => (
                  <DossierCard key={d.id} dossier={d} templates={templates} settings={data.settings} run={run} />
                ))}
              </ul>
            </>
          )}
          {open.length + closed.length > 0 && (
            <p>
              <button type="button" onClick={exportCsv}>
                Exporter en CSV
              </button>{' '}
              <span class="hint">Pour le service comptable : séparateur « ; », ouvrable dans Excel ou LibreOffice.</span>
            </p>
          )}
        </>
      )}
    </section>
  );
}
