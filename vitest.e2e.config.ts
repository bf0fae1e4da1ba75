import { defineConfig } from 'vitest/config';

/**
 * Browser tests: the built web app (dist/web, built by the global setup when missing or
 * stale) served by the real server on a fresh database, driven through Debian's Chromium.
 *   npx vitest run --config vitest.e2e.config.ts     (CHROMIUM_PATH to use another browser)
 */
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.test.ts'],
    globalSetup: ['test/e2e/global-setup.ts'],
    testTimeout: 90_000,
    // beforeAll starts the server (up to harness START_MS on a busy machine) and the browser.
    hookTimeout: 300_000,
    pool: 'forks',
    fileParallelism: false,
  },
});
