/** The browser of an end-to-end test file: launched before its tests with the given pages served, closed after. */
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launch, type Browser } from './harness';

export function browserForFile(...serve: ((context: BrowserContext) => Promise<void>)[]): Browser {
  let current: Browser | undefined;
  beforeAll(async () => {
    current = await launch();
    for (const page of serve) await page(current.context);
  });
  afterAll(async () => {
    await current?.close();
  });
  // The tests hold this object from the start; it stands for the browser once launched.
  return new Proxy({} as Browser, {
    get: (_, key) => current![key as keyof Browser],
    set: (_, key, value) => Reflect.set(current!, key, value),
  });
}
