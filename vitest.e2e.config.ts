import { defineConfig } from 'vitest/config';

// Browser tests against the built server (tests/e2e). One file at a time: each starts
// its own server and Chromium, and a build may run first.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    fileParallelism: false,
    // A browser test may lose a race with the page on a loaded CI machine; one retry keeps CI
    // honest about real failures (a broken feature fails twice) without failing on timing.
    retry: 1,
    testTimeout: 120_000,
    hookTimeout: 600_000
  }
});
