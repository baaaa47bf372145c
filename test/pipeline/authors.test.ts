/**
 * Authors through the build pipeline (`prepareOnly`): identity and pages on a
 * small list with the hard cases, the staged feeds and BibTeX, and what the
 * authors file changes on the next build (a new slug redirects, a split name
 * lists its people); a bad authors file fails the build naming file and line.
 */
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse as parseBibtex } from '@retorquere/bibtex-parser';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { beforeAll, describe, expect, test, vi } from 'vitest';

const work = mkdtempSync(path.join(tmpdir(), 'authors-pipeline-'));
const list = path.join(work, 'papers.jsonl');
copyFileSync('test/fixtures/authors/papers.jsonl', list);

vi.stubEnv('PAPERS', list);
vi.stubEnv('CACHE_DIR', path.join(work, 'cache'));
vi.stubEnv('PERMALINKS', path.join(work, 'permalinks.json'));
vi.stubEnv('TOPICS', '');
vi.stubEnv('AUTHORS', '');
vi.stubEnv('SITE_URL', 'https://lab.example.org');
vi.stubEnv('BUILD_STAGES_FILE', '');

const { runPipeline } = await import('../../src/lib/pipeline/index.ts');
const { config } = await import('../../src/config.ts');
const { pendingRegistryPath, readRegistryFile } = await import('../../src/lib/permalinks/state.ts');
const { stagingDir } = await import('../../src/lib/staging.ts');
const { authorsDataFile, readAuthorsData } = await import('../../src/lib/authors/site.ts');

const quiet = () => undefined;
const run = () => runPipeline({ out: path.join(work, 'out'), prepareOnly: true, log: quiet });
const staged = (file: string) =>
  readFileSync(path.join(stagingDir(config.cacheDir, config.permalinks), file), 'utf8');
const registry = () => readRegistryFile(pendingRegistryPath(config.cacheDir, config.permalinks));
/** As a successful build commits it. */
const commit = () =>
  writeFileSync(
    config.permalinks,
    readFileSync(pendingRegistryPath(config.cacheDir, config.permalinks)),
  );
const byName = () =>
  new Map(
    readAuthorsData(authorsDataFile(config.cacheDir, config.permalinks)).authors.map((a) => [
      a.name,
      a,
    ]),
  );

describe('authors in the build pipeline', () => {
  beforeAll(async () => {
    await run();
  }, 60_000);

  test('one author per person: accents, "Last, First", case and initials merged where safe', () => {
    const authors = byName();
    expect(authors.get('José García')?.count).toBe(3);
    expect(authors.get('Jürgen Müller')?.count).toBe(2);
    // "J. Smith" shares Ann Lee with John Smith, the only full "J… Smith".
    expect(authors.get('John Smith')?.count).toBe(3);
    expect(authors.has('J. Smith')).toBe(false);
    // "J. Doe" shares no co-author with John Doe: kept apart.
    expect(authors.get('J. Doe')?.count).toBe(1);
    expect(authors.get('John Doe')?.count).toBe(1);
    expect([...authors.keys()].some((name) => !/\p{L}/u.test(name))).toBe(false);
  });

  test('a list of 12 papers gives every author a page, in the registry', () => {
    const data = readAuthorsData(authorsDataFile(config.cacheDir, config.permalinks));
    expect(data).toMatchObject({ min: 1, rule: 'all' });
    expect(data.authors.every((a) => a.slug)).toBe(true);
    expect(registry().authors['jose-garcia']).toEqual({
      status: 'live',
      name: 'José García',
      key: 'jose garcia',
    });
  });

  test('stages a valid RSS feed and a valid .bib per author', () => {
    const feed = staged('authors/jose-garcia/feed.xml');
    expect(XMLValidator.validate(feed)).toBe(true);
    const items = new XMLParser().parse(feed).rss.channel.item as {
      link: string;
      pubDate: string;
    }[];
    // Newest first: papers 8, 2 and 1 of the list.
    expect(items.map((i) => new Date(i.pubDate).toISOString().slice(0, 7))).toEqual([
      '2024-08',
      '2024-02',
      '2024-01',
    ]);
    expect(items.every((i) => i.link.startsWith('https://lab.example.org/papers/'))).toBe(true);
    const bib = parseBibtex(staged('authors/jose-garcia.bib'));
    expect(bib.errors).toEqual([]);
    expect(bib.entries).toHaveLength(3);
    expect(bib.entries.every((e) => /garc/i.test(JSON.stringify(e.fields.author)))).toBe(true);
  });

  test('the authors file: a new slug redirects from the old, a split name lists its people', async () => {
    commit();
    const file = path.join(work, 'authors.yaml');
    copyFileSync('test/fixtures/authors/papers.authors.yaml', file);
    config.authors = file;
    try {
      await run();
    } finally {
      config.authors = path.join(work, 'none.yaml');
    }
    const entries = registry().authors;
    expect(entries['ann-lee-lab']?.status).toBe('live');
    expect(entries['ann-lee']).toMatchObject({ status: 'redirect', to: 'ann-lee-lab' });
    expect(entries['wei-wang']).toEqual({
      status: 'split',
      into: ['wei-wang-tsinghua', 'wei-wang-jhu'],
      name: 'Wei Wang',
      key: 'wei wang',
    });
    expect(staged('authors/ann-lee/index.html')).toContain('href="/authors/ann-lee-lab/"');
    expect(byName().get('Ann Lee')).toMatchObject({
      orcid: '0000-0002-1825-0097',
      homepage: 'https://example.org/ann',
    });
  }, 60_000);

  test('a bad authors file fails the build with its file, line and entry', async () => {
    const file = path.join(work, 'bad.yaml');
    writeFileSync(file, 'authors:\n  - name: Ann Lee\n    orcid: 0000-0002-1825-0098\n');
    config.authors = file;
    try {
      await expect(run()).rejects.toThrow(
        /^Cannot use the authors file\.\n.*bad\.yaml:3: author "Ann Lee": ORCID iD 0000-0002-1825-0098 has a wrong check digit/,
      );
    } finally {
      config.authors = path.join(work, 'none.yaml');
    }
  }, 60_000);
});
