/** Real lists for topic tests: the bundled list and the Hugging Face daily papers. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { readPapers } from '../../src/lib/ingest/index.ts';
import { assignSlugs } from '../../src/lib/ingest/slug.ts';
import type { TopicPaper } from '../../src/lib/topics/index.ts';

const root = path.resolve(import.meta.dirname, '../..');

export const FIXTURES = path.join(root, 'test/fixtures/topics');

export function fixture(name: string): { text: string; file: string } {
  const file = `test/fixtures/topics/${name}`;
  return { text: readFileSync(path.join(root, file), 'utf8'), file };
}

/** The 198 bundled papers, through ingest, with their slugs. */
export async function bundled(): Promise<TopicPaper[]> {
  const { papers } = await readPapers(path.join(root, 'src/content/papers.txt'));
  return assignSlugs(papers);
}

const HF = path.resolve(root, '../shared/papers/hf-daily-api');

/**
 * The 73 papers of five days of the Hugging Face daily-papers API, read
 * directly (JSON.parse) so these tests do not depend on ingest's formats.
 */
export function hfDaily(): TopicPaper[] {
  const out: TopicPaper[] = [];
  for (const name of readdirSync(HF).sort()) {
    const items = JSON.parse(readFileSync(path.join(HF, name), 'utf8')) as {
      paper: { id: string; title: string; summary: string };
    }[];
    for (const { paper } of items) {
      out.push({ slug: paper.id, title: paper.title, abstract: paper.summary });
    }
  }
  return out;
}

/** A paper with a made-up slug for rule tests. */
export function paper(slug: string, title: string, abstract = ''): TopicPaper {
  return { slug, title, abstract };
}
