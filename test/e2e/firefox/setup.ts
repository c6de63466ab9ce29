/** The Firefox of a test file: launched before its tests, closed after. */
import { afterAll, beforeAll } from 'vitest';
import { launchFirefox, type Firefox } from './harness';

export function firefoxForFile(): Firefox {
  let current: Firefox | undefined;
  beforeAll(async () => {
    current = await launchFirefox();
  });
  afterAll(async () => {
    await current?.close();
  });
  return new Proxy({} as Firefox, { get: (_, key) => current![key as keyof Firefox] });
}
