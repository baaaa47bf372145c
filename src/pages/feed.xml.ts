/** `/feed.xml`: RSS for the whole collection (newest or first 100 papers). */
import type { APIRoute } from 'astro';
import { feed, feedItems } from '../lib/feeds.ts';
import { getModel } from '../lib/model.ts';
import { config, urls } from '../lib/site.ts';

export const GET: APIRoute = async () => {
  const { papers } = await getModel();
  return feed({
    title: config.title,
    description: config.description,
    site: urls.absolute('/'),
    items: feedItems(papers, (slug) => urls.absolute(`/papers/${slug}/`)),
    customData: '<language>en</language>',
  });
};
