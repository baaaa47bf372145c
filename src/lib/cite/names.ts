/**
 * Reading personal names "as given" (`Xudong Ge`, `Ge, Xudong`,
 * `Ludwig van Beethoven`, `Martin Luther King Jr.`, `张三`) into family and
 * given parts, for citation keys and APA-style author lists.
 */
import { cleanText } from './escape.ts';

export interface NameParts {
  /** Family name with any particle (`van Beethoven`), or the whole name when it can't be split. */
  family: string;
  /** Given names, possibly empty. */
  given: string;
  /** `Jr.`, `III`, … when present. */
  suffix: string;
}

const SUFFIX = /^(jr\.?|sr\.?|ii|iii|iv|v|phd\.?|md\.?)$/i;
const PARTICLE = /^(van|von|der|den|de|del|della|di|da|du|la|le|dos|das|ten|ter|bin|ibn|al|el)$/;

/** Whether a name is evidently an organisation (it contains the word "and"). */
export function isOrganisation(name: string): boolean {
  return /(^|\s)and(\s|$)/i.test(cleanText(name));
}

/** Splits a name into family, given and suffix parts. */
export function splitName(name: string): NameParts {
  const clean = cleanText(name);
  if (clean.includes(',')) {
    // "Family, Given" or "Family, Suffix, Given" (BibTeX's forms).
    const parts = clean.split(',').map((p) => p.trim());
    const family = parts[0] ?? '';
    if (parts.length >= 3)
      return { family, suffix: parts[1] ?? '', given: parts.slice(2).join(' ') };
    return { family, given: parts[1] ?? '', suffix: '' };
  }
  const tokens = clean.split(' ').filter(Boolean);
  let suffix = '';
  while (tokens.length > 1 && SUFFIX.test(tokens[tokens.length - 1] ?? '')) {
    suffix = [tokens.pop(), suffix].filter(Boolean).join(' ');
  }
  if (tokens.length <= 1) return { family: tokens[0] ?? '', given: '', suffix };
  // The family name is the last word plus any lower-case particles before it.
  let start = tokens.length - 1;
  while (start > 1 && PARTICLE.test(tokens[start - 1] ?? '')) start--;
  return { family: tokens.slice(start).join(' '), given: tokens.slice(0, start).join(' '), suffix };
}

/** Initials of given names: `Xudong` -> `X.`, `Jean-Pierre` -> `J.-P.`, `C.J.` -> `C. J.` */
export function initials(given: string): string {
  return given
    .split(/[\s.]+/)
    .filter(Boolean)
    .map((word) =>
      word
        .split('-')
        .filter(Boolean)
        .map((part) => `${[...part][0]?.toLocaleUpperCase() ?? ''}.`)
        .join('-'),
    )
    .join(' ');
}

/** An APA reference-list name: `Ge, X.`, `van Beethoven, L.`, `King, M. L., Jr.`, `张三`. */
export function apaName(name: string): string {
  // "Research and Development Team": an organisation, not a person.
  if (isOrganisation(name)) return cleanText(name);
  const { family, given, suffix } = splitName(name);
  if (!family) return cleanText(name);
  const init = initials(given);
  return [family, init, suffix].filter(Boolean).join(', ');
}
