// @ts-check
import sitemap from '@astrojs/sitemap';
import tailwindcss from '@tailwindcss/vite';
import { defineConfig } from 'astro/config';
import { config } from './src/config.ts';
import { securityHeaders } from './src/integrations/headers.ts';
import { permalinks } from './src/integrations/permalinks.ts';
import { isCanonicalPage } from './src/integrations/sitemap-filter.ts';

// OUT_DIR and ASTRO_CACHE_DIR let scripts/build.ts build into a temporary
// folder (swapped in only on success) and keep one cache per paper list.
export default defineConfig({
  site: config.siteUrl,
  base: config.basePath,
  trailingSlash: 'always',
  outDir: process.env.OUT_DIR ?? './dist',
  cacheDir: process.env.ASTRO_CACHE_DIR ?? './node_modules/.astro',
  // Styles and scripts stay in files of their own, so one CSP without inline hashes fits every page.
  build: { format: 'directory', inlineStylesheets: 'never' },
  devToolbar: { enabled: false },
  integrations: [
    // The sitemap lists canonical pages only: no redirects, removed papers or 404.
    sitemap({ filter: (page) => isCanonicalPage(page, config) }),
    securityHeaders({ basePath: config.basePath, inlineScripts: ['src/scripts/theme-init.js'] }),
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
