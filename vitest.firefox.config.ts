// oxlint-disable-next-line import/no-unassigned-import -- a polyfill, imported for its effect
import './test/node20.ts';
import { defineConfig } from 'vitest/config';

/** End-to-end tests in Firefox: the built Firefox extension in Debian's firefox-esr, through puppeteer-core (WebDriver BiDi). */
export default defineConfig({
  test: {
    include: ['test/e2e/firefox/**/*.firefox.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
