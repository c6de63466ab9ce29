// oxlint-disable-next-line import/no-unassigned-import -- a polyfill, imported for its effect
import './test/node20.ts';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

/** Unit tests: lib/, components/ and the background, with WXT's in-memory fake browser. */
export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['test/unit/**/*.test.{ts,tsx}'],
    restoreMocks: true,
  },
});
