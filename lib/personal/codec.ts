/**
 * How one personal template is laid out in the browser's sync storage
 * (storage.sync): small items under the `mm.` prefix, each well under the
 * per-item quota.
 *
 *   mm.t.<id>      head: version data and the first chunk of the template
 *   mm.t.<id>.<n>  further chunks (n ≥ 1) when the template does not fit in one item
 *
 * The template (the pack-file model, self-contained) is JSON, deflated and
 * written as base64: plain ASCII, so an item's size is exactly what the quota
 * counts (key length + JSON length). Each chunk carries the hash of its
 * head's version, so a template whose items arrived from two different
 * writes is noticed and never read as a mix. Everything read back is
 * validated like a pack file from a stranger.
 */
import { packTemplateSchema } from '../packs/schema';
import { compilePackTemplate, withoutSource } from '../packs/validate';
import type { Template } from '../templates/types';

/** The quotas of storage.sync in Chrome, Edge and Firefox (chrome.storage.sync.QUOTA_*). */
export const SYNC_QUOTA = {
  bytes: 102_400,
  bytesPerItem: 8_192,
  maxItems: 512,
  writesPerMinute: 120,
} as const;

export const PREFIX = 'mm.';
/** PERSONAL_PACK_ID of lib/packs/store.ts, for messages (not imported: that module brings the storage API along). */
const PACK_ID = 'mes-modeles';
const HEAD = `${PREFIX}t.`;
/** The format this version writes; a head of a later format is left alone (another computer runs a newer Modèles). */
export const SYNC_FORMAT = 1;
/** How many earlier versions a head remembers, to tell an edit made on top of ours from one made beside it. */
export const HISTORY = 12;
/** Room kept in each item for the head's other keys and JSON punctuation. */
const ITEM_MARGIN = 400;

export const headKey = (id: string) => `${HEAD}${id}`;
export const chunkKey = (id: string, n: number) => `${HEAD}${id}.${n}`;

/** Bytes an item takes against the quota: its key plus its value as JSON (UTF-8). */
export function itemBytes(key: string, value: unknown): number {
  return utf8Length(key) + utf8Length(JSON.stringify(value));
}

export function utf8Length(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** A short, stable hash of a text (cyrb53): identifies a version of a template. */
export function hashText(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

function sorted(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sorted);
  if (!value || typeof value !== 'object') return value;
  const o = value as Record<string, unknown>;
  return Object.fromEntries(
    Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .toSorted()
      .map((k) => [k, sorted(o[k])]),
  );
}

/** The template as a pack stores it, keys in a fixed order at every depth: what is hashed and synced. */
export function canonical(template: Template): string {
  return JSON.stringify(sorted(withoutSource(template)));
}

export const versionOf = (template: Template) => hashText(canonical(template));

/** The version a deletion stands for. */
export const deletionVersion = (id: string, at: string, by: string) => `x${hashText(`${id}\n${at}\n${by}`)}`;

// ── deflate + base64, with the platform's own CompressionStream (browsers, Node ≥ 18) ──

const hasDeflate = typeof CompressionStream === 'function' && typeof DecompressionStream === 'function';

async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const out = new Response(new Blob([bytes as BlobPart]).stream().pipeThrough(stream));
  return new Uint8Array(await out.arrayBuffer());
}

function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

function fromBase64(text: string): Uint8Array {
  const s = atob(text);
  const bytes = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) bytes[i] = s.charCodeAt(i);
  return bytes;
}

export type Packing = 'deflate' | 'raw';

export async function pack(text: string): Promise<{ data: string; packing: Packing }> {
  const bytes = new TextEncoder().encode(text);
  if (!hasDeflate) return { data: toBase64(bytes), packing: 'raw' };
  return { data: toBase64(await pipe(bytes, new CompressionStream('deflate'))), packing: 'deflate' };
}

export async function unpack(data: string, packing: Packing): Promise<string> {
  const bytes = fromBase64(data);
  const plain = packing === 'deflate' ? await pipe(bytes, new DecompressionStream('deflate')) : bytes;
  return new TextDecoder('utf-8', { fatal: true }).decode(plain);
}

// ── items ──

/** What a head says about the version it carries. */
export interface VersionInfo {
  /** Version hash. */
  h: string;
  /** Edit count, for people (« version 3 »). */
  r: number;
  /** When the edit was made (ISO). */
  u: string;
  /** Which browser profile made it (random id). */
  d: string;
  /** Earlier versions this one was made on top of, newest first. */
  p: string[];
}

export interface TemplateHead extends VersionInfo {
  v: number;
  /** Number of items, head included. */
  n: number;
  z: Packing;
  /** First chunk of the base64 data. */
  c: string;
}

export interface DeletionHead extends VersionInfo {
  v: number;
  x: 1;
}

export interface ChunkItem {
  h: string;
  c: string;
}

/** The items of one template version: head (first) and chunks, each within the per-item quota. */
export async function encodeTemplate(template: Template, info: VersionInfo): Promise<Record<string, unknown>> {
  const { data, packing } = await pack(canonical(template));
  const room = SYNC_QUOTA.bytesPerItem - ITEM_MARGIN - utf8Length(chunkKey(template.id, 999)) - info.p.length * 16;
  const parts: string[] = [];
  for (let i = 0; i < data.length || parts.length === 0; i += room) parts.push(data.slice(i, i + room));
  const items: Record<string, unknown> = {};
  const head: TemplateHead = { v: SYNC_FORMAT, ...info, n: parts.length, z: packing, c: parts[0]! };
  items[headKey(template.id)] = head;
  parts.slice(1).forEach((c, i) => (items[chunkKey(template.id, i + 1)] = { h: info.h, c } satisfies ChunkItem));
  return items;
}

