import { describe, expect, test } from 'vitest';
import type { Registry, RegistryEntry } from '../../src/lib/permalinks/registry.ts';
import { recordsKey } from '../../src/lib/pipeline/records-key.ts';

const live = (title: string): RegistryEntry => ({
  status: 'live',
  fingerprint: `fp-${title}`,
  titleKey: 't',
  abstractKey: 'a',
  title,
});
const registry = (papers: Record<string, RegistryEntry>): Registry => ({
  version: 1,
  papers,
  topics: {},
  authors: {},
});

describe("the stored records' key", () => {
  const base = registry({ a: live('A'), b: live('B') });
  const key = recordsKey('files', base, '');

  test('does not depend on the order the registry lists papers in, nor on topics and authors', () => {
    expect(recordsKey('files', registry({ b: live('B'), a: live('A') }), '')).toBe(key);
    const withTopics: Registry = { ...base, topics: { t: { status: 'live', name: 'T' } } };
    expect(recordsKey('files', withTopics, '')).toBe(key);
  });

  test('changes with the files, any paper entry, and the retired slugs', () => {
    expect(recordsKey('other files', base, '')).not.toBe(key);
    expect(recordsKey('files', registry({ a: live('A'), b: live('B2') }), '')).not.toBe(key);
    const moved = registry({ a: live('A'), b: { status: 'redirect', to: 'a', title: 'B' } });
    expect(recordsKey('files', moved, '')).not.toBe(key);
    expect(recordsKey('files', registry({ a: live('A') }), '')).not.toBe(key);
    expect(recordsKey('files', base, 'b')).not.toBe(key);
  });

  test('is undefined when a list file could not be read', () => {
    expect(recordsKey(undefined, base, '')).toBeUndefined();
  });
});
