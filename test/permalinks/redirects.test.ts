import { describe, expect, test } from 'vitest';
import { arxivRedirectFiles } from '../../src/lib/permalinks/redirects.ts';
import type { Registry } from '../../src/lib/permalinks/registry.ts';
import { createUrls } from '../../src/lib/permalinks/urls.ts';

const live = (title: string, arxiv?: string) => ({
  status: 'live' as const,
  fingerprint: 'f',
  titleKey: 't',
  abstractKey: 'a',
  title,
  ...(arxiv ? { arxiv } : {}),
});

const registry: Registry = {
  version: 1,
  papers: {
    'sparse-experts': live('Sparse <script>alert(1)</script> $k$-experts', '2405.15738'),
    'old-style': live('An old-style id', 'hep-th/9901001'),
    'no-arxiv': live('No arXiv id'),
    gone: { status: 'removed', title: 'Gone', arxiv: '2401.00001' },
  },
  topics: {},
  authors: {},
};

describe('the /abs/<arXiv id>/ redirect pages', () => {
  const files = [...arxivRedirectFiles(registry, createUrls('/lab/', 'https://example.org'))];

  test('exist for every live paper with an arXiv id, old-style ids in folders', () => {
    expect(files.map((f) => f.path).sort()).toEqual([
      'abs/2405.15738/index.html',
      'abs/hep-th/9901001/index.html',
    ]);
  });

  test('send people to the paper under the base path, with an escaped title', () => {
    const page = files.find((f) => f.path === 'abs/2405.15738/index.html')?.body ?? '';
    expect(page).toContain('url=/lab/papers/sparse-experts/');
    expect(page).toContain('href="https://example.org/lab/papers/sparse-experts/"');
    expect(page).not.toContain('<script>');
    expect(page).toContain('&lt;script&gt;');
  });
});
