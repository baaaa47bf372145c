/**
 * Escaping for the little markup written as TypeScript instead of Astro
 * components (see cards.ts). It escapes exactly as Astro's renderer does, so
 * the HTML is the same byte for byte whichever of the two writes it.
 */

const TEXT_SPECIAL = /[&<>'"]/g;
const ENTITY: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  "'": '&#39;',
  '"': '&quot;',
};

/** Text between tags. */
export function escapeText(text: string): string {
  return text.replace(TEXT_SPECIAL, (c) => ENTITY[c] as string);
}

/** ` name="value"`: nothing for undefined, the bare name for an empty string, as Astro writes it. */
export function attr(name: string, value: string | undefined): string {
  if (value === undefined) return '';
  if (value === '') return ` ${name}`;
  return ` ${name}="${value.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"`;
}
