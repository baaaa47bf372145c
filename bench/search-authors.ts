/**
 * The author files of the search index at scale (src/lib/search/build/
 * authors.ts): their number, sizes (raw and gzip) and build time for a list,
 * from its author lists alone (the files do not depend on titles or
 * abstracts). Appends to bench/authors-results.md.
 *
 * Usage: node bench/search-authors.ts [--papers ../shared/papers/arxiv-cs-75k.jsonl.gz]
 */
import { appendFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { resolveAuthors } from '../src/lib/authors/identity.ts';
import { readPapers } from '../src/lib/ingest/index.ts';
import { authorFiles } from '../src/lib/search/build/authors.ts';
import { authorKey } from '../src/lib/search/author-keys.ts';
import type { SearchDoc, SearchIndexFile } from '../src/lib/search/types.ts';

const { values } = parseArgs({
  options: { papers: { type: 'string', default: '../shared/papers/arxiv-cs-75k.jsonl.gz' } },
});
const file = path.resolve(values.papers ?? '');
const { papers } = await readPapers([file]);
const identity = resolveAuthors(
  papers.map((p, i) => ({ slug: String(i), arxiv: p.arxiv, authors: p.authors })),
);
// Authors with at least 4 papers have a page at this size (bench/authors.ts).
const authors = identity.authors.map((a) => ({
  name: a.name,
  slug: a.papers.length >= 4 ? `a${a.id}` : undefined,
  count: a.papers.length,
  keys: [authorKey(a.name), ...a.members.filter((k) => k !== a.key)],
}));
const docs: SearchDoc[] = papers.map((_, id) => ({
  id,
  slug: String(id),
  title: '',
  abstract: '',
  people: identity.byPaper[id] ?? [],
}));
const started = performance.now();
const files: SearchIndexFile[] = [];
const manifest = authorFiles(docs, authors, files);
const ms = performance.now() - started;
const kinds = new Map<string, { files: number; raw: number; gz: number; largest: number }>();
for (const f of files) {
  const kind = f.path.startsWith('authors') ? 'authors.txt' : `${f.path.split('/')[0]}/`;
  const k = kinds.get(kind) ?? { files: 0, raw: 0, gz: 0, largest: 0 };
  const gz = gzipSync(f.body).length;
  k.files += 1;
  k.raw += f.body.length;
  k.gz += gz;
  k.largest = Math.max(k.largest, gz);
  kinds.set(kind, k);
}
const kb = (n: number) => (n / 1024).toFixed(0);
const rows = [...kinds].map(
  ([kind, k]) => `| ${kind} | ${k.files} | ${kb(k.raw)} | ${kb(k.gz)} | ${kb(k.largest)} |`,
);
const text = [
  '',
  `Search author files for ${papers.length.toLocaleString('en')} papers (\`node bench/search-authors.ts\`): ${manifest?.count.toLocaleString('en')} authors, built in ${(ms / 1000).toFixed(1)} s.`,
  '',
  '| files | count | KB raw | KB gzip | largest file KB gzip |',
  '| --- | --- | --- | --- | --- |',
  ...rows,
  '',
].join('\n');
appendFileSync('bench/authors-results.md', text);
console.log(text);
