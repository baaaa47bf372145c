/**
 * Which built pages belong in the sitemap: canonical pages only, not the
 * redirect pages of retitled papers, the pages of removed papers, the pages
 * of split author names, or the 404.
 */
import type { SiteConfig } from '../config.ts';
import { createUrls } from '../lib/permalinks/urls.ts';
import { pendingRegistryPath, readRegistryFile } from '../lib/permalinks/state.ts';

let excluded: Set<string> | undefined;

export function isCanonicalPage(page: string, config: SiteConfig): boolean {
  if (!excluded) {
    const urls = createUrls(config.basePath, config.siteUrl);
    const registry = readRegistryFile(pendingRegistryPath(config.cacheDir, config.permalinks));
    excluded = new Set([urls.absolute('/404/'), urls.absolute('/404.html')]);
    for (const [slug, entry] of Object.entries(registry.papers)) {
      if (entry.status !== 'live') excluded.add(urls.absolute(`/papers/${slug}/`));
    }
    for (const [slug, entry] of Object.entries(registry.authors)) {
      if (entry.status !== 'live') excluded.add(urls.absolute(`/authors/${slug}/`));
    }
  }
  const path = new URL(page).pathname;
  return !excluded.has(page) && !/\/abs\//.test(path);
}
