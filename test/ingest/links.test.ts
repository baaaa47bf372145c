import { describe, expect, test } from 'vitest';
import { classifyUrl, collectLinks, findUrls, trimUrl } from '../../src/lib/ingest/links.ts';

describe('trimUrl', () => {
  test.each([
    ['https://github.com/yh-hust/PDF-Wukong.', 'https://github.com/yh-hust/PDF-Wukong'],
    ['https://github.com/a/b),', 'https://github.com/a/b'],
    [
      'https://en.wikipedia.org/wiki/Set_(mathematics)',
      'https://en.wikipedia.org/wiki/Set_(mathematics)',
    ],
    ['https://x.org/a_(b)).', 'https://x.org/a_(b)'],
    ['https://x.org/page";', 'https://x.org/page'],
  ])('%s', (input, expected) => {
    expect(trimUrl(input)).toBe(expected);
  });
});

describe('findUrls', () => {
  test('finds http(s), www. and bare GitHub addresses with positions', () => {
    const text = 'Code at https://github.com/a/b. Demo: www.example.org/demo, and github.com/c/d).';
    expect(findUrls(text).map((m) => [m.url, text.slice(m.start, m.end)])).toEqual([
      ['https://github.com/a/b', 'https://github.com/a/b'],
      ['https://www.example.org/demo', 'www.example.org/demo'],
      ['https://github.com/c/d', 'github.com/c/d'],
    ]);
  });

  test('finds addresses in any letter case, and none in prose that only mentions hosts', () => {
    const text =
      'See HTTPS://Example.org/A and GitHub.com/Org/Repo; github pages and huggingface models.';
    expect(findUrls(text).map((m) => m.url)).toEqual([
      'HTTPS://Example.org/A',
      'https://GitHub.com/Org/Repo',
    ]);
  });

  test('never returns javascript:, data: or credentialed URLs', () => {
    const text =
      'javascript:alert(1) data:text/html;base64,xx https://user:pw@evil.org/ ftp://x.org/';
    expect(findUrls(text)).toEqual([]);
  });
});

describe('classifyUrl', () => {
  test.each([
    [
      'https://github.com/facebookresearch/dpr-scale/tree/main/spar',
      'code',
      'facebookresearch/dpr-scale',
    ],
    ['https://gitlab.com/group/repo.git', 'code', 'group/repo'],
    ['https://huggingface.co/datasets/org/set', 'dataset', 'org/set'],
    ['https://huggingface.co/spaces/org/app', 'demo', 'org/app'],
    ['https://huggingface.co/org/model-7b', 'model', 'org/model-7b'],
    ['https://someone.github.io/project/', 'project', 'someone.github.io/project'],
    ['https://arxiv.org/abs/2405.15738', 'paper', 'arxiv.org/abs/2405.15738'],
    ['https://zenodo.org/records/123', 'dataset', 'zenodo.org/records/123'],
    ['https://example.org/', 'other', 'example.org'],
  ])('%s', (url, kind, label) => {
    expect(classifyUrl(url)).toEqual({ url, kind, label });
  });
});

describe('collectLinks', () => {
  test('puts code first and lists each URL once', () => {
    const links = collectLinks(
      [
        'Project page https://me.github.io/x/ and code https://github.com/me/x. Again: https://github.com/me/x/',
      ],
      [],
    );
    expect(links.map((l) => l.kind)).toEqual(['code', 'project']);
  });

  test('puts links given by fields before ones found in the text', () => {
    const links = collectLinks(['see https://github.com/other/fork'], ['https://github.com/me/x']);
    expect(links.map((l) => l.label)).toEqual(['me/x', 'other/fork']);
  });
});
