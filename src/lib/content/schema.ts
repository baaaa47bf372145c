/**
 * The schema every stored paper is validated against: the Paper model plus
 * what the loader derives once per paper (slug, rendered HTML, plain text).
 */
import { z } from 'astro/zod';

const link = z.object({
  url: z.url(),
  kind: z.enum(['code', 'project', 'dataset', 'model', 'demo', 'paper', 'other']),
  label: z.string(),
});

export const paperSchema = z.object({
  slug: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
  /** Position in the list, for list order and prev/next. */
  index: z.number().int().nonnegative(),
  title: z.string().min(1),
  abstract: z.string().min(1),
  rawTitle: z.string(),
  rawAbstract: z.string(),
  /** Plain-text forms (math as Unicode) for meta tags, search and images. */
  plainTitle: z.string(),
  plainAbstract: z.string(),
  titleHtml: z.string(),
  abstractHtml: z.string(),
  hasMath: z.boolean(),
  /** Digest of the paper's content: unchanged papers reuse their rendered HTML. */
  contentDigest: z.string(),
  /** Digest of the paper as read (and its position): an unchanged paper keeps its stored entry. */
  inputDigest: z.string(),
  authors: z.array(z.string()),
  date: z.string().optional(),
  arxiv: z.string().optional(),
  arxivVersion: z.string().optional(),
  doi: z.string().optional(),
  url: z.string().optional(),
  code: z.string().optional(),
  links: z.array(link),
  categories: z.array(z.string()),
  topics: z.array(z.string()),
  upvotes: z.number().optional(),
  source: z.object({ file: z.string(), line: z.number().optional(), key: z.string().optional() }),
});

export type StoredPaper = z.infer<typeof paperSchema>;

/**
 * What Astro's content store keeps of a paper: everything but the abstract,
 * which lives beside the store (see abstracts.ts), keyed by `contentDigest`.
 */
export const storedEntrySchema = paperSchema.omit({
  abstract: true,
  rawAbstract: true,
  plainAbstract: true,
  abstractHtml: true,
});

export type StoredEntry = z.infer<typeof storedEntrySchema>;
