/**
 * Paper cards, the byline and topic chips, as HTML strings. They are written
 * here rather than as Astro components because lists render them by the
 * hundred thousand (every paper is on the papers list, its topics' lists and
 * its archive month: 225,000 cards at 74,728 papers), and an Astro component
 * costs far more per use than a template string. The paper page
 * (PaperArticle.astro) shows its byline and chips through the same
 * functions, so there is one markup for each.
 *
 * Titles are the loader's rendered HTML (`titleHtml`, escaped at ingest);
 * everything else is escaped here.
 */
import type { StoredPaper } from '../content/schema.ts';
import { formatDate } from '../dates.ts';
import type { PaperLink } from '../paper.ts';
import { urls } from '../site.ts';
import type { Assignment, Topic } from '../topics/types.ts';
import { attr, escapeText } from './html.ts';

type BylinePaper = Pick<StoredPaper, 'authors' | 'date' | 'arxiv' | 'upvotes'>;
type CardPaper = BylinePaper & Pick<StoredPaper, 'slug' | 'titleHtml' | 'plainAbstract' | 'links'>;

export interface PaperTopic {
  topic: Pick<Topic, 'slug' | 'name'>;
  assignment: Pick<Assignment, 'reason' | 'curated'>;
}

const SEPARATOR = '<span aria-hidden="true"> · </span>';

/** Authors on a card: the first three, then "et al.". */
const CARD_AUTHORS = 3;

/**
 * Names, each linked where it leads (`links[i]`, for `authors[i]`: their
 * page, or a search for their papers); `max` of them, then "et al."; the
 * name at `self` (an author page's own author) emphasised, not linked.
 */
function namesHtml(
  authors: readonly string[],
  links: readonly (string | undefined)[],
  max: number,
  self?: string,
): string {
  const shown = authors.slice(0, max);
  const names = shown.map((name, i) => {
    const href = links[i];
    if (self !== undefined && href === self) return `<strong>${escapeText(name)}</strong>`;
    return href
      ? `<a${attr('href', href)} class="author-link" data-author>${escapeText(name)}</a>`
      : escapeText(name);
  });
  return names.join(', ') + (shown.length < authors.length ? ' et al.' : '');
}

/**
 * Who and when: authors (linked to their pages: `authorLinks[i]` is the
 * href of `authors[i]`'s page, if any), date, arXiv id (cards only),
 * upvotes. Compact on cards, complete on the paper page.
 */
export function bylineHtml(
  paper: BylinePaper,
  full: boolean,
  authorLinks: readonly (string | undefined)[] = [],
): string {
  if (!(paper.authors.length > 0 || paper.date || paper.arxiv || paper.upvotes !== undefined))
    return '';
  const authors = paper.authors.length > 0;
  // The parts present, separated: a list without authors starts with its date or id.
  const parts: string[] = [];
  if (authors)
    parts.push(
      `<span data-authors${attr('title', full ? undefined : paper.authors.join(', '))}>${namesHtml(paper.authors, authorLinks, full ? Infinity : CARD_AUTHORS)}</span>`,
    );
  if (paper.date)
    parts.push(`<time${attr('datetime', paper.date)}>${escapeText(formatDate(paper.date))}</time>`);
  if (paper.arxiv && !full) parts.push(`<span>arXiv:${escapeText(paper.arxiv)}</span>`);
  if (paper.upvotes !== undefined) {
    const count = paper.upvotes.toLocaleString('en');
    parts.push(
      `<span data-upvotes>${escapeText(count)} upvote${paper.upvotes === 1 ? '' : 's'}</span>`,
    );
  }
  if (parts.length === 0) return '';
  return `<p class="text-muted ${full ? 'mt-3 text-sm leading-relaxed' : 'mt-1 text-xs'}" data-byline>${parts.join(SEPARATOR)}</p>`;
}

/** A paper's topics as chips linking to their pages; hovering a chip says why the paper is there. */
export function topicChipsHtml(topics: readonly PaperTopic[], except?: string): string {
  const shown = topics.filter((t) => t.topic.slug !== except);
  if (shown.length === 0) return '';
  let html = '<ul class="mt-2 flex flex-wrap gap-1.5" data-topic-chips>';
  for (const { topic, assignment } of shown) {
    html += `<li><a${attr('href', urls.topic(topic.slug))} class="chip"${attr('title', assignment.reason)}${attr('data-topic', topic.slug)}>${escapeText(topic.name)}</a></li>`;
  }
  return `${html}</ul>`;
}

