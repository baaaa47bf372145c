/**
 * The build pipeline up to Astro (`prepareOnly`), on a small list, with its
 * real thread pool: what each stage leaves for the content loader and the
 * collection model, and how a failing stage fails the build.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, test, vi } from 'vitest';

const work = mkdtempSync(path.join(tmpdir(), 'pipeline-test-'));
const list = path.join(work, 'list.txt');
// The first 100 papers of the bundled list (a title line, then an abstract line).
const lines = readFileSync('src/content/papers.txt', 'utf8').split('\n');
writeFileSync(list, `${lines.slice(0, 200).join('\n')}\n`);

vi.stubEnv('PAPERS', list);
vi.stubEnv('CACHE_DIR', path.join(work, 'cache'));
vi.stubEnv('PERMALINKS', path.join(work, 'permalinks.json'));
vi.stubEnv('TOPICS', '');
vi.stubEnv('BUILD_STAGES_FILE', '');

const { runPipeline, StageError } = await import('../../src/lib/pipeline/index.ts');
const { config } = await import('../../src/config.ts');
const { recordsFile, readEntries } = await import('../../src/lib/pipeline/records-file.ts');
const { pendingRegistryPath, readRegistryFile } = await import('../../src/lib/permalinks/state.ts');
const { stagingDir } = await import('../../src/lib/staging.ts');

const quiet = () => undefined;

describe('the build pipeline', () => {
  let timings: { name: string; parallel?: boolean | undefined }[] = [];
  beforeAll(async () => {
    timings = (await runPipeline({ out: path.join(work, 'out'), prepareOnly: true, log: quiet }))
      .timings;
  }, 60_000);

  test('writes one record per paper, in list order, for the content loader', () => {
    const entries = readEntries(recordsFile(config.cacheDir, config.permalinks));
    expect(entries.length).toBeGreaterThan(50);
    expect(entries.map((e) => e.index)).toEqual(entries.map((_, i) => i));
    expect(new Set(entries.map((e) => e.slug)).size).toBe(entries.length);
  });

  test('resolves paper and topic permalinks, and commits nothing before Astro', () => {
    const pending = readRegistryFile(pendingRegistryPath(config.cacheDir, config.permalinks));
    expect(Object.keys(pending.papers).length).toBeGreaterThan(50);
    expect(Object.keys(pending.topics).length).toBeGreaterThan(0);
    expect(existsSync(config.permalinks)).toBe(false);
  });

  test('stages every twin, and the search index in a folder of its own', () => {
    const entries = readEntries(recordsFile(config.cacheDir, config.permalinks));
    const staged = (part: 'files' | 'search') =>
      Object.keys(
        JSON.parse(
          readFileSync(
            path.join(stagingDir(config.cacheDir, config.permalinks, part), '.manifest.json'),
            'utf8',
          ),
        ) as Record<string, string>,
      );
    expect(staged('files').filter((f) => f.startsWith('papers/')).length).toBe(entries.length);
    expect(staged('files').some((f) => f.startsWith('search-index/'))).toBe(false);
    expect(staged('search').length).toBeGreaterThan(3);
    expect(staged('search').every((f) => f.startsWith('search-index/'))).toBe(true);
  });

  test('runs related papers, topics and the staged files on the pool', () => {
    const parallel = timings.filter((t) => t.parallel).map((t) => t.name);
    expect(parallel).toEqual(
      expect.arrayContaining([
        'related papers and map',
        'topics',
        'search index',
        expect.stringMatching(/paper twins/),
      ]),
    );
  });

  test('an unchanged list keeps its records and parses nothing', async () => {
    // As a successful build commits it.
    writeFileSync(
      config.permalinks,
      readFileSync(pendingRegistryPath(config.cacheDir, config.permalinks)),
    );
    const again = await runPipeline({ out: path.join(work, 'out'), prepareOnly: true, log: quiet });
    const names = again.timings.map((t) => t.name);
    expect(names).toContain('text: list unchanged, stored records kept');
    expect(names).not.toContain('parse the list');
  }, 60_000);

  test('a stage on the pool that throws fails the build with its own message', async () => {
    const topics = path.join(work, 'topics.yaml');
    writeFileSync(topics, 'topics:\n  - slug: Not A Slug\n    name: Bad\n');
    config.topics = topics;
    try {
      const run = runPipeline({ out: path.join(work, 'out'), prepareOnly: true, log: quiet });
      await expect(run).rejects.toBeInstanceOf(StageError);
      await expect(run).rejects.toThrow(/^Cannot use the topics file\.\n.*topics\.yaml/);
    } finally {
      config.topics = undefined;
    }
  }, 60_000);
});
