/**
 * The curator's tool: what topics a list gets, and which papers no curated
 * topic takes.
 *
 *   npm run topics -- [--papers path]... [--topics path | --no-topics]
 *                     [--examples n] [--topic slug] [--json]
 *
 * `--papers` (or PAPERS; commas and globs as for the build) defaults to the
 * bundled list; `--topics` (or TOPICS)
 * defaults to `topics.yaml` beside the first list, when there is one. It
 * prints the curated topics with sizes and checks, the topics discovery finds
 * for the whole list, and the papers no curated topic takes with the
 * discovered topics they fall back to. `--topic slug` lists one topic's papers
 * with the reason for each; `--json` prints the whole model.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { toPlainText } from '../src/lib/ingest/latex.ts';
import { expandPaperPaths, formatWarning, readPapers } from '../src/lib/ingest/index.ts';
import { assignSlugs } from '../src/lib/ingest/slug.ts';
import {
  buildTopicModel,
  discoverTopics,
  parseTopicsFile,
  TopicsFileError,
  type CuratedTopics,
  type TopicModel,
} from '../src/lib/topics/index.ts';

const BUNDLED = 'src/content/papers.txt';

interface Args {
  papers: string[];
  topics: string | undefined;
  examples: number;
  topic: string | undefined;
  json: boolean;
}

function parse(argv: string[]): Args {
  const { values } = parseArgs({
    args: argv,
    options: {
      papers: { type: 'string', multiple: true },
      topics: { type: 'string' },
      'no-topics': { type: 'boolean', default: false },
      examples: { type: 'string', default: '3' },
      topic: { type: 'string' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    allowPositionals: false,
  });
  if (values.help) {
    console.log(
      readFileSync(new URL(import.meta.url), 'utf8')
        .split('*/')[0]
        ?.replace(/^\/\*\*?|^ \* ?/gmu, ''),
    );
    process.exit(0);
  }
  // Like PAPERS for the build: paths separated by commas, globs allowed.
  const spec = values.papers?.length ? values.papers.join(',') : (process.env['PAPERS'] ?? BUNDLED);
  const papers = expandPaperPaths(spec, process.cwd());
  let topics = values['no-topics'] ? undefined : (values.topics ?? process.env['TOPICS']);
  if (topics === undefined && !values['no-topics']) {
    const beside = path.join(path.dirname(papers[0] as string), 'topics.yaml');
    if (existsSync(beside)) topics = beside;
  }
  const examples = Number(values.examples);
  return {
    papers,
    topics,
    examples: Number.isFinite(examples) && examples >= 0 ? examples : 3,
    topic: values.topic,
    json: values.json,
  };
}

function plain(title: string): string {
  return toPlainText(title).replace(/\s+/gu, ' ').trim();
}

function pct(k: number, n: number): string {
  return `${((100 * k) / Math.max(1, n)).toFixed(1)}%`;
}

async function main(): Promise<void> {
  const args = parse(process.argv.slice(2));
  const started = performance.now();
  const read = await readPapers(args.papers);
  for (const warning of read.warnings.slice(0, 5)) console.error(formatWarning(warning));
  if (read.warnings.length > 5) console.error(`(${read.warnings.length - 5} more ingest warnings)`);
  const papers = assignSlugs(read.papers);
  const readMs = performance.now() - started;

  let curated: CuratedTopics | undefined;
  if (args.topics !== undefined) {
    curated = parseTopicsFile(readFileSync(args.topics, 'utf8'), args.topics);
  }
  const t0 = performance.now();
  const model = buildTopicModel(papers, curated);
  const modelMs = performance.now() - t0;

  if (args.json) {
    console.log(
      JSON.stringify(
        {
          topics: model.topics,
          byPaper: Object.fromEntries(model.byPaper),
          related: Object.fromEntries(model.related),
          warnings: model.warnings,
        },
        null,
        2,
      ),
    );
    return;
  }
  const title = new Map(papers.map((p) => [p.slug, plain(p.title)]));
  if (args.topic !== undefined) {
    printTopic(model, args.topic, title);
    return;
  }

  const n = papers.length;
  console.log(
    `Papers: ${args.papers.join(', ')} (${n} papers, read in ${(readMs / 1000).toFixed(1)} s)`,
  );
  console.log(
    curated
      ? `Topics file: ${args.topics} (${curated.topics.length} curated topics)`
      : 'Topics file: none (every topic is discovered)',
  );
  console.log(`Topic model built in ${(modelMs / 1000).toFixed(2)} s\n`);

  if (curated) {
    const shown = model.topics.filter((t) => t.curated);
    console.log(`Curated topics (${shown.length}):`);
    printTopics(shown, title, args.examples);
    printChecks(model, n, true);
    if (model.warnings.length) {
      console.log('\nWarnings:');
      for (const w of model.warnings) console.log(`  ${w}`);
    }
  }

  // What discovery finds for the whole list, as if there were no topics file.
  const t1 = performance.now();
  const discovery = curated ? discoverTopics(papers) : undefined;
  const discovered = discovery ? discovery.topics : model.topics.filter((t) => !t.curated);
  console.log(
    `\nDiscovered topics for the whole list (${discovered.length}${discovery ? `, in ${((performance.now() - t1) / 1000).toFixed(2)} s` : ''}):`,
  );
  printTopics(discovered, title, args.examples);
  if (!curated) printChecks(model, n, false);

  if (curated) {
    const left = papers.filter((p) => !(model.byPaper.get(p.slug) ?? []).some((a) => a.curated));
    console.log(`\nPapers no curated topic takes (${left.length} of ${n}):`);
    for (const paper of left) {
      console.log(`  - ${title.get(paper.slug)}\n      [${paper.slug}]`);
      for (const a of model.byPaper.get(paper.slug) ?? []) {
        const topic = model.topics.find((t) => t.slug === a.topic);
        console.log(`      -> ${topic?.name ?? a.topic}: ${a.reason}`);
      }
    }
  }
}

