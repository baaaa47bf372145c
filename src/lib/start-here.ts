/**
 * The home page's first papers: the newest when the list has dates; otherwise
 * the papers most connected to the rest (listed as related by the most other
 * papers), a better way in than the list's arbitrary order.
 */

export interface StartPaper {
  slug: string;
  index: number;
  date?: string | undefined;
}

export function startHere<P extends StartPaper>(
  papers: readonly P[],
  relatedOf: (slug: string) => readonly { paper: { slug: string } }[],
  hasDates: boolean,
  count = 6,
): P[] {
  if (hasDates)
    return [...papers]
      .sort((a, b) => (b.date ?? '').localeCompare(a.date ?? '') || a.index - b.index)
      .slice(0, count);
  const links = new Map<string, number>();
  for (const p of papers)
    for (const r of relatedOf(p.slug)) links.set(r.paper.slug, (links.get(r.paper.slug) ?? 0) + 1);
  return [...papers]
    .sort((a, b) => (links.get(b.slug) ?? 0) - (links.get(a.slug) ?? 0) || a.index - b.index)
    .slice(0, count);
}
