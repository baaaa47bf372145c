/**
 * The built sites the end-to-end tests visit: the bundled list in `dist/`
 * (built by `npm run build`), and fixture sites that `scripts/build-fixtures.ts`
 * builds once into `dist-fixtures/` before the specs run.
 */
export interface Site {
  dir: string;
  port: number;
  base: string;
}

export interface FixtureSite extends Site {
  /** Environment for the build (PAPERS, BASE_PATH, ...). */
  env: Record<string, string>;
}

const FIXTURES = 'dist-fixtures';

/** Moves every port, so two checkouts on one machine can run their end-to-end tests at once. */
const PORT_OFFSET = Number(process.env.E2E_PORT_OFFSET ?? 0);

export const FIXTURE_SITES = {
  /** The bundled list, changed: re-ordered, one paper removed (retired), one title fixed, two added. */
  changed: {
    dir: `${FIXTURES}/changed`,
    port: 4411 + PORT_OFFSET,
    base: '/',
    env: {
      PAPERS: `${FIXTURES}/changed.txt`,
      PERMALINKS: `${FIXTURES}/changed.permalinks.json`,
      RETIRE: 'streaming-long-video-understanding-with-large-language-models',
    },
  },
  /**
   * Titles, abstracts and author names that attack the site, plus a 200 KB
   * abstract and a 2,000-character title.
   */
  hostile: {
    dir: `${FIXTURES}/hostile`,
    port: 4413 + PORT_OFFSET,
    base: '/',
    env: {
      PAPERS: `${FIXTURES}/hostile.txt,test/fixtures/hostile-authors.jsonl`,
      PERMALINKS: `${FIXTURES}/hostile.permalinks.json`,
    },
  },
  /**
   * A Hugging Face daily-papers download: authors, dates, arXiv ids, GitHub
   * links, upvotes; an authors file gives one author an ORCID iD and homepage.
   */
  hf: {
    dir: `${FIXTURES}/hf`,
    port: 4414 + PORT_OFFSET,
    base: '/',
    env: {
      PAPERS: 'test/fixtures/formats/hf-daily.json',
      PERMALINKS: `${FIXTURES}/hf.permalinks.json`,
      AUTHORS: 'test/fixtures/authors/hf.authors.yaml',
    },
  },
  /** 3,000 arXiv cs papers (first sentences of abstracts): discovered areas, then topics. */
  areas: {
    dir: `${FIXTURES}/areas`,
    port: 4415 + PORT_OFFSET,
    base: '/',
    env: {
      PAPERS: 'test/fixtures/topics/arxiv-cs-3000.jsonl.gz',
      PERMALINKS: `${FIXTURES}/areas.permalinks.json`,
    },
  },
  /** The bundled list deployed under a sub-path, with an absolute origin. */
  base: {
    dir: `${FIXTURES}/base`,
    port: 4412 + PORT_OFFSET,
    base: '/papers-site/',
    env: {
      PAPERS: `${FIXTURES}/bundled-copy.txt`,
      PERMALINKS: `${FIXTURES}/base.permalinks.json`,
      BASE_PATH: '/papers-site/',
      SITE_URL: 'https://lab.example.org',
      // Small pages, so that every paginated list has several.
      PAGE_SIZE: '12',
    },
  },
} as const satisfies Record<string, FixtureSite>;

export const SITES = {
  main: { dir: 'dist', port: 4410 + PORT_OFFSET, base: '/' },
  ...FIXTURE_SITES,
} as const satisfies Record<string, Site>;

/** The URL of a path on a site (`path` without the base). */
export function siteUrl(site: Site, path = '/'): string {
  return `http://127.0.0.1:${site.port}${site.base}${path.replace(/^\/+/, '')}`;
}
