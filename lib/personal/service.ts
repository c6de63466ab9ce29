/**
 * The background's side of « Mes modèles »: the only writer of the stored
 * templates (one operation at a time, so an edit in the settings page and a
 * sync pass never overwrite each other), and the sync with storage.sync —
 * after each local change (debounced), when another computer's change
 * arrives, and every 15 minutes to retry what could not be written.
 */
import browser from 'webextension-polyfill';
import { compilePackTemplate, withoutSource } from '../packs/validate';
import { packTemplateSchema } from '../packs/schema';
import type { CompileContext } from '../templates/compile';
import type { Template } from '../templates/types';
import { PREFIX, SYNC_QUOTA } from './codec';
import { putTemplate, removeTemplate, type PersonalData } from './data';
import { checkDraft, compileDraft, customNames, type Draft } from './draft';
import { applyImport, planImport } from './import';
import { editorDraft, personalQuarantine, readPersonal, syncStatusItem, writePersonal, type SyncStatus } from './local';
import type { CheckReply, ImportReply, PersonalMessage, SaveReply } from './messages';
import { syncOnce, type SyncArea } from './sync';
import { PERSONAL_PACK_ID } from '../packs/store';
import { packagedOnce } from '../packaged';

export const SYNC_ALARM = 'personal-sync';
export const SYNC_ALARM_MINUTES = 15;
const DEBOUNCE_MS = 1_500;

let queue: Promise<unknown> = Promise.resolve();
function serial<T>(fn: () => Promise<T>): Promise<T> {
  const run = queue.then(fn, fn);
  queue = run.catch(() => undefined);
  return run;
}

export const loadCatalogue = packagedOnce<CompileContext>('/catalogue.json');

export const browserSyncArea: SyncArea = {
  get: (keys) => browser.storage.sync.get(keys) as Promise<Record<string, unknown>>,
  set: (items) => browser.storage.sync.set(items),
  remove: (keys) => browser.storage.sync.remove(keys),
};

export interface Service {
  handle(message: PersonalMessage): Promise<unknown>;
  /** Runs a sync pass now (queued after any write). */
  sync(): Promise<SyncStatus>;
  /** A sync pass soon, once the changes stop coming. */
  schedule(): void;
}

/** Reads the data, lets `change` make the next one, writes it when it changed; then syncs soon. */
async function mutate<T>(change: (data: PersonalData) => { data: PersonalData; result: T }): Promise<T> {
  const loaded = await readPersonal();
  const { data, result } = change(loaded.data);
  if (loaded.dirty || data !== loaded.data) await writePersonal(data, loaded.bad);
  return result;
}

const withNotes = (previous: SyncStatus | null, notes: string[], at: string): SyncStatus['notes'] =>
  [...notes.map((text) => ({ at, text })), ...(previous?.notes ?? []).filter((n) => !notes.includes(n.text))].slice(0, 8);

async function check(draft: Draft): Promise<CheckReply> {
  const ctx = await loadCatalogue();
  const { data } = await readPersonal();
  const result = checkDraft(draft, ctx, data.templates.map((t) => t.id));
  return {
    problems: result.problems,
    remarks: result.remarks,
    ...(result.preview && { preview: result.preview }),
    fields: result.template?.fields ?? [],
    computed: result.template?.computed ?? [],
    own: customNames(draft, ctx),
  };
}

/** A template from elsewhere (an import, the settings page): read as a pack template would be. */
function accept(raw: unknown): Template | string {
  // Where a template was compiled from (the editor's) is not part of what is stored.
  const parsed = packTemplateSchema.safeParse(raw && typeof raw === 'object' ? withoutSource(raw as { source?: unknown }) : raw);
  if (!parsed.success) return `modèle illisible (${parsed.error.issues[0]?.message ?? 'format'})`;
  const { template, problems } = compilePackTemplate(PERSONAL_PACK_ID, parsed.data);
  return template ? (parsed.data as Template) : `« ${parsed.data.title} » : ${problems[0]?.message ?? 'refusé'}`;
}

export interface ServiceOptions {
  area?: SyncArea;
  now?: () => Date;
  /** Called after « Mes modèles » were written here (the background drops its cached library). */
  onWritten?: () => void;
}

