/**
 * The redirects the registry implies: old slugs of retitled papers to their
 * new slug, `/abs/<arXiv id>/` to the paper page, merged or renamed authors
 * to their page, and authors without a page to a search for their name.
 */
import { toPlainText } from '../ingest/latex.ts';
import { redirectPage } from './redirect-page.ts';
import type { Registry } from './registry.ts';
import type { Urls } from './urls.ts';

export interface RedirectRule {
  /** Path with base, as a host's `_redirects` file wants it. */
  from: string;
  to: string;
}

/** arXiv id -> the slug of the live paper that has it. */
export function arxivSlugs(registry: Registry): Map<string, string> {
  const out = new Map<string, string>();
  for (const [slug, e] of Object.entries(registry.papers)) {
    if (e.status === 'live' && e.arxiv && !out.has(e.arxiv)) out.set(e.arxiv, slug);
  }
  return out;
}

export function redirectRules(registry: Registry, urls: Urls): RedirectRule[] {
  const rules: RedirectRule[] = [];
  for (const [slug, e] of Object.entries(registry.papers)) {
    if (e.status === 'redirect') rules.push({ from: urls.paper(slug), to: urls.paper(e.to) });
  }
  for (const [id, slug] of arxivSlugs(registry))
    rules.push({ from: urls.path(`/abs/${id}/`), to: urls.paper(slug) });
  for (const [slug, e] of Object.entries(registry.authors)) {
    if (e.status === 'redirect') rules.push({ from: urls.author(slug), to: urls.author(e.to) });
    if (e.status === 'unlisted')
      rules.push({ from: urls.author(slug), to: urls.authorSearch(e.name) });
  }
  return rules;
}

/**
 * The `/abs/<arXiv id>/` pages, as files of the built site: each a tiny
 * redirect to the paper. (Not Astro routes: at 75,000 papers the per-route
 * overhead would cost minutes; the background worker stages them.)
 */
export function* arxivRedirectFiles(
  registry: Registry,
  urls: Urls,
): Iterable<{ path: string; body: string }> {
  for (const [id, slug] of arxivSlugs(registry)) {
    const title = toPlainText(registry.papers[slug]?.title ?? slug);
    yield {
      path: `abs/${id}/index.html`,
      body: redirectPage(urls.paper(slug), urls.absolute(`/papers/${slug}/`), title),
    };
  }
}
