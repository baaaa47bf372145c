/**
 * Normalisers for the metadata fields formats carry: dates to ISO, arXiv ids
 * with the version kept apart, author lists, DOIs.
 */

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

const pad = (n: number) => String(n).padStart(2, '0');

function isoDate(y: number, m?: number, d?: number): string | undefined {
  if (y < 1000 || y > 2999) return undefined;
  if (m === undefined) return String(y);
  if (m < 1 || m > 12) return undefined;
  if (d === undefined) return `${y}-${pad(m)}`;
  const probe = new Date(Date.UTC(y, m - 1, d));
  if (probe.getUTCMonth() !== m - 1 || probe.getUTCDate() !== d) return undefined;
  return `${y}-${pad(m)}-${pad(d)}`;
}

/**
 * An ISO date (`YYYY-MM-DD`, or `YYYY-MM` / `YYYY` when that is all the input
 * knows) from the date texts formats use: ISO timestamps, `27 May 2024`,
 * `May 27, 2024`, `2024/05/27`.
 */
export function normaliseDate(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const s = text.trim();
  let m = /^(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?(?:[T\s].*)?$/.exec(s);
  if (m)
    return isoDate(Number(m[1]), m[2] ? Number(m[2]) : undefined, m[3] ? Number(m[3]) : undefined);
  m = /^(\d{1,2})\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})$/.exec(s);
  if (m) {
    const month = MONTHS[(m[2] ?? '').slice(0, 3).toLowerCase()];
    return month ? isoDate(Number(m[3]), month, Number(m[1])) : undefined;
  }
  m = /^([A-Za-z]{3,9})\.?\s+(?:(\d{1,2}),?\s+)?(\d{4})$/.exec(s);
  if (m) {
    const month = MONTHS[(m[1] ?? '').slice(0, 3).toLowerCase()];
    return month ? isoDate(Number(m[3]), month, m[2] ? Number(m[2]) : undefined) : undefined;
  }
  return undefined;
}

export interface ArxivId {
  id: string;
  version?: string;
}

/**
 * An arXiv identifier from the forms lists carry: `2405.15738`, `2405.15738v2`,
 * `arXiv:2405.15738`, `https://arxiv.org/abs/2405.15738v1`, `hep-th/9901001`.
 */
export function normaliseArxiv(text: string | undefined): ArxivId | undefined {
  if (!text) return undefined;
  const s = text.trim().replace(/^arxiv:\s*/i, '');
  const m =
    /(?:^|arxiv\.org\/(?:abs|pdf)\/)(\d{4}\.\d{4,5}|[a-z-]+(?:\.[A-Z]{2})?\/\d{7})(v\d+)?(?:\.pdf)?\/?$/i.exec(
      s,
    );
  if (!m || !m[1]) return undefined;
  return m[2] ? { id: m[1], version: m[2].toLowerCase() } : { id: m[1] };
}

/** A DOI without its resolver prefix: `https://doi.org/10.1/x` -> `10.1/x`. */
export function normaliseDoi(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const m = /(10\.\d{4,9}\/\S+)$/.exec(
    text.trim().replace(/^(?:doi:|https?:\/\/(?:dx\.)?doi\.org\/)/i, ''),
  );
  return m?.[1];
}

/** Authors as a list from a list, or from `A; B`, `A and B`, `A, B`, `A, B, and C` text. */
export function splitAuthors(value: string | readonly string[] | undefined): string[] {
  if (value === undefined) return [];
  const list =
    typeof value === 'string'
      ? value.includes(';')
        ? value.split(';')
        : value.split(/\s*,?\s+and\s+/i).flatMap((part) => part.split(','))
      : [...value];
  return list.map((a) => a.replace(/\s+/g, ' ').trim()).filter((a) => a.length > 0);
}

/** Values that spreadsheet and dataframe exports write for "no value". */
const MISSING = new Set(['', 'none', 'null', 'nan', 'n/a', 'na', '[]']);

/** Is this text one of the placeholders exports write for an empty cell (`None`, `nan`, ...)? */
export function isMissingText(text: string): boolean {
  // Placeholders are short; an abstract is not worth lower-casing to find that out.
  return text.length <= 16 && MISSING.has(text.trim().toLowerCase());
}

/**
 * The items of a list written as a Python or JSON literal, as dataframe
 * exports write list cells: `['Alice Smith', "Bob O'Neil"]` -> two names.
 * Undefined when the text is not such a literal (so it is read as plain text).
 */
