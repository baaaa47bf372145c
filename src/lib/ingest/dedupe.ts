/**
 * Finds the same paper listed twice, within a file or across files.
 *
 * - The same arXiv id, or the same DOI: one paper. The records are merged,
 *   keeping the richest of each field (see `mergePapers`), with a warning.
 * - The same title with the same abstract: one paper, merged the same way
 *   (unless the two carry different arXiv ids: then two papers).
 * - The same title with different abstracts: two papers (both kept, with a
 *   warning; slugs tell them apart).
 *
 * The first record of a paper stays in place (its position and source); later
 * ones only add to it.
 */
import type { Paper } from '../paper.ts';
import { fold } from '../text/fold.ts';
import { toPlainText } from './latex.ts';
import { collectLinks } from './links.ts';
import type { IngestWarning } from './warnings.ts';

const key = (text: string) =>
  fold(toPlainText(text))
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** How a kept paper is named in a warning about another: its line or key, with its file when that differs. */
function where(p: Paper, from: Paper): string {
  const { file, line, key: k } = p.source;
  if (file === from.source.file) return line !== undefined ? `line ${line}` : (k ?? file);
  return line !== undefined ? `${file}:${line}` : k !== undefined ? `${file}, ${k}` : file;
}

const versionNumber = (v: string | undefined) => (v ? Number(v.slice(1)) : 0);

/** Is the DOI the one arXiv mints for its own papers (less informative than a publisher's)? */
const isArxivDoi = (doi: string) => /^10\.48550\/arxiv\./i.test(doi);

/**
 * One paper from two records of it: `base` keeps its place, title and source;
 * each other field is the richer of the two (the longer abstract, the longer
 * author list, the more precise date, the later arXiv version, a publisher's
 * DOI over arXiv's, the union of links, categories and topics, the most
 * upvotes). Returns the merged paper and the fields `other` contributed.
 */
export function mergePapers(base: Paper, other: Paper): { paper: Paper; took: string[] } {
  const paper: Paper = { ...base };
  const took: string[] = [];
  if (other.abstract.length > base.abstract.length && key(other.abstract) !== key(base.abstract)) {
    paper.abstract = other.abstract;
    paper.rawAbstract = other.rawAbstract;
    took.push('abstract');
  }
  if (other.authors.length > base.authors.length) {
    paper.authors = other.authors;
    took.push('authors');
  }
  if (other.date && (!base.date || other.date.length > base.date.length)) {
    paper.date = other.date;
    took.push('date');
  }
  if (other.arxiv && !base.arxiv) {
    paper.arxiv = other.arxiv;
    if (other.arxivVersion) paper.arxivVersion = other.arxivVersion;
    took.push('arXiv id');
  } else if (
    other.arxiv === base.arxiv &&
    versionNumber(other.arxivVersion) > versionNumber(base.arxivVersion) &&
    other.arxivVersion
  ) {
    paper.arxivVersion = other.arxivVersion;
  }
  if (other.doi && (!base.doi || (isArxivDoi(base.doi) && !isArxivDoi(other.doi)))) {
    paper.doi = other.doi;
    took.push('DOI');
  }
  if (other.url && !base.url) {
    paper.url = other.url;
    took.push('url');
  }
  const links = collectLinks(
    [],
    [...base.links, ...other.links].map((l) => l.url),
  );
  if (links.length > base.links.length) {
    paper.links = links;
    took.push('links');
  }
  const code = paper.links.find((l) => l.kind === 'code')?.url;
  if (code) paper.code = code;
  const union = (a: string[], b: string[]) => [...new Set([...a, ...b])];
  const categories = union(base.categories, other.categories);
  if (categories.length > base.categories.length) {
    paper.categories = categories;
    took.push('categories');
  }
  const topics = union(base.topics, other.topics);
  if (topics.length > base.topics.length) {
    paper.topics = topics;
    took.push('topics');
  }
  if (other.upvotes !== undefined && (base.upvotes === undefined || other.upvotes > base.upvotes)) {
    paper.upvotes = other.upvotes;
    took.push('upvotes');
  }
  return { paper, took };
}

export function dedupe(papers: Paper[]): { papers: Paper[]; warnings: IngestWarning[] } {
  const kept: Paper[] = [];
  const byTitle = new Map<string, number[]>();
  const byArxiv = new Map<string, number>();
  const byDoi = new Map<string, number>();
  const warnings: IngestWarning[] = [];
  const index = (i: number) => {
    const p = kept[i] as Paper;
    if (p.arxiv && !byArxiv.has(p.arxiv)) byArxiv.set(p.arxiv, i);
    if (p.doi && !byDoi.has(p.doi.toLowerCase())) byDoi.set(p.doi.toLowerCase(), i);
  };

  for (const paper of papers) {
    const titleKey = key(paper.title);
    const sameTitle = byTitle.get(titleKey) ?? [];
    let twin: number | undefined;
    let reason = '';
    if (paper.arxiv !== undefined && byArxiv.has(paper.arxiv)) {
      twin = byArxiv.get(paper.arxiv);
      reason = `same arXiv id ${paper.arxiv}`;
    } else if (paper.doi !== undefined && byDoi.has(paper.doi.toLowerCase())) {
      twin = byDoi.get(paper.doi.toLowerCase());
      reason = `same DOI ${paper.doi}`;
    } else if (sameTitle.length > 0) {
      const abstractKey = key(paper.abstract);
      twin = sameTitle.find((i) => {
        const p = kept[i] as Paper;
        const compatible = !p.arxiv || !paper.arxiv || p.arxiv === paper.arxiv;
        return compatible && key(p.abstract) === abstractKey;
      });
      reason = 'same title and abstract';
    }

    if (twin !== undefined) {
      const base = kept[twin] as Paper;
      const { paper: merged, took } = mergePapers(base, paper);
      kept[twin] = merged;
      index(twin);
      warnings.push({
        source: paper.source,
        message:
          took.length > 0
            ? `duplicate of the paper at ${where(base, paper)} (${reason}): merged into one, taking its ${took.join(', ')} from here`
            : `duplicate of the paper at ${where(base, paper)} (${reason}): kept once`,
      });
      continue;
    }
    if (sameTitle.length > 0) {
      const first = kept[sameTitle[0] as number] as Paper;
      warnings.push({
        source: paper.source,
        message:
          key(first.abstract) === key(paper.abstract)
            ? `same title and abstract as the paper at ${where(first, paper)} but a different arXiv id (${first.arxiv} and ${paper.arxiv}): both kept, with distinct URLs`
            : `same title as the paper at ${where(first, paper)} but a different abstract: both kept, with distinct URLs`,
      });
    }
    kept.push(paper);
    sameTitle.push(kept.length - 1);
    byTitle.set(titleKey, sameTitle);
    index(kept.length - 1);
  }
  return { papers: kept, warnings };
}
