/**
 * Related topics: topics that share papers, most similar first by the
 * Jaccard index of their paper sets (ties: more shared papers, then slug).
 * Areas have none (their page lists their topics instead).
 */
import type { RelatedTopic, Topic } from './types.ts';

export function relatedTopics(all: readonly Topic[], limit = 6): Map<string, RelatedTopic[]> {
  // Areas hold their topics' papers; they are shown beside their topics, not as related.
  const topics = all.filter((t) => !t.children);
  const size = new Map(topics.map((t) => [t.slug, t.papers.length]));
  const ofPaper = new Map<string, string[]>();
  for (const topic of topics) {
    for (const paper of topic.papers) {
      let list = ofPaper.get(paper);
      if (list === undefined) ofPaper.set(paper, (list = []));
      list.push(topic.slug);
    }
  }
  // Pair counts, only over papers in two or more topics.
  const shared = new Map<string, Map<string, number>>();
  for (const list of ofPaper.values()) {
    for (const a of list) {
      for (const b of list) {
        if (a === b) continue;
        let row = shared.get(a);
        if (row === undefined) shared.set(a, (row = new Map()));
        row.set(b, (row.get(b) ?? 0) + 1);
      }
    }
  }
  const out = new Map<string, RelatedTopic[]>();
  for (const topic of topics) {
    const row = shared.get(topic.slug) ?? new Map<string, number>();
    const jaccard = (other: string, k: number) =>
      k / ((size.get(topic.slug) ?? 0) + (size.get(other) ?? 0) - k);
    out.set(
      topic.slug,
      [...row.entries()]
        .map(([other, k]) => ({ topic: other, shared: k, score: jaccard(other, k) }))
        .sort(
          (a, b) =>
            b.score - a.score ||
            b.shared - a.shared ||
            (a.topic < b.topic ? -1 : a.topic > b.topic ? 1 : 0),
        )
        .slice(0, limit)
        .map(({ topic: t, shared: k }) => ({ topic: t, shared: k })),
    );
  }
  return out;
}