function printTopics(
  topics: readonly { slug: string; name: string; papers: string[] }[],
  title: Map<string, string>,
  examples: number,
): void {
  for (const topic of topics) {
    console.log(`  ${String(topic.papers.length).padStart(5)}  ${topic.name}  [${topic.slug}]`);
    for (const slug of topic.papers.slice(0, examples)) {
      console.log(`           - ${(title.get(slug) ?? slug).slice(0, 100)}`);
    }
  }
}

function printChecks(model: TopicModel, n: number, curated: boolean): void {
  const shown = model.topics.filter((t) => t.curated === curated && t.slug !== 'other-papers');
  const inTopic = new Set<string>();
  for (const t of model.topics) {
    if (t.slug === 'other-papers') continue;
    for (const p of t.papers) inTopic.add(p);
  }
  const sizes = shown.map((t) => t.papers.length);
  const largest = Math.max(0, ...sizes);
  const smallest = sizes.length ? Math.min(...sizes) : 0;
  const perPaper = [0, 0, 0, 0];
  for (const list of model.byPaper.values()) {
    const k = Math.min(list.length, 3);
    perPaper[k] = (perPaper[k] as number) + 1;
  }
  const mark = (ok: boolean) => (ok ? 'ok ' : 'NO ');
  console.log('\nChecks:');
  console.log(
    `  ${mark(inTopic.size === n)} papers in a topic: ${inTopic.size} of ${n} (${pct(inTopic.size, n)})`,
  );
  console.log(
    `  ${mark(largest <= n / 3)} largest topic: ${largest} papers (${pct(largest, n)}; at most a third)`,
  );
  console.log(`  ${mark(smallest >= 3)} smallest topic: ${smallest} papers (at least 3)`);
  if (curated) {
    console.log(
      `  ${mark(shown.length >= 12 && shown.length <= 30)} curated topics: ${shown.length} (12 to 30)`,
    );
  }
  console.log(`  papers with 1 / 2 / 3 topics: ${perPaper[1]} / ${perPaper[2]} / ${perPaper[3]}`);
}

function printTopic(model: TopicModel, slug: string, title: Map<string, string>): void {
  const topic = model.topics.find((t) => t.slug === slug);
  if (!topic) {
    console.error(`No topic "${slug}". Topics: ${model.topics.map((t) => t.slug).join(', ')}`);
    process.exitCode = 1;
    return;
  }
  console.log(
    `${topic.name} [${topic.slug}] (${topic.curated ? 'curated' : 'discovered'}), ${topic.papers.length} papers`,
  );
  console.log(`  ${topic.description}\n`);
  for (const p of topic.papers) {
    const why = (model.byPaper.get(p) ?? []).find((a) => a.topic === slug)?.reason ?? '';
    console.log(`  - ${title.get(p)}\n      [${p}] ${why}`);
  }
  const related = model.related.get(slug) ?? [];
  if (related.length) {
    console.log(`\n  Related: ${related.map((r) => `${r.topic} (${r.shared})`).join(', ')}`);
  }
}

main().catch((error: unknown) => {
  if (
    error instanceof TopicsFileError ||
    (error instanceof Error && error.name === 'PaperListError')
  ) {
    console.error(error.message);
  } else {
    console.error(error);
  }
  process.exitCode = 1;
});
