/**
 * What the registry this build resolved (written by the content loader) says
 * about the pages to come, before Astro lists them: about how many paper
 * pages there will be, and a page of each costly route for the page worker to
 * render first (see src/integrations/page-worker.ts).
 */
import { existsSync } from 'node:fs';
import { pendingRegistryPath, readRegistryFile } from './state.ts';
import type { Urls } from './urls.ts';

export function pagesAhead(
  cacheDir: string,
  registryFile: string,
  urls: Urls,
  siteUrl: string | undefined,
): { pages: number; warmUp: string[] } | undefined {
  const file = pendingRegistryPath(cacheDir, registryFile);
  if (!existsSync(file)) return undefined;
  const registry = readRegistryFile(file);
  const papers = Object.entries(registry.papers);
  const paper = papers.find(([, entry]) => entry.status === 'live')?.[0];
  const topic = Object.entries(registry.topics).find(([, entry]) => entry.status === 'live')?.[0];
  const warmUp = [
    ...(paper === undefined ? [] : [urls.paper(paper), urls.papers()]),
    ...(topic === undefined ? [] : [urls.topic(topic)]),
  ];
  return {
    pages: papers.length,
    warmUp: warmUp.map((path) => new URL(path, siteUrl ?? 'http://localhost/').href),
  };
}
