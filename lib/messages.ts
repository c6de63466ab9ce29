/** Messages between the background and the content scripts. */
import type { Library } from './templates/types';

export type Message = { type: 'open-palette' } | { type: 'get-library' };

export interface Responses {
  'get-library': Library;
  'open-palette': void;
}

export function isMessage<T extends Message['type']>(value: unknown, type: T): value is Extract<Message, { type: T }> {
  return !!value && typeof value === 'object' && (value as { type?: unknown }).type === type;
}

/** The name of the keyboard command declared in the manifest. */
export const OPEN_PALETTE_COMMAND = 'open-palette';
