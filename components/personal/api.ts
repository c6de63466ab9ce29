/** The settings page asks the background, which alone writes « Mes modèles » (lib/personal/service.ts). */
import browser from 'webextension-polyfill';
import type { PersonalMessage } from '../../lib/personal/messages';

export function sendPersonal<T = unknown>(message: PersonalMessage): Promise<T> {
  return browser.runtime.sendMessage(message) as Promise<T>;
}
