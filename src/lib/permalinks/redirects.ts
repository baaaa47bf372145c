/**
 * The redirects the registry implies: old slugs of retitled papers to their
 * new slug, and `/abs/<arXiv id>/` to the paper page.
 */
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
  return rules;
}
