/**
 * The built sites the end-to-end tests visit: the bundled list in `dist/`
 * (built by `npm run build`), and fixture sites built once by
 * `scripts/build-fixtures.ts` into `dist-fixtures/`.
 */
export interface Site {
  dir: string;
  port: number;
  base: string;
}

export const SITES = {
  main: { dir: 'dist', port: 4410, base: '/' },
} as const satisfies Record<string, Site>;

/** The URL of a path on a site (`path` without the base). */
export function siteUrl(site: Site, path = '/'): string {
  return `http://127.0.0.1:${site.port}${site.base}${path.replace(/^\/+/, '')}`;
}
