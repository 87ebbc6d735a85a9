import { defineConfig } from 'vitest/config';

// Browser tests against the built server (tests/e2e). One file at a time: each starts
// its own server and Chromium, and a build may run first.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 600_000
  }
});
