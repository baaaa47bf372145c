/**
 * A static file server for built sites, as a static host serves them: files
 * by path, `index.html` for folders, the site's `404.html` with status 404 for
 * anything else, all under an optional base path. Used by the end-to-end tests.
 * Usage: node scripts/serve.ts <dir> --port 4400 [--base /sub/]
 */
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import { parseArgs } from 'node:util';
import sirv from 'sirv';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { port: { type: 'string', default: '4400' }, base: { type: 'string', default: '/' } },
});
const dir = path.resolve(positionals[0] ?? 'dist');
const base = `/${(values.base ?? '/').replace(/^\/+|\/+$/g, '')}/`.replace('//', '/');
const files = sirv(dir, { dev: false, etag: true, dotfiles: false });
const notFound = path.join(dir, '404.html');

const server = createServer((req, res) => {
  const url = req.url ?? '/';
  const fail = () => {
    res.statusCode = 404;
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.end(existsSync(notFound) ? readFileSync(notFound) : 'Not found');
  };
  if (!url.startsWith(base)) return fail();
  req.url = `/${url.slice(base.length)}`;
  files(req, res, fail);
});
server.listen(Number(values.port), '127.0.0.1', () => {
  console.log(`Serving ${dir} at http://127.0.0.1:${values.port}${base}`);
});
