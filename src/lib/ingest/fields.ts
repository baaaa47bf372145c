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

/** Authors as a list from a list, or from `A; B`, `A and B`, `A, B` text. */
export function splitAuthors(value: string | readonly string[] | undefined): string[] {
  if (value === undefined) return [];
  const list =
    typeof value === 'string'
      ? value.includes(';')
        ? value.split(';')
        : / and /i.test(value)
          ? value.split(/\s+and\s+|,\s*(?=[^,]+\s+and\s)/i)
          : value.split(',')
      : [...value];
  return list.map((a) => a.replace(/\s+/g, ' ').trim()).filter((a) => a.length > 0);
}
