/**
 * The pipeline's author stages: the authors file read, identity resolved
 * (src/lib/authors), then, once topics are known, who gets a page and at
 * which slug. The model reads what `authorPages` writes.
 */
import { existsSync, readFileSync } from 'node:fs';
import { config } from '../../config.ts';
import { AuthorsFileError, parseAuthorsFile, type AuthorsFile } from '../authors/file.ts';
import { resolveAuthors, type AuthorIdentity, type IdentityPaper } from '../authors/identity.ts';
import { otherPageCount, parsePageMinSetting } from '../authors/pages.ts';
import {
  authorsDataFile,
  RESERVED_AUTHOR_SLUGS,
  siteAuthors,
  writeAuthorsData,
  type SiteAuthors,
} from '../authors/site.ts';
import { monthKey } from '../dates.ts';
import type { Registry } from '../permalinks/registry.ts';

/** The authors file, when there is one; one named by `AUTHORS` must exist. */
export function readAuthorsFile(): AuthorsFile | undefined {
  const file = config.authors;
  if (!existsSync(file)) {
    if (process.env.AUTHORS?.trim())
      throw new AuthorsFileError(
        file,
        undefined,
        undefined,
        'no such authors file (named by AUTHORS)',
      );
    return undefined;
  }
  return parseAuthorsFile(readFileSync(file, 'utf8'), file, RESERVED_AUTHOR_SLUGS);
}

export function authorIdentity(papers: readonly IdentityPaper[]): AuthorIdentity {
  return resolveAuthors(papers, readAuthorsFile());
}

/** Who gets a page and at which slug, written for the collection model. */
export function authorPages(
  identity: AuthorIdentity,
  site: {
    papers: readonly { date?: string | undefined }[];
    registry: Registry;
    topicSizes: readonly number[];
    cacheDir: string;
    registryFile: string;
  },
): SiteAuthors {
  const months = new Map<string, number>();
  for (const p of site.papers) {
    const key = monthKey(p.date);
    if (key) months.set(key, (months.get(key) ?? 0) + 1);
  }
  const gone =
    Object.values(site.registry.papers).filter((e) => e.status !== 'live').length +
    Object.values(site.registry.topics).filter((e) => e.status !== 'live').length;
  const result = siteAuthors(identity, {
    papers: site.papers.length,
    otherPages: otherPageCount({
      papers: site.papers.length,
      gonePages: gone,
      pageSize: config.pageSize,
      topicSizes: site.topicSizes,
      monthSizes: [...months.values()],
    }),
    setting: parsePageMinSetting(config.authorPageMin),
    previous: site.registry.authors,
  });
  writeAuthorsData(authorsDataFile(site.cacheDir, site.registryFile), result.data);
  return result;
}
