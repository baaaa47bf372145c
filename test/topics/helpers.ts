/**
 * Real lists for topic tests, all committed under test/fixtures/topics (see
 * its README): the bundled list, the Hugging Face daily papers, and samples
 * of an arXiv cs list. Read directly (zlib + JSON) so these tests do not
 * depend on ingest's formats.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { readPapers } from '../../src/lib/ingest/index.ts';
import { assignSlugs } from '../../src/lib/ingest/slug.ts';
import type { TopicPaper } from '../../src/lib/topics/index.ts';

const root = path.resolve(import.meta.dirname, '../..');

export const FIXTURES = path.join(root, 'test/fixtures/topics');

export function fixture(name: string): { text: string; file: string } {
  const file = `test/fixtures/topics/${name}`;
  return { text: readFileSync(path.join(root, file), 'utf8'), file };
}

function gunzipText(name: string): string {
  return gunzipSync(readFileSync(path.join(FIXTURES, name))).toString('utf8');
}

/** The 198 bundled papers, through ingest, with their slugs. */
export async function bundled(): Promise<TopicPaper[]> {
  const { papers } = await readPapers(path.join(root, 'src/content/papers.txt'));
  return assignSlugs(papers);
}

/** The 73 papers of five days of the Hugging Face daily-papers API. */
export function hfDaily(): TopicPaper[] {
  return JSON.parse(gunzipText('hf-daily-73.json.gz')) as TopicPaper[];
}

/** A paper of an arXiv sample, with its main category. */
export interface ArxivPaper extends TopicPaper {
  category: string;
}

function arxiv(name: string): ArxivPaper[] {
  return gunzipText(name)
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const x = JSON.parse(line) as {
        arxiv: string;
        title: string;
        abstract?: string;
        categories: string[];
      };
      return {
        slug: x.arxiv,
        title: x.title,
        abstract: x.abstract ?? '',
        category: x.categories[0] ?? '',
      };
    });
}

/** 200 random papers of a 74,728-paper arXiv cs list, with abstracts. */
export const arxiv200 = (): ArxivPaper[] => arxiv('arxiv-cs-200.jsonl.gz');

/** 3,000 random papers of the same list: titles, the first sentence of each abstract (to stay small). */
export const arxiv3000 = (): ArxivPaper[] => arxiv('arxiv-cs-3000.jsonl.gz');

/** A paper with a made-up slug for rule tests. */
export function paper(slug: string, title: string, abstract = ''): TopicPaper {
  return { slug, title, abstract };
}
