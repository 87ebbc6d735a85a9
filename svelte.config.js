import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

// CROSSTRACK_BUILD_DIR lets parallel builds (several developers or test runs on one
// checkout) use their own output and intermediate folders.
const buildDir = process.env.CROSSTRACK_BUILD_DIR ?? 'build';

/** @type {import('@sveltejs/kit').Config} */
const config = {
  preprocess: vitePreprocess(),
  kit: {
    adapter: adapter({ out: buildDir, precompress: true }),
    outDir: buildDir === 'build' ? '.svelte-kit' : `.svelte-kit-${buildDir.replace(/[^\w-]/g, '_')}`,
    alias: {
      $analysis: 'analysis'
    }
  }
};

export default config;
