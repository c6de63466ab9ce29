/** Messages between the background, the content scripts and the settings page. */
import type { AssembledLibrary } from './packs/library';
import type { RefreshReport } from './packs/subscribe';

export type Message = { type: 'open-palette' } | { type: 'get-library' } | { type: 'refresh-packs' };

export interface Responses {
  'get-library': AssembledLibrary;
  'open-palette': void;
  'refresh-packs': RefreshReport[];
}

export function isMessage<T extends Message['type']>(value: unknown, type: T): value is Extract<Message, { type: T }> {
  return !!value && typeof value === 'object' && (value as { type?: unknown }).type === type;
}

/** The name of the keyboard command declared in the manifest. */
export const OPEN_PALETTE_COMMAND = 'open-palette';
