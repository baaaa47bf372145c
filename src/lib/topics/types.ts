/** The topic model's public shapes, shared by discovery, curation and the site. */

/** What topics need of a paper: its permanent slug and cleaned title and abstract. */
export interface TopicPaper {
  slug: string;
  title: string;
  abstract: string;
}

export interface Topic {
  /** Permanent URL slug. */
  slug: string;
  name: string;
  /** One line saying what belongs here. */
  description: string;
  curated: boolean;
  /** Paper slugs, in list order. */
  papers: string[];
  /** Former slugs of a curated topic (pages there should redirect here). */
  aliases: string[];
  /** The area this topic belongs to (discovered topics of lists with two levels). */
  parent?: string;
  /** An area's topics, largest first; an area's `papers` are theirs together. */
  children?: string[];
}

/** Why one paper is in one topic. */
export interface Assignment {
  /** Topic slug. */
  topic: string;
  /** Human-readable: `title mentions "mixture of experts"`, `curated: pattern /\bMoE\b/`, `listed by hand`. */
  reason: string;
  curated: boolean;
}

export interface RelatedTopic {
  topic: string;
  /** Papers the two topics share. */
  shared: number;
}

export interface TopicModel {
  /** Sorted by size (descending), then name. */
  topics: Topic[];
  /** Paper slug -> its 1..3 topics, strongest first; every paper is present. */
  byPaper: Map<string, Assignment[]>;
  /** Topic slug -> topics sharing papers with it, most similar first (Jaccard). */
  related: Map<string, RelatedTopic[]>;
  /** Things a curator should know (a curated topic left with too few papers, ...). */
  warnings: string[];
}
