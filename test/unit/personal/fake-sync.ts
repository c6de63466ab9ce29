/**
 * A stand-in for the browser's sync storage with the real quotas of
 * chrome.storage.sync (and Firefox's, the same numbers), and a sync server
 * between several profiles: each profile writes to its own copy at once; the
 * server takes each profile's changes when that profile syncs, key by key,
 * the last write winning (as Chrome's and Firefox's sync do), and hands the
 * result back. So two profiles can write before either has seen the other.
 */
import type { SyncArea } from '../../../lib/personal/sync';

export const QUOTA = { bytes: 102_400, bytesPerItem: 8_192, maxItems: 512, writesPerMinute: 120 };

const bytes = (key: string, json: string) => new TextEncoder().encode(key).length + new TextEncoder().encode(json).length;

export class FakeSyncArea implements SyncArea {
  /** Items as JSON text, as the browser stores them. */
  readonly items = new Map<string, string>();
  /** Keys changed since the last sync with the server (undefined: removed). */
  readonly outbox = new Map<string, string | undefined>();
  private writes: number[] = [];
  /** Calls that were refused, with the browser's message. */
  readonly refused: string[] = [];
  clock = () => Date.now();

  async get(keys: null): Promise<Record<string, unknown>> {
    void keys;
    return Object.fromEntries([...this.items].map(([k, v]) => [k, JSON.parse(v) as unknown]));
  }

  private countWrite(): void {
    const now = this.clock();
    this.writes = this.writes.filter((t) => now - t < 60_000);
    if (this.writes.length >= QUOTA.writesPerMinute) this.refuse('MAX_WRITE_OPERATIONS_PER_MINUTE quota exceeded');
    this.writes.push(now);
  }

  private refuse(message: string): never {
    this.refused.push(message);
    throw new Error(message);
  }

  async set(items: Record<string, unknown>): Promise<void> {
    this.countWrite();
    const next = new Map(this.items);
    for (const [k, v] of Object.entries(items)) {
      const json = JSON.stringify(v);
      if (bytes(k, json) > QUOTA.bytesPerItem) this.refuse('QUOTA_BYTES_PER_ITEM quota exceeded');
      next.set(k, json);
    }
    if (next.size > QUOTA.maxItems) this.refuse('MAX_ITEMS quota exceeded');
    if (this.bytesOf(next) > QUOTA.bytes) this.refuse('QUOTA_BYTES quota exceeded');
    for (const [k, v] of Object.entries(items)) {
      this.items.set(k, JSON.stringify(v));
      this.outbox.set(k, JSON.stringify(v));
    }
  }

  async remove(keys: string[]): Promise<void> {
    this.countWrite();
    for (const k of keys) {
      this.items.delete(k);
      this.outbox.set(k, undefined);
    }
  }

  bytesOf(items: Map<string, string> = this.items): number {
    let n = 0;
    for (const [k, v] of items) n += bytes(k, v);
    return n;
  }

  /** Damages an item in place, as a broken write or a bad disk would. */
  poke(key: string, value: unknown): void {
    this.items.set(key, JSON.stringify(value));
    this.outbox.set(key, JSON.stringify(value));
  }
}

/** The sync server between profiles. */
export class FakeSyncServer {
  readonly items = new Map<string, string>();

  profile(): FakeSyncArea {
    return new FakeSyncArea();
  }

  /** One profile syncs: its changes go up (each key: the last write wins), then it gets everything back. */
  exchange(area: FakeSyncArea): void {
    for (const [k, v] of area.outbox) {
      if (v === undefined) this.items.delete(k);
      else this.items.set(k, v);
    }
    area.outbox.clear();
    area.items.clear();
    for (const [k, v] of this.items) area.items.set(k, v);
  }
}
