import { fileURLToPath } from 'node:url';
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { analysisSourceHash } from './analysis/code-version.ts';

export default defineConfig({
  plugins: [sveltekit()],
  // The workspace's cache keys carry the analysis code's version (src/lib/server/workspace/analysis.ts).
  define: { __CROSSTRACK_ANALYSIS_VERSION__: JSON.stringify(analysisSourceHash(fileURLToPath(new URL('./analysis', import.meta.url)))) },
  optimizeDeps: { exclude: ['@duckdb/duckdb-wasm'] },
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks'
  }
});
