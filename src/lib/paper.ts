/**
 * The paper data model: what every input format is read into, what the
 * collection model derives from, and what routes render. One shape for all
 * formats keeps the site generator independent of where a list came from.
 */

/** Where a record came from, for error messages and build notes. */
export interface SourceRef {
  /** Path of the input file as given (relative to the working directory when it was relative). */
  file: string;
  /** 1-based line of the record's start, when the format has lines. */
  line?: number;
  /** Entry key or index, for formats without meaningful lines (BibTeX key, JSON index). */
  key?: string;
}

/**
 * One paper as a format reader found it: only title and abstract are
 * required; every other field is kept when the input gives it.
 */
export interface RawPaper {
  title: string;
  abstract: string;
  authors?: string[];
  /** Any date text the input gives; normalised to ISO by `normalise`. */
  date?: string;
  arxiv?: string;
  doi?: string;
  url?: string;
  code?: string;
  categories?: string[];
  topics?: string[];
  upvotes?: number;
  source: SourceRef;
}

export type LinkKind = 'code' | 'project' | 'dataset' | 'model' | 'demo' | 'paper' | 'other';

/** A link found in an abstract or given by the input. */
export interface PaperLink {
  url: string;
  kind: LinkKind;
  /** Short human label, e.g. `yh-hust/PDF-Wukong` for a GitHub repository. */
  label: string;
}

/** A paper after normalisation: clean text, structured links, no slug yet. */
export interface Paper {
  /** Cleaned title: LaTeX remnants decoded, math kept between `$...$`. */
  title: string;
  /** Cleaned abstract, same rules as the title. */
  abstract: string;
  /** The text exactly as the input gave it (after line-ending normalisation). */
  rawTitle: string;
  rawAbstract: string;
  authors: string[];
  /** ISO date `YYYY-MM-DD`, when known. */
  date?: string;
  /** arXiv identifier without version, e.g. `2405.15738` or `hep-th/9901001`. */
  arxiv?: string;
  /** arXiv version suffix kept apart, e.g. `v2`. */
  arxivVersion?: string;
  doi?: string;
  /** Landing page given by the input (not the site's own URL). */
  url?: string;
  /** Code repository, the first of `links` with kind `code` when there is one. */
  code?: string;
  links: PaperLink[];
  categories: string[];
  /** Topic names or slugs the input itself assigns (curation may add more). */
  topics: string[];
  upvotes?: number;
  source: SourceRef;
}

/** A paper with its permanent URL slug. */
export interface SluggedPaper extends Paper {
  slug: string;
}
