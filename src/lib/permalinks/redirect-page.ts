/**
 * The HTML of a static redirect, which works on any host: meta refresh, a
 * canonical link to the target, and a plain link for people and tools that
 * follow neither. One template for every redirect the site writes.
 */
import { escapeUTF8 } from 'entities';

export function redirectPage(to: string, absolute: string, title: string): string {
  const t = escapeUTF8(title);
  const href = escapeUTF8(to);
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Moved: ${t}</title><meta http-equiv="refresh" content="0; url=${href}"><link rel="canonical" href="${escapeUTF8(absolute)}"><meta name="robots" content="noindex"></head>
<body><main><p>This page has moved to <a href="${href}">${t}</a>.</p></main></body></html>
`;
}
