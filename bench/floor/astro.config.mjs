// @ts-check
// The bare Astro floor (bench/floor.ts): the same Astro version and build
// settings as the site, one page per paper holding its title and abstract.
import { availableParallelism } from 'node:os';
import { defineConfig } from 'astro/config';

export default defineConfig({
  trailingSlash: 'always',
  outDir: process.env.OUT_DIR ?? './dist',
  cacheDir: process.env.ASTRO_CACHE_DIR ?? './.astro-cache',
  build: { format: 'directory', inlineStylesheets: 'never', concurrency: 32 },
  devToolbar: { enabled: false },
  experimental: {
    incrementalBuild: true,
    parallelPrerender: {
      workers: Number(process.env.PRERENDER_WORKERS ?? availableParallelism() - 1),
    },
  },
});