export function encodeDeletion(id: string, info: VersionInfo): Record<string, unknown> {
  return { [headKey(id)]: { v: SYNC_FORMAT, x: 1, ...info } satisfies DeletionHead };
}

/** One template as found in sync storage. */
export type RemoteEntry =
  | { kind: 'template'; id: string; info: VersionInfo; template: Template; keys: string[] }
  | { kind: 'deleted'; id: string; info: VersionInfo; keys: string[] }
  /** A chunk is missing or belongs to another version: a write still arriving, or two writes mixed. */
  | { kind: 'incomplete'; id: string; info: VersionInfo; keys: string[] }
  /** Unreadable, or not a valid template: set aside, never used. */
  | { kind: 'damaged'; id: string; keys: string[]; reason: string; raw: Record<string, unknown>; info?: VersionInfo }
  /** Written by a later version of Modèles: left alone. */
  | { kind: 'newer'; id: string; keys: string[] };

const str = (v: unknown): v is string => typeof v === 'string';

function versionInfo(head: Record<string, unknown>): VersionInfo | null {
  const { h, r, u, d, p } = head;
  if (!str(h) || typeof r !== 'number' || !str(u) || !str(d) || !Array.isArray(p) || !p.every(str)) return null;
  return { h, r, u, d, p: p.slice(0, HISTORY) };
}

/** Groups the prefixed items of sync storage by template and reads each one; other items are ignored. */
export async function decodeAll(items: Record<string, unknown>): Promise<Map<string, RemoteEntry>> {
  type Group = { head?: unknown; chunks: Map<number, unknown>; keys: string[] };
  const groups = new Map<string, Group>();
  for (const [key, value] of Object.entries(items)) {
    if (!key.startsWith(HEAD)) continue;
    const rest = key.slice(HEAD.length);
    const m = /^(.+)\.(\d+)$/.exec(rest);
    const id = m ? m[1]! : rest;
    const group: Group = groups.get(id) ?? { chunks: new Map<number, unknown>(), keys: [] };
    groups.set(id, group);
    group.keys.push(key);
    if (m) group.chunks.set(Number(m[2]), value);
    else group.head = value;
  }
  const out = new Map<string, RemoteEntry>();
  for (const [id, g] of groups) out.set(id, await decodeOne(id, g.head, g.chunks, g.keys.toSorted()));
  return out;
}

async function decodeOne(id: string, head: unknown, chunks: Map<number, unknown>, keys: string[]): Promise<RemoteEntry> {
  const raw = Object.fromEntries(keys.map((k) => [k, k === headKey(id) ? head : chunks.get(Number(k.slice(headKey(id).length + 1)))]));
  const damaged = (reason: string, info?: VersionInfo): RemoteEntry => ({ kind: 'damaged', id, keys, reason, raw, ...(info && { info }) });
  // Chunks without their head: the head of a new write has not arrived yet, or it was lost.
  if (head === undefined) return damaged('des morceaux sans leur en-tête');
  if (!head || typeof head !== 'object' || Array.isArray(head)) return damaged('en-tête illisible');
  const h = head as Record<string, unknown>;
  if (typeof h.v === 'number' && h.v > SYNC_FORMAT) return { kind: 'newer', id, keys };
  const info = versionInfo(h);
  if (h.v !== SYNC_FORMAT || !info) return damaged('en-tête illisible');
  if (h.x === 1) return { kind: 'deleted', id, info, keys };
  const { n, z, c } = h;
  if (typeof n !== 'number' || n < 1 || n > SYNC_QUOTA.maxItems || (z !== 'deflate' && z !== 'raw') || !str(c)) return damaged('en-tête illisible', info);
  const parts = [c];
  for (let i = 1; i < n; i++) {
    const chunk = chunks.get(i) as Partial<ChunkItem> | undefined;
    if (!chunk || chunk.h !== info.h || !str(chunk.c)) return { kind: 'incomplete', id, info, keys };
    parts.push(chunk.c);
  }
  let text: string;
  try {
    text = await unpack(parts.join(''), z);
  } catch {
    return damaged('données compressées illisibles', info);
  }
  // A head whose hash does not match the data was damaged on the way.
  if (hashText(text) !== info.h) return damaged('le contenu ne correspond pas à sa version', info);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return damaged('JSON illisible', info);
  }
  const parsed = packTemplateSchema.safeParse(data);
  if (!parsed.success || parsed.data.id !== id) return damaged('ce n’est pas un modèle valide', info);
  // Compiled again from its own fields, as a pack template is: no raw HTML, no unknown name.
  const { template, problems } = compilePackTemplate(PACK_ID, parsed.data);
  if (!template) return damaged(`modèle refusé : ${problems[0]?.message ?? 'erreur'}`, info);
  // What was written is kept as written, so its version stays the same on every computer.
  return { kind: 'template', id, info, template: parsed.data as Template, keys };
}
