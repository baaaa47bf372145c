import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { pagesAhead } from '../../src/lib/permalinks/ahead.ts';
import { pendingRegistryPath, writeRegistryFile } from '../../src/lib/permalinks/state.ts';
import { createUrls } from '../../src/lib/permalinks/urls.ts';
import type { Registry } from '../../src/lib/permalinks/registry.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function cacheWith(registry: Registry | undefined): { cacheDir: string; registryFile: string } {
  const cacheDir = mkdtempSync(path.join(tmpdir(), 'pages-ahead-'));
  dirs.push(cacheDir);
  const registryFile = path.join(cacheDir, 'permalinks.json');
  if (registry) writeRegistryFile(pendingRegistryPath(cacheDir, registryFile), registry);
  return { cacheDir, registryFile };
}

const live = (title: string) =>
  ({ status: 'live', fingerprint: 'f', titleKey: 't', abstractKey: 'a', title }) as const;

describe('pagesAhead', () => {
  test('counts every paper slug the build will publish, and names a paper page, the list and a topic page to warm up on', () => {
    const { cacheDir, registryFile } = cacheWith({
      version: 1,
      papers: {
        'old-title': { status: 'redirect', to: 'new-title', title: 'Old title' },
        'new-title': live('New title'),
        gone: { status: 'removed', title: 'Gone' },
        other: live('Other'),
      },
      topics: {
        'old-topic': { status: 'removed', name: 'Old topic' },
        'sparse-retrieval': { status: 'live', name: 'Sparse retrieval' },
      },
    });
    const urls = createUrls('/lab/', 'https://example.org');
    expect(pagesAhead(cacheDir, registryFile, urls, 'https://example.org')).toEqual({
      pages: 4,
      warmUp: [
        'https://example.org/lab/papers/new-title/',
        'https://example.org/lab/papers/',
        'https://example.org/lab/topics/sparse-retrieval/',
      ],
    });
  });

  test('knows nothing before the content loader has resolved the registry', () => {
    const { cacheDir, registryFile } = cacheWith(undefined);
    expect(pagesAhead(cacheDir, registryFile, createUrls('/', 'http://x'), 'http://x')).toBe(
      undefined,
    );
  });
});
