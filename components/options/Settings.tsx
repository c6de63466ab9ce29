/**
 * « Modèles — réglages »: the installed packs (built-in, imported, subscribed,
 * imposed by IT, personal), adding a pack from a file or a URL, checking for
 * updates, the user's own templates, and the payment reminders followed (« Relances en cours »). Problems are said in French in a
 * role="alert" element; what went well in a role="status" one.
 */
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { builtinEnabled, loadPacks, takePackProblems, PERSONAL_PACK_ID, type InstalledPack } from '../../lib/packs/store';
import { personalEntry, readPersonal, syncStatusItem, type SyncStatus } from '../../lib/personal/local';
import type { PersonalData } from '../../lib/personal/data';
import type { Pack } from '../../lib/packs/validate';
import type { CompileContext } from '../../lib/templates/compile';
import { readPackaged } from '../../lib/packaged';
import { AddPack } from './AddPack';
import { Dossiers } from './Dossiers';
import { PackList } from './PackList';
import { PersonalTemplates } from './PersonalTemplates';
import { SenderBlockChoice } from './SenderBlockChoice';

export interface SettingsState {
  packs: InstalledPack[];
  builtin: Pack | null;
  builtinOn: boolean;
  catalogue: CompileContext;
  /** « Mes modèles » and their sync (issue 20). */
  personal: PersonalData;
  sync: SyncStatus | null;
}

/** Runs an action: its success message goes to the status line, its error (a French sentence) to the alert. */
export type Run = (action: () => Promise<string>) => Promise<void>;

export function Settings() {
  const [state, setState] = useState<SettingsState | null>(null);
  const [alerts, setAlerts] = useState<string[]>([]);
  const [status, setStatus] = useState('');

  const reload = async () => {
    const [stored, builtin, builtinOn, catalogue, personal, sync] = await Promise.all([
      loadPacks(),
      readPackaged<Pack>('/library.json').catch(() => null),
      builtinEnabled.getValue(),
      readPackaged<CompileContext>('/catalogue.json').catch(() => ({ catalogue: {}, partials: {} })),
      readPersonal(),
      syncStatusItem.getValue(),
    ]);
    const packs = [...(personal.data.templates.length ? [personalEntry(personal.data)] : []), ...stored.packs.filter((p) => p.pack.id !== PERSONAL_PACK_ID)];
    setState({ packs, builtin, builtinOn: builtinOn !== false, catalogue, personal: personal.data, sync });
    // Problems found by this read, or earlier by the background (it reads the packs when they change).
    const packProblems = await takePackProblems();
    const problems = [...new Set([...stored.problems, ...packProblems, ...personal.problems])];
    if (problems.length) setAlerts(problems);
  };

  useEffect(() => {
    void reload();
    const onChange = (_: unknown, area: string) => area === 'local' && void reload();
    browser.storage.onChanged.addListener(onChange);
    return () => browser.storage.onChanged.removeListener(onChange);
  }, []);

  const run: Run = async (action) => {
    setAlerts([]);
    setStatus('');
    try {
      setStatus(await action());
    } catch (e) {
      setAlerts([(e as Error).message]);
    }
  };

  return (
    <main class="settings">
      <h1>Modèles — réglages</h1>
      {/* The manifest's version: package.json's, like the built-in library's (lib/packs/builtin.ts). */}
      <p class="about">Modèles version {browser.runtime.getManifest().version}</p>
      <div role="alert" class="alerts">
        {alerts.map((a) => (
          <p key={a}>{a}</p>
        ))}
      </div>
      <p role="status" class="status">
        {status}
      </p>
      {state && (
        <>
          <PackList state={state} run={run} />
          <AddPack run={run} />
          <PersonalTemplates state={state} run={run} />
          <SenderBlockChoice run={run} />
          <Dossiers state={state} run={run} />
        </>
      )}
    </main>
  );
}
