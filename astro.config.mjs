// @ts-check
import tailwindcss from '@tailwindcss/vite';
import { defineConfig } from 'astro/config';
import { config } from './src/config.ts';
import { securityHeaders } from './src/integrations/headers.ts';
import { pageWorker } from './src/integrations/page-worker.ts';
import { permalinks } from './src/integrations/permalinks.ts';
import { releaseMemory } from './src/integrations/release-memory.ts';
import { sitemap } from './src/integrations/sitemap.ts';
import { stagedFiles } from './src/integrations/staged-files.ts';
import { isCanonicalPage } from './src/integrations/sitemap-filter.ts';
import { pagesAhead } from './src/lib/permalinks/ahead.ts';
import { createUrls } from './src/lib/permalinks/urls.ts';
import { STAGED_WHAT, stagingDir } from './src/lib/staging.ts';

const PAGE_WORKER_IN_FLIGHT = 8;
const urls = createUrls(config.basePath, config.siteUrl);

// OUT_DIR and ASTRO_CACHE_DIR let scripts/build.ts build into a temporary
// folder (swapped in only on success) and keep one cache per paper list.
export default defineConfig({
  // No `site` when nothing says where the site lives (src/lib/site-url.ts): never localhost.
  ...(config.siteUrl ? { site: config.siteUrl } : {}),
  base: config.basePath,
  trailingSlash: 'always',
  outDir: process.env.OUT_DIR ?? './dist',
  cacheDir: process.env.ASTRO_CACHE_DIR ?? './node_modules/.astro',
  // Styles and scripts stay in files of their own, so one CSP without inline hashes fits every page.
  // Pages in flight: each page's writes (output and incremental cache) then overlap the
  // next page's rendering; one at a time left the main thread idle ~30% of the time
  // (10,000 papers, cold: 61 s with 4, 63 s with 8, 74 s with 1). More wait on the page worker.
  build: {
    format: 'directory',
    inlineStylesheets: 'never',
    concurrency: 4 + PAGE_WORKER_IN_FLIGHT,
  },
  devToolbar: { enabled: false },
  // Rebuilds reuse paper pages whose `cacheKey` (model.pageKey) is unchanged.
  experimental: { incrementalBuild: true },
  integrations: [
    releaseMemory(),
    // Pages of papers and paper lists render on two threads in large builds.
    pageWorker({
      routes: [
        'src/pages/papers/[slug].astro',
        'src/pages/papers/[...page].astro',
        'src/pages/topics/[slug]/[...page].astro',
        'src/pages/archive/[...path].astro',
      ],
      minPages: config.pageWorkerFrom,
      inFlight: PAGE_WORKER_IN_FLIGHT,
      ahead: () => pagesAhead(config.cacheDir, config.permalinks, urls, config.siteUrl),
      // ~1 s of pages on the main thread in a cold build; more than an edit re-renders.
      // PAGE_WORKER_FROM=0 (the rebuild check) warms it at once.
      warmAfter: Math.min(500, config.pageWorkerFrom),
    }),
    // The sitemap lists canonical pages only: no redirects, removed papers or 404.
    sitemap({
      siteUrl: config.siteUrl,
      basePath: config.basePath,
      keep: (url) => isCanonicalPage(url, config),
    }),
    securityHeaders({ basePath: config.basePath, inlineScripts: ['src/scripts/theme-init.js'] }),
    stagedFiles({
      dir: stagingDir(config.cacheDir, config.permalinks),
      what: STAGED_WHAT,
    }),
    permalinks({
      registryFile: config.permalinks,
      cacheDir: config.cacheDir,
      basePath: config.basePath,
      siteUrl: config.siteUrl,
    }),
  ],
  vite: {
    plugins: [tailwindcss()],
    build: { assetsInlineLimit: 0 },
  },
});
