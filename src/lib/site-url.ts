/**
 * Where the site will be served from, as the host says it: the absolute
 * origin (`SITE_URL`) and the sub-path (`BASE_PATH`). Explicit settings win;
 * otherwise the build reads what GitHub Actions, Netlify, Cloudflare Pages or
 * Vercel put in its environment. When nothing says it, the origin stays
 * unknown: links are root-relative and what must be absolute is left out,
 * never written as localhost. Pure, so each host is a unit test.
 */

export type SiteUrlSource =
  | 'SITE_URL'
  | 'GitHub Pages (CNAME)'
  | 'GitHub Pages'
  | 'Netlify'
  | 'Cloudflare Pages'
  | 'Vercel'
  | 'unknown';

export interface SiteLocation {
  /** Absolute origin with any path, no trailing slash; undefined when nothing says it. */
  siteUrl: string | undefined;
  /** `/` or `/sub/path/`. */
  basePath: string;
  /** What said it, for the build log. */
  source: SiteUrlSource;
}

export type Env = Readonly<Record<string, string | undefined>>;

/** `/`, or `/sub/path/`: one leading and one trailing slash. */
export function normaliseBase(base: string | undefined): string {
  const trimmed = (base ?? '').replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

const get = (env: Env, name: string): string | undefined => {
  const value = env[name]?.trim();
  return value ? value : undefined;
};

/** `example.org` or `https://example.org/x/` -> origin and path apart. */
function split(url: string): { origin: string; path: string } | undefined {
  try {
    const parsed = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(url) ? url : `https://${url}`);
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return undefined;
    return { origin: parsed.origin, path: parsed.pathname };
  } catch {
    return undefined;
  }
}

/** The custom domain a `CNAME` file names (first non-empty line), if it is one. */
export function cnameDomain(text: string | undefined): string | undefined {
  const line = text
    ?.split(/\r?\n/)
    .map((l) => l.trim())
    .find(Boolean);
  return line && /^[a-z0-9.-]+\.[a-z]{2,}$/i.test(line) ? line.toLowerCase() : undefined;
}

function hosted(
  env: Env,
  cname: string | undefined,
): Omit<SiteLocation, 'basePath'> & {
  path: string;
} {
  const from = (url: string | undefined, source: SiteUrlSource) => {
    const parts = url ? split(url) : undefined;
    return parts ? { siteUrl: parts.origin, path: parts.path, source } : undefined;
  };
  const explicit = from(get(env, 'SITE_URL'), 'SITE_URL');
  if (explicit) return explicit;
  const repository = get(env, 'GITHUB_REPOSITORY');
  if (get(env, 'GITHUB_ACTIONS') === 'true' && repository) {
    const domain = cnameDomain(cname);
    if (domain) return { siteUrl: `https://${domain}`, path: '/', source: 'GitHub Pages (CNAME)' };
    const [owner = '', repo = ''] = repository.split('/');
    const user = owner.toLowerCase();
    // A repository named `<owner>.github.io` is served at the root of that domain.
    const root = repo.toLowerCase() === `${user}.github.io`;
    return {
      siteUrl: `https://${user}.github.io`,
      path: root ? '/' : `/${repo}/`,
      source: 'GitHub Pages',
    };
  }
  return (
    (get(env, 'NETLIFY') === 'true' ? from(get(env, 'URL'), 'Netlify') : undefined) ??
    from(get(env, 'CF_PAGES_URL'), 'Cloudflare Pages') ??
    from(get(env, 'VERCEL_PROJECT_PRODUCTION_URL'), 'Vercel') ?? {
      siteUrl: undefined,
      path: '/',
      source: 'unknown',
    }
  );
}

/**
 * The site's origin and base path from the environment. `cname` is the text
 * of the repository's CNAME file, when it has one (GitHub Pages custom domain).
 * An explicit `BASE_PATH` wins over the path the host implies.
 */
export function inferSiteLocation(env: Env, cname?: string): SiteLocation {
  const { siteUrl, path, source } = hosted(env, cname);
  const base = get(env, 'BASE_PATH');
  return { siteUrl, basePath: normaliseBase(base ?? path), source };
}

/** The build's one warning when nothing says where the site lives. */
export const UNKNOWN_SITE_WARNING =
  'SITE_URL is not set and no host (GitHub Actions, Netlify, Cloudflare Pages, Vercel) says where ' +
  'the site lives: links are root-relative, and the canonical link, og:url, og:image, the sitemap and the feeds’ ' +
  'absolute links are left out. Set SITE_URL=https://… to have them.';
