import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    exclude: ['test/e2e/**', 'node_modules/**', 'dist/**'],
    // Timeouts catch hangs, not slowness: on a busy 2-core machine (load ~20) opening a PGlite
    // data directory twice (lock.test.ts) took over 60 s and failed a correct test.
    testTimeout: 180_000,
    hookTimeout: 240_000,
    pool: 'forks',
    maxWorkers: 2,
    // No retries: a test that fails once has found something (a flaky test is a bug to find).
    retry: 0,
  },
});
