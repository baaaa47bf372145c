/**
 * CSV and TSV paper lists with a header row; columns are read by name with
 * the same mapping as JSON records (record.ts). Quoted fields may hold the
 * delimiter, doubled quotes and line breaks; a record's line is the line it
 * starts on. Parsing is csv-parse's (RFC 4180).
 */
import { CsvError, parse } from 'csv-parse/sync';
import type { RawPaper } from '../../paper.ts';
import { PaperListError } from '../errors.ts';
import { fieldFor, recordToRaw } from './record.ts';

export type Delimiter = ',' | '\t' | ';';

/** Which delimiter the header line uses: the one that makes a `title` column, else the most frequent. */
export function sniffDelimiter(headerLine: string): Delimiter {
  const candidates: Delimiter[] = ['\t', ',', ';'];
  for (const d of candidates) {
    const cells = headerLine.split(d).map((c) => c.replace(/^\s*"?|"?\s*$/g, ''));
    if (cells.length > 1 && cells.some((c) => fieldFor(c) === 'title')) return d;
  }
  let best: Delimiter = ',';
  let most = 0;
  for (const d of candidates) {
    const n = headerLine.split(d).length - 1;
    if (n > most) [best, most] = [d, n];
  }
  return best;
}

interface Row {
  record: string[];
  info: { lines: number };
  raw: string;
}

function csvFault(e: CsvError, file: string, lastLine: number): PaperListError {
  const line = typeof e.lines === 'number' ? e.lines : lastLine + 1;
  switch (e.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return new PaperListError(
        file,
        { line: lastLine + 1 },
        'a quoted field that starts in this record is never closed: the file ends inside it',
        'close the quote; a quote inside a quoted field is written twice ("")',
      );
    case 'INVALID_OPENING_QUOTE':
    case 'CSV_INVALID_CLOSING_QUOTE':
      return new PaperListError(
        file,
        { line },
        `misplaced quote: ${e.message.replace(/ at line \d+/, '')}`,
        'quote the whole field, and write a quote inside it twice ("")',
      );
    default:
      return new PaperListError(
        file,
        { line },
        `CSV error: ${e.message}`,
        'check the CSV syntax there',
      );
  }
}

/** Parses CSV (or TSV) text with a header into raw papers. */
export function parseCsv(text: string, file: string, delimiter?: Delimiter): RawPaper[] {
  const headerLine = text.slice(0, text.indexOf('\n') === -1 ? text.length : text.indexOf('\n'));
  if (text.trim() === '') {
    throw new PaperListError(
      file,
      { line: 1 },
      'the file is empty',
      'give a header line, then a paper per row',
    );
  }
  const d = delimiter ?? sniffDelimiter(headerLine);
  let lastLine = 0;
  let rows: Row[];
  try {
    rows = parse(text, {
      delimiter: d,
      info: true,
      raw: true,
      skip_empty_lines: true,
      relax_quotes: false,
      relax_column_count: true,
      on_record: (record, context) => {
        lastLine = context.lines;
        return record;
      },
    }) as unknown as Row[];
  } catch (e) {
    if (e instanceof CsvError) throw csvFault(e, file, lastLine);
    throw e;
  }
  const [header, ...body] = rows;
  if (!header) {
    throw new PaperListError(
      file,
      { line: 1 },
      'the file is empty',
      'give a header line, then a paper per row',
    );
  }
  const names = header.record.map((n) => n.trim());
  const fields = names.map((n) => fieldFor(n));
  const missing = (['title', 'abstract'] as const).filter((f) => !fields.includes(f));
  if (missing.length > 0) {
    throw new PaperListError(
      file,
      { line: 1 },
      `the header has no ${missing.map((m) => `"${m}"`).join(' or ')} column (its columns: ${names
        .map((n) => `"${n}"`)
        .join(', ')})`,
      `name the columns in the first line: "title" and "abstract" are required${
        d === ',' && headerLine.includes('\t')
          ? '; this looks tab-separated, so name the file .tsv'
          : ''
      }`,
    );
  }
  if (body.length === 0) {
    throw new PaperListError(
      file,
      { line: 1 },
      'the file has a header but no papers',
      'add a row per paper',
    );
  }
  return body.map((row) => {
    const inner = row.raw.replace(/^[\r\n]+/, '').replace(/\r?\n$/, '');
    const line = row.info.lines - (inner.match(/\n/g)?.length ?? 0);
    if (row.record.length > names.length) {
      const name = d === '\t' ? 'tab' : d === ';' ? 'semicolon' : 'comma';
      throw new PaperListError(
        file,
        { line },
        `this row has ${row.record.length} fields but the header has ${names.length}`,
        `put quotes around fields that contain a ${name} (in an abstract or an author list, for example)`,
      );
    }
    const record: Record<string, string> = {};
    names.forEach((name, i) => {
      const v = row.record[i];
      if (v !== undefined && name !== '' && !(name in record && record[name] !== ''))
        record[name] = v;
    });
    return recordToRaw(record, { file, line });
  });
}
