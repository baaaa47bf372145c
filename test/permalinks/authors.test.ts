import { describe, expect, test } from 'vitest';
import {
  authorSlug,
  resolveAuthorPermalinks,
  type AuthorEntry,
  type PagedAuthor,
} from '../../src/lib/permalinks/authors.ts';

const author = (
  name: string,
  key: string,
  members: string[] = [key],
  slug?: string,
): PagedAuthor => ({
  name,
  key,
  members,
  slug,
});

describe('authorSlug', () => {
  test.each([
    ['José García', 'jose garcia', 'jose-garcia'],
    ['Jürgen Müller', 'jurgen muller', 'jurgen-muller'],
    ["Moreno D'Incà", 'moreno d inca', 'moreno-d-inca'],
    ['<script>alert(1)</script>', 'script alert 1 script', 'script-alert-1-script'],
  ])('%s -> %s', (name, key, slug) => expect(authorSlug(name, key)).toBe(slug));

  test('a name with no Latin letters gets a slug from its key', () => {
    expect(authorSlug('张三', '张三')).toMatch(/^author-[0-9a-f]{8}$/);
  });
});

describe('resolveAuthorPermalinks', () => {
  test('new authors get their name as slug, colliding names a number, reserved slugs skipped', () => {
    const { entries } = resolveAuthorPermalinks(
      [
        author('Wei Wang', 'wei wang'),
        author('Wei-Wang', 'wei wang x'),
        author('Letter', 'letter'),
      ],
      [],
      {},
      ['letter'],
    );
    expect(Object.keys(entries)).toEqual(['letter-2', 'wei-wang', 'wei-wang-2']);
  });

  test('a published slug stays with its name, whatever else joins the list', () => {
    const previous: Record<string, AuthorEntry> = {
      'wei-wang-2': { status: 'live', name: 'Wei Wang', key: 'wei wang' },
    };
    const { slugOf } = resolveAuthorPermalinks(
      [author('Wei-Wang', 'wei wang x'), author('Wei Wang', 'wei wang')],
      [],
      previous,
    );
    expect(slugOf.get('wei wang')).toBe('wei-wang-2');
    expect(slugOf.get('wei wang x')).toBe('wei-wang');
  });

  test('a merged name redirects to the author it joined', () => {
    const previous: Record<string, AuthorEntry> = {
      'j-smith': { status: 'live', name: 'J. Smith', key: 'j smith' },
      'john-smith': { status: 'live', name: 'John Smith', key: 'john smith' },
    };
    const { entries, notes } = resolveAuthorPermalinks(
      [author('John Smith', 'john smith', ['john smith', 'j smith'])],
      [],
      previous,
    );
    expect(entries['j-smith']).toEqual({
      status: 'redirect',
      to: 'john-smith',
      name: 'J. Smith',
      key: 'j smith',
    });
    expect(notes).toEqual(['author: /authors/j-smith/ now redirects to /authors/john-smith/']);
  });

  test('a new slug from the authors file redirects from the old one', () => {
    const previous: Record<string, AuthorEntry> = {
      'jurgen-schmidhuber': {
        status: 'live',
        name: 'Jürgen Schmidhuber',
        key: 'jurgen schmidhuber',
      },
    };
    const { entries } = resolveAuthorPermalinks(
      [author('Jürgen Schmidhuber', 'jurgen schmidhuber', undefined, 'juergen')],
      [],
      previous,
    );
    expect(entries['juergen']?.status).toBe('live');
    expect(entries['jurgen-schmidhuber']).toMatchObject({ status: 'redirect', to: 'juergen' });
  });

  test("a slug from the authors file may not take another author's published slug", () => {
    const previous: Record<string, AuthorEntry> = {
      ann: { status: 'unlisted', name: 'Ann Other', key: 'ann other' },
    };
    expect(() =>
      resolveAuthorPermalinks([author('Ann Lee', 'ann lee', undefined, 'ann')], [], previous),
    ).toThrow(/slug "ann", which belongs to "Ann Other"/);
  });

  test('a slug that is also a name of Object.prototype is an ordinary slug', () => {
    const entry: AuthorEntry = { status: 'live', name: 'Constructor', key: 'constructor' };
    const { entries } = resolveAuthorPermalinks(
      [],
      [],
      Object.fromEntries([['constructor', entry]]),
    );
    expect(Object.hasOwn(entries, 'constructor')).toBe(true);
    expect(entries['constructor']?.status).toBe('unlisted');
  });

  test('a split name lists its people; an author without a page is unlisted, and comes back', () => {
    const previous: Record<string, AuthorEntry> = {
      'wei-wang': { status: 'live', name: 'Wei Wang', key: 'wei wang' },
      'ann-lee': { status: 'live', name: 'Ann Lee', key: 'ann lee' },
    };
    const first = resolveAuthorPermalinks(
      [author('Wei Wang (A)', 'wei wang a'), author('Wei Wang (B)', 'wei wang b')],
      [{ key: 'wei wang', name: 'Wei Wang', parts: ['wei wang a', 'wei wang b'] }],
      previous,
    );
    expect(first.entries['wei-wang']).toEqual({
      status: 'split',
      into: ['wei-wang-a', 'wei-wang-b'],
      name: 'Wei Wang',
      key: 'wei wang',
    });
    expect(first.entries['ann-lee']?.status).toBe('unlisted');
    const again = resolveAuthorPermalinks([author('Ann Lee', 'ann lee')], [], first.entries);
    expect(again.entries['ann-lee']?.status).toBe('live');
  });
});
