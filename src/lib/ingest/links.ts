/**
 * Finds the links an abstract mentions (code, project pages, datasets) and
 * classifies them. URL detection is hand-written because prose glues
 * punctuation to URLs in ways general linkifiers get wrong for abstracts
 * (`.../spar.`, `(see https://x.org/a_(b))`), and only http(s) may become links.
 */
import type { LinkKind, PaperLink } from '../paper.ts';
import { MAYBE_URL, URL_PATTERN } from '../text/patterns.ts';

const TRAILING = /[.,;:!?'"’”*_~]+$/u;

/** Cuts what prose glued to the end of a URL: punctuation and unbalanced closing brackets. */
export function trimUrl(candidate: string): string {
  let url = candidate;
  for (;;) {
    const before = url;
    url = url.replace(TRAILING, '');
    for (const [open, close] of [
      ['(', ')'],
      ['[', ']'],
    ] as const) {
      if (url.endsWith(close) && count(url, close) > count(url, open)) url = url.slice(0, -1);
    }
    if (url === before) return url;
  }
}

function count(s: string, ch: string): number {
  let n = 0;
  for (const c of s) if (c === ch) n += 1;
  return n;
}

/** Adds a scheme to bare addresses and checks the result is a usable http(s) URL. */
export function toHttpUrl(text: string): string | undefined {
  const withScheme = /^https?:\/\//i.test(text) ? text : `https://${text}`;
  let parsed: URL;
  try {
    parsed = new URL(withScheme);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;
  if (!parsed.hostname.includes('.') || parsed.username || parsed.password) return undefined;
  return withScheme;
}

/** Where a URL was found in a string: for turning it into a link in place. */
export interface UrlMatch {
  start: number;
  end: number;
  url: string;
}

/** Every usable URL in `text`, with its position. */
export function findUrls(text: string): UrlMatch[] {
  const out: UrlMatch[] = [];
  if (!MAYBE_URL.test(text)) return out;
  for (const m of text.matchAll(URL_PATTERN)) {
    const raw = trimUrl(m[0]);
    const url = toHttpUrl(raw);
    if (!url || m.index === undefined) continue;
    out.push({ start: m.index, end: m.index + raw.length, url });
  }
  return out;
}

const CODE_HOSTS = new Set([
  'github.com',
  'gitlab.com',
  'bitbucket.org',
  'codeberg.org',
  'gitee.com',
  'sourceforge.net',
]);
const DATASET_HOSTS = new Set(['zenodo.org', 'figshare.com', 'dataverse.harvard.edu', 'osf.io']);

/** Classifies a URL and gives it a short label: `owner/repo` for repositories. */
export function classifyUrl(url: string): PaperLink {
  const u = new URL(url);
  const host = u.hostname.replace(/^www\./, '').toLowerCase();
  const segs = u.pathname.split('/').filter(Boolean);
  const path = segs.join('/');
  const repo = segs
    .slice(0, 2)
    .join('/')
    .replace(/\.git$/, '');
  const label = (kind: LinkKind, text: string): PaperLink => ({ url, kind, label: text });

  if (CODE_HOSTS.has(host) && segs.length >= 2) return label('code', repo);
  if (host === 'huggingface.co' || host === 'hf.co') {
    const [first, ...rest] = segs;
    if (first === 'datasets') return label('dataset', rest.slice(0, 2).join('/') || host);
    if (first === 'spaces') return label('demo', rest.slice(0, 2).join('/') || host);
    if (first === 'papers') return label('paper', `huggingface.co/${path}`);
    if (segs.length >= 2) return label('model', repo);
  }
  if (host === 'arxiv.org' || host === 'doi.org' || host === 'aclanthology.org') {
    return label('paper', `${host}/${path}`.replace(/\/$/, ''));
  }
  if (DATASET_HOSTS.has(host) || (host === 'kaggle.com' && segs[0] === 'datasets')) {
    return label('dataset', `${host}/${path}`.replace(/\/$/, ''));
  }
  if (host.endsWith('.github.io') || host.endsWith('.gitlab.io') || host.endsWith('.pages.dev')) {
    return label('project', `${host}/${path}`.replace(/\/$/, ''));
  }
  return label('other', shorten(`${host}/${path}`.replace(/\/$/, '')));
}

function shorten(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

const KIND_ORDER: Record<LinkKind, number> = {
  code: 0,
  project: 1,
  dataset: 2,
  model: 3,
  demo: 4,
  paper: 5,
  other: 6,
};

/**
 * The links of a paper, code repositories first, each URL once. `given` are
 * links the input states in fields (code, url); they come before ones found
 * in the text within the same kind.
 */
export function collectLinks(texts: string[], given: string[] = []): PaperLink[] {
  const seen = new Set<string>();
  const links: PaperLink[] = [];
  const add = (url: string) => {
    const key = url
      .replace(/\/+$/, '')
      .replace(/^http:/, 'https:')
      .toLowerCase();
    if (seen.has(key)) return;
    seen.add(key);
    links.push(classifyUrl(url));
  };
  for (const g of given) {
    const url = toHttpUrl(trimUrl(g.trim()));
    if (url) add(url);
  }
  for (const text of texts) for (const m of findUrls(text)) add(m.url);
  return links
    .map((link, i) => ({ link, i }))
    .sort((a, b) => KIND_ORDER[a.link.kind] - KIND_ORDER[b.link.kind] || a.i - b.i)
    .map(({ link }) => link);
}