export function createService({ area = browserSyncArea, now = () => new Date(), onWritten = () => undefined }: ServiceOptions = {}): Service {
  let timer: ReturnType<typeof setTimeout> | null = null;

  const sync = () =>
    serial(async (): Promise<SyncStatus> => {
      const loaded = await readPersonal();
      const previous = await syncStatusItem.getValue();
      const at = now().toISOString();
      if (loaded.dirty) await writePersonal(loaded.data, loaded.bad);
      if (!loaded.data.syncEnabled) {
        const status: SyncStatus = { state: 'off', at, synced: 0, localOnly: [], bytes: 0, quota: SYNC_QUOTA.bytes, notes: previous?.notes ?? [] };
        await syncStatusItem.setValue(status);
        return status;
      }
      const outcome = await syncOnce(loaded.data, area, now());
      if (JSON.stringify(outcome.data) !== JSON.stringify(loaded.data)) {
        await writePersonal(outcome.data);
        onWritten();
      }
      if (outcome.quarantine.length) await personalQuarantine.setValue([...((await personalQuarantine.getValue()) ?? []), ...outcome.quarantine].slice(-50));
      const titles = new Map(outcome.data.templates.map((t) => [t.id, t.title]));
      const status: SyncStatus = {
        state: outcome.state,
        at,
        ...((outcome.state === 'ok' || outcome.state === 'full') && { okAt: at }),
        ...(outcome.state !== 'ok' && outcome.state !== 'full' && previous?.okAt && { okAt: previous.okAt }),
        synced: outcome.synced,
        localOnly: outcome.localOnly.map((id) => titles.get(id) ?? id),
        bytes: outcome.bytes,
        quota: SYNC_QUOTA.bytes,
        notes: withNotes(previous, outcome.notes, at),
      };
      await syncStatusItem.setValue(status);
      return status;
    });

  const schedule = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      void sync().catch(() => undefined);
    }, DEBOUNCE_MS);
  };

  const write = <T>(change: (data: PersonalData) => { data: PersonalData; result: T }): Promise<T> =>
    serial(() => mutate(change)).then((result) => {
      onWritten();
      schedule();
      return result;
    });

  async function save(draft: Draft): Promise<SaveReply> {
    const ctx = await loadCatalogue();
    return write((data): { data: PersonalData; result: SaveReply } => {
      const { template, problems } = compileDraft(draft, ctx, data.templates.map((t) => t.id));
      if (!template) return { data, result: { ok: false, problems } };
      return { data: putTemplate(data, template, now()), result: { ok: true, id: template.id, title: template.title } };
    }).then(async (reply) => {
      if (!reply.ok) return reply;
      // A pass now, so that the palette can say whether the other computers will have it.
      const status = await sync().catch(() => null);
      const where = !status ? 'later' : status.state === 'off' ? 'off' : status.localOnly.includes(reply.title) ? 'local-only' : status.state === 'ok' || status.state === 'full' ? 'synced' : 'later';
      return { ...reply, sync: where };
    });
  }

  async function handle(message: PersonalMessage): Promise<unknown> {
    switch (message.type) {
      case 'personal-catalogue':
        return loadCatalogue();
      case 'personal-check':
        return check(message.draft);
      case 'personal-save':
        return save(message.draft);
      case 'personal-save-template': {
        const template = accept(message.template);
        if (typeof template === 'string') throw new Error(`Ce modèle ne peut pas être enregistré : ${template}.`);
        return write((data) => ({ data: putTemplate(data, template, now()), result: template.title }));
      }
      case 'personal-delete':
        return write((data) => ({ data: removeTemplate(data, message.id, now()), result: true }));
      case 'personal-import': {
        const accepted = message.templates.map(accept);
        const templates = accepted.filter((t): t is Template => typeof t !== 'string');
        const refused = accepted.filter((t): t is string => typeof t === 'string');
        const choices = message.choices.filter((_, i) => typeof accepted[i] !== 'string');
        return write((data): { data: PersonalData; result: ImportReply } => {
          const { data: next, ...result } = applyImport(data, planImport(data.templates, templates), choices, now());
          return { data: next, result: { ...result, refused } };
        });
      }
      case 'personal-settings':
        return write((data) => ({
          data: { ...data, ...(message.enabled !== undefined && { enabled: message.enabled }), ...(message.syncEnabled !== undefined && { syncEnabled: message.syncEnabled }) },
          result: true,
        }));
      case 'personal-sync':
        return sync();
      case 'personal-open-editor':
        await editorDraft.setValue(message.draft);
        await browser.runtime.openOptionsPage();
        return true;
    }
  }

  return { handle, sync, schedule };
}

/** Whether a storage change concerns the templates in sync storage (another computer's edit, or ours). */
export function touchesSync(changes: Record<string, unknown>): boolean {
  return Object.keys(changes).some((k) => k.startsWith(PREFIX));
}
