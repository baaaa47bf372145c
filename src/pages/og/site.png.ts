/** `/og/site.png`: the site's social image, for pages without one of their own. */
import type { APIRoute } from 'astro';
import { getModel } from '../../lib/model.ts';
import { cardResponse, siteCard } from '../../lib/social.ts';

export const GET: APIRoute = async () => {
  const { papers } = await getModel();
  return cardResponse(siteCard(papers.length));
};