export function parseListLiteral(text: string): string[] | undefined {
  const s = text.trim();
  if (!/^[[(]/.test(s) || !/[\])]$/.test(s)) return undefined;
  const items: string[] = [];
  let i = 1;
  const end = s.length - 1;
  const skipSpace = () => {
    while (i < end && /\s/.test(s[i] ?? '')) i += 1;
  };
  skipSpace();
  while (i < end) {
    const quote = s[i];
    // A Python string prefix (u'', r'') is allowed; anything else unquoted is not a list literal.
    if ((quote === 'u' || quote === 'r') && /['"]/.test(s[i + 1] ?? '')) {
      i += 1;
      continue;
    }
    if (quote !== "'" && quote !== '"') return undefined;
    let value = '';
    i += 1;
    for (;;) {
      if (i >= end) return undefined;
      const c = s[i] ?? '';
      if (c === '\\') {
        const next = s[i + 1] ?? '';
        value += next === 'n' ? ' ' : next === 't' ? ' ' : next;
        i += 2;
        continue;
      }
      i += 1;
      if (c === quote) break;
      value += c;
    }
    items.push(value);
    skipSpace();
    if (i < end && s[i] !== ',') return undefined;
    i += 1;
    skipSpace();
  }
  return items;
}

const NAME_SUFFIX = /^(?:jr|sr|ii|iii|iv|v)\.?$/i;

/**
 * A person's name for display, `First Last`: `Smith, John` -> `John Smith`,
 * `Smith, Jr., John` -> `John Smith Jr.`; a name without a comma is kept.
 */
export function displayName(name: string): string {
  const parts = name.split(',').map((p) => p.replace(/\s+/g, ' ').trim());
  if (parts.length === 2 && parts[0] && parts[1] && !NAME_SUFFIX.test(parts[1])) {
    return `${parts[1]} ${parts[0]}`;
  }
  if (parts.length === 2 && parts[0] && parts[1]) return `${parts[0]} ${parts[1]}`;
  if (parts.length === 3 && parts[0] && parts[1] && parts[2] && NAME_SUFFIX.test(parts[1])) {
    return `${parts[2]} ${parts[0]} ${parts[1]}`;
  }
  return parts.filter(Boolean).join(', ');
}

/** `Last, First` or `Last, Jr., First`: one inverted name. */
const INVERTED = /^[^,]+,[^,]+(?:,[^,]+)?$/;

/**
 * Authors from the forms list files write them in: a list, a Python/JSON list
 * literal, or text separated by `;` or ` and ` (where `Last, First` names are
 * turned to `First Last`), or by commas.
 */
export function authorList(value: string | readonly string[]): string[] {
  const given = typeof value === 'string' ? parseListLiteral(value) : value;
  if (given || typeof value !== 'string') {
    const names = splitAuthors(given ?? []);
    return names.length > 0 && names.every((n) => INVERTED.test(n))
      ? names.map(displayName)
      : names;
  }
  const byAnd = value.split(/\s+and\s+/i);
  const separated = value.includes(';') ? value.split(';') : byAnd.length > 1 ? byAnd : undefined;
  // `Smith, John; Doe, Jane` or `Smith, John and Doe, Jane`: each item is one inverted name.
  if (separated) {
    const names = splitAuthors(separated);
    if (names.every((n) => INVERTED.test(n))) return names.map(displayName);
    if (value.includes(';')) return names;
  }
  return splitAuthors(value);
}

/** An arXiv category code: `cs.CV`, `hep-th`, `math.AG`. */
const CATEGORY_CODE = /^[a-z][a-z-]*(?:\.[A-Za-z][A-Za-z-]*)?$/;

/**
 * Short labels (categories, topics) from a list, a list literal, or text
 * separated by `;`, `,` or `|`. With `codes`, text of space-separated arXiv
 * category codes (`cs.CV cs.AI`, as arXiv metadata writes them) is split too.
 */
export function labelList(value: string | readonly string[], codes = false): string[] {
  let items: string[];
  if (typeof value !== 'string') items = [...value];
  else {
    const literal = parseListLiteral(value);
    const words = value.trim().split(/\s+/);
    items =
      literal ??
      (/[;,|]/.test(value)
        ? value.split(/[;,|]/)
        : codes && words.every((w) => CATEGORY_CODE.test(w))
          ? words
          : [value]);
  }
  const seen = new Set<string>();
  const out: string[] = [];
  for (const item of items) {
    const label = item.replace(/\s+/g, ' ').trim();
    if (label && !seen.has(label)) {
      seen.add(label);
      out.push(label);
    }
  }
  return out;
}
