import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    exclude: ['test/e2e/**', 'node_modules/**', 'dist/**'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 2,
    // In CI a failed test runs once more, so one unexplained flake (an import preview in one CI
    // run out of six, 2026-11-22; the test now prints the upload's answer) cannot block a landing.
    // A real failure fails twice.
    retry: process.env.CI ? 1 : 0,
  },
});