/** A link to a paper's code repository, with a code icon and the repository name. */
export function codeLinkHtml(link: Pick<PaperLink, 'url' | 'label'>): string {
  return `<a${attr('href', link.url)} rel="noopener noreferrer" class="tap inline-flex max-w-full min-w-0 items-center gap-1 font-medium text-accent hover:underline"><svg aria-hidden="true" width="14" height="14" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2.2"><path d="m16 18 6-6-6-6M8 6l-6 6 6 6"></path></svg><span class="min-w-0 [overflow-wrap:anywhere]"><span class="sr-only">Code: </span>${escapeText(link.label)}</span></a>`;
}

export interface CardOptions {
  /** Heading level inside the list's outline. */
  level?: 2 | 3;
  /** On a topic page: the topic, whose chip is not repeated, and why the paper is in it. */
  topic?: string | undefined;
  /** The href of each author's page (for `paper.authors[i]`), where they have one. */
  authorLinks?: readonly (string | undefined)[];
}

/** A paper in a list: title (math typeset), authors and date, a two-line abstract excerpt, its code link, its topics. */
export function paperCardHtml(
  paper: CardPaper,
  topics: readonly PaperTopic[],
  { level = 2, topic, authorLinks = [] }: CardOptions = {},
): string {
  const here = topic ? topics.find((t) => t.topic.slug === topic) : undefined;
  const excerpt =
    paper.plainAbstract.length > 400
      ? `${paper.plainAbstract.slice(0, 400)}…`
      : paper.plainAbstract;
  const code = paper.links.find((l) => l.kind === 'code');
  let html = `<article class="min-w-0 rounded-lg border border-line bg-surface p-4 shadow-xs"><h${level} class="font-serif text-lg leading-snug font-semibold [overflow-wrap:anywhere]"><a${attr('href', urls.paper(paper.slug))} class="tap text-fg no-underline hover:text-accent hover:underline">${paper.titleHtml}</a></h${level}>`;
  html += bylineHtml(paper, false, authorLinks);
  html += `<p class="mt-1.5 line-clamp-2 text-sm leading-relaxed text-muted">${escapeText(excerpt)}</p>`;
  if (code)
    html += `<div class="mt-2 flex flex-wrap items-center gap-2 text-sm">${codeLinkHtml(code)}</div>`;
  html += topicChipsHtml(topics, topic);
  if (here && !here.assignment.curated)
    html += `<p class="mt-2 text-xs text-muted" data-reason>Why here: ${escapeText(here.assignment.reason)}</p>`;
  return `${html}</article>`;
}

/** Authors a row of an author's papers shows. */
const ROW_AUTHORS = 8;

/**
 * A paper in an author's list: the title, its authors (the page's own
 * author, whose page `self` is, emphasised) and date. No excerpt or chips:
 * a person's papers are scanned by title, and 25,000 author pages at 74,728
 * papers would carry a gigabyte of cards.
 */
export function paperRowHtml(
  paper: CardPaper,
  authorLinks: readonly (string | undefined)[],
  self: string,
): string {
  let html = `<article class="min-w-0 border-b border-line py-3"><h3 class="font-serif leading-snug font-semibold [overflow-wrap:anywhere]"><a${attr('href', urls.paper(paper.slug))} class="tap text-fg no-underline hover:text-accent hover:underline">${paper.titleHtml}</a></h3><p class="mt-0.5 text-sm text-muted" data-byline>`;
  const at = authorLinks.indexOf(self);
  if (at >= ROW_AUTHORS) {
    // Their own name far down a long list: the first names, then theirs.
    const first = namesHtml(paper.authors.slice(0, ROW_AUTHORS - 1), authorLinks, ROW_AUTHORS);
    html += `<span data-authors>${first}, …, <strong>${escapeText(paper.authors[at] ?? '')}</strong>${at < paper.authors.length - 1 ? ' et al.' : ''}</span>`;
  } else if (paper.authors.length > 0)
    html += `<span data-authors>${namesHtml(paper.authors, authorLinks, ROW_AUTHORS, self)}</span>`;
  if (paper.date) {
    if (paper.authors.length > 0) html += SEPARATOR;
    html += `<time${attr('datetime', paper.date)}>${escapeText(formatDate(paper.date))}</time>`;
  }
  return `${html}</p></article>`;
}
