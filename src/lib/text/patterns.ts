/**
 * Markup in prose that carries no words a reader would search or compare
 * by: URLs and LaTeX control words (math: see `math.ts`). One URL pattern
 * serves link extraction (ingest/links.ts), the math cleaner's "this is an
 * address, not math" test (ingest/latex.ts) and the word filters here.
 */
import { withoutMath } from './math.ts';

// Characters a URL cannot contain, or that prose puts right after one.
const URL_BODY = '[^\\s<>"\'`{}|\\\\^\\u00a0\\u2000-\\u200f\\u2028-\\u202f\\u3000]+';

/**
 * A URL candidate: an explicit `scheme://` address, a bare `www.` address or
 * a bare code-host address (`github.com/...`). Global: use with `matchAll`
 * or `replace`. Candidates still need trimming and checking (ingest/links.ts).
 */
export const URL_PATTERN = new RegExp(
  `\\b(?:[a-z][a-z0-9+.-]*:\\/\\/|www\\.|(?:github|gitlab|huggingface)\\.(?:com|co)\\/)${URL_BODY}`,
  'giu',
);

/** What every URL candidate contains: a cheap test before the full pattern. */
export const MAYBE_URL = /:\/\/|www\.|(?:github|gitlab|huggingface)\.co/iu;

/** Whether a token is (or holds) an address: a URL, an e-mail or a bare domain. */
export function looksLikeUrl(token: string): boolean {
  return MAYBE_URL.test(token) || /@|\.(?:com|org|io|net)\b/iu.test(token);
}

/** LaTeX control words (`\mathcal`, `\emph`). */
export const COMMAND_PATTERN = /\\[a-zA-Z]+\*?/gu;

/**
 * The prose of a cleaned title or abstract: URLs, math and LaTeX commands
 * replaced by `replacement` (a space; a clause mark where phrases must not
 * run across them).
 */
export function stripMarkup(text: string, replacement = ' '): string {
  // The checks skip the regular expressions for the many abstracts without markup.
  let out = text;
  if (MAYBE_URL.test(out)) out = out.replace(URL_PATTERN, replacement);
  if (out.includes('$')) out = withoutMath(out, replacement);
  if (out.includes('\\')) out = out.replace(COMMAND_PATTERN, replacement);
  return out;
}
