import { describe, expect, test } from 'vitest';
import { searchIndexHeaders } from '../../src/integrations/headers.ts';
import { buildSearchIndex } from '../../src/lib/search/build.ts';
import { DOCS } from './fixtures.ts';

/** The rules of `_headers` lines as path -> Cache-Control. */
function rules(lines: string[]): Map<string, string> {
  const out = new Map<string, string>();
  let path = '';
  for (const line of lines) {
    if (line && !line.startsWith(' ')) path = line;
    const m = /^ {2}Cache-Control: (.*)$/u.exec(line);
    if (m) out.set(path, m[1] as string);
  }
  return out;
}

/** The rule a host applies to `path` (exact match, else the folder's splat). */
function ruleFor(r: Map<string, string>, path: string): string | undefined {
  return r.get(path) ?? r.get(`${path.slice(0, path.lastIndexOf('/') + 1)}*`);
}

describe('search index cache headers', () => {
  test('the manifest is revalidated, every other index file is cached for good', () => {
    const r = rules(searchIndexHeaders('/papers-site/'));
    const built = buildSearchIndex(DOCS);
    for (const f of built.files) {
      const rule = ruleFor(r, `/papers-site/search-index/${f.path}`);
      if (f.path === 'manifest.json') expect(rule).toBe('no-cache');
      else expect(rule).toContain('immutable');
    }
    expect(ruleFor(r, '/papers-site/search-index/facets.json')).toBe('no-cache');
  });

  test('no rule matches both the manifest and a cached file', () => {
    const paths = [...rules(searchIndexHeaders('/')).keys()];
    expect(paths.filter((p) => p === '/search-index/*' || p === '/*')).toEqual([]);
  });
});
