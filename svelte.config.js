import { readFileSync } from 'node:fs';
import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

// The Content-Security-Policy (why each source is there: src/lib/server/security.ts). Pages get
// it from SvelteKit, which adds the hash of its own inline start-up script; every other response
// gets the same directives from src/lib/server/security.ts.
const cspDirectives = JSON.parse(readFileSync(new URL('./src/lib/server/csp-directives.json', import.meta.url), 'utf8'));

// CROSSTRACK_BUILD_DIR lets parallel builds (several developers or test runs on one
// checkout) use their own output and intermediate folders.
const buildDir = process.env.CROSSTRACK_BUILD_DIR ?? 'build';

/** @type {import('@sveltejs/kit').Config} */
const config = {
  preprocess: vitePreprocess(),
  kit: {
    adapter: adapter({ out: buildDir, precompress: true }),
    csp: { mode: 'hash', directives: cspDirectives },
    outDir: buildDir === 'build' ? '.svelte-kit' : `.svelte-kit-${buildDir.replace(/[^\w-]/g, '_')}`,
    alias: {
      $analysis: 'analysis'
    }
  }
};

export default config;
