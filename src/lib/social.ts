/**
 * The social card of each page: what its generated image says. Cards are
 * rendered by src/lib/og and cached by content, so unchanged papers cost
 * nothing on rebuild.
 */
import path from 'node:path';
import { cachedRender, type SocialCard } from './og/index.ts';
import { config } from './site.ts';
import { accumulateAsync } from './stages.ts';

const cacheDir = path.join(config.cacheDir, 'og');

/** Authors for a card: up to three names, then "et al.", and the year. */
export function cardFooter(authors: string[], date: string | undefined): string | undefined {
  const names =
    authors.length > 3 ? `${authors.slice(0, 3).join(', ')} et al.` : authors.join(', ');
  const year = date?.slice(0, 4);
  const parts = [names, year].filter((p): p is string => Boolean(p));
  return parts.length > 0 ? parts.join(' · ') : undefined;
}

export function paperCard(
  paper: { title: string; authors: string[]; date?: string | undefined },
  topics: string[],
): SocialCard {
  const card: SocialCard = { kind: 'paper', title: paper.title, siteName: config.title };
  if (topics.length > 0) card.eyebrow = topics.slice(0, 3).join(' · ');
  const footer = cardFooter(paper.authors, paper.date);
  if (footer) card.footer = footer;
  return card;
}

export function topicCard(topic: { name: string; papers: readonly unknown[] }): SocialCard {
  return {
    kind: 'topic',
    title: topic.name,
    eyebrow: `Topic · ${topic.papers.length.toLocaleString('en')} paper${topic.papers.length === 1 ? '' : 's'}`,
    siteName: config.title,
  };
}

export function siteCard(papers: number): SocialCard {
  return {
    kind: 'site',
    title: config.title,
    eyebrow: `${papers.toLocaleString('en')} papers`,
    footer: 'Browse by topic · search every abstract · permanent links',
    siteName: config.title,
  };
}

/** The PNG of a card, from the cache when it was rendered before. */
export async function cardResponse(card: SocialCard): Promise<Response> {
  const { png } = await accumulateAsync('social images', () => cachedRender(cacheDir, card));
  return new Response(png as BodyInit, { headers: { 'Content-Type': 'image/png' } });
}
