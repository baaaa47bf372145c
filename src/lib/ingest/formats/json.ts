/**
 * JSON and JSON Lines paper lists. A JSON file is an array of records, an
 * object holding such an array (`papers`, `results`, `items`, `data`,
 * `entries`, `records`), or a single record. A JSON Lines file holds one record
 * per line. Records are Hugging Face API items or papers (see hf-json.ts) or
 * field-by-name records (see record.ts).
 */
import type { RawPaper, SourceRef } from '../../paper.ts';
import { PaperListError } from '../errors.ts';
import { hfKey, hfToRaw, isHfItem, isHfPaper } from './hf-json.ts';
import { recordToRaw } from './record.ts';

const WRAPPERS = ['papers', 'results', 'items', 'data', 'entries', 'records', 'dailyPapers'];

/** 1-based line and column of a character offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line += 1;
    start = i + 1;
  }
  return { line, column: offset - start + 1 };
}

/**
 * Offset of the first JSON syntax error in `text` (V8 does not always say
 * where), or -1 when the text is valid JSON. Only run after JSON.parse failed.
 */
export function jsonErrorOffset(text: string): number {
  let i = 0;
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i] as string)) i += 1;
  };
  const fail = (at = i): never => {
    throw at;
  };
  const literal = (word: string) => {
    for (const c of word) if (text[i++] !== c) fail(i - 1);
  };
  const string = () => {
    i += 1;
    for (;;) {
      if (i >= text.length) fail();
      const c = text.charCodeAt(i);
      if (c === 0x22) break;
      if (c < 0x20) fail();
      if (c === 0x5c) {
        const e = text[i + 1] ?? '';
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) fail(i + 1);
          i += 6;
        } else if ('"\\/bfnrt'.includes(e) && e !== '') i += 2;
        else fail(i + 1);
      } else i += 1;
    }
    i += 1;
  };
  const value = (): void => {
    ws();
    const c = text[i];
    if (c === '{') {
      i += 1;
      ws();
      if (text[i] === '}') {
        i += 1;
        return;
      }
      for (;;) {
        ws();
        if (text[i] !== '"') fail();
        string();
        ws();
        if (text[i] !== ':') fail();
        i += 1;
        value();
        ws();
        if (text[i] === ',') i += 1;
        else if (text[i] === '}') {
          i += 1;
          return;
        } else fail();
      }
    } else if (c === '[') {
      i += 1;
      ws();
      if (text[i] === ']') {
        i += 1;
        return;
      }
      for (;;) {
        value();
        ws();
        if (text[i] === ',') i += 1;
        else if (text[i] === ']') {
          i += 1;
          return;
        } else fail();
      }
    } else if (c === '"') string();
    else if (c === 't') literal('true');
    else if (c === 'f') literal('false');
    else if (c === 'n') literal('null');
    else {
      const m = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
      if (!m) fail();
      i += (m as RegExpExecArray)[0].length;
    }
  };
  try {
    value();
    ws();
    if (i < text.length) fail();
    return -1;
  } catch (at) {
    if (typeof at === 'number') return Math.min(at, text.length);
    throw at;
  }
}

/** What V8 says is wrong, without its position (we give our own). */
function jsonProblem(e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  return message
    .replace(/\s*in JSON at position \d+(?: \(line \d+ column \d+\))?/, '')
    .replace(/, ".*" is not valid JSON$/s, '')
    .replace(/^Unexpected end of JSON input$/, 'the text ends in the middle of a value');
}

function syntaxError(text: string, file: string, e: unknown, lineOffset = 0): PaperListError {
  const offset = jsonErrorOffset(text);
  const { line, column } = lineColumn(text, offset === -1 ? 0 : offset);
  const near = text.slice(Math.max(0, offset - 20), offset + 20).replace(/\s+/g, ' ');
  return new PaperListError(
    file,
    { line: line + lineOffset },
    `invalid JSON at column ${column}: ${jsonProblem(e)}${near.trim() ? ` (near \`${near.trim()}\`)` : ''}`,
    'fix the JSON syntax there (a missing comma or quote, or a trailing comma, is the usual cause)',
  );
}

/** One record of a JSON or JSON Lines list, read with the mapping its shape calls for. */
export function jsonRecordToRaw(value: unknown, source: SourceRef): RawPaper {
  if (isHfItem(value) || isHfPaper(value)) return hfToRaw(value, source);
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    return recordToRaw(value as Record<string, unknown>, source);
  }
  throw new PaperListError(
    source.file,
    source,
    `expected a paper record (an object with "title" and "abstract"), found ${
      Array.isArray(value) ? 'a list' : value === null ? 'null' : typeof value
    }`,
    'give each paper as a JSON object',
  );
}

/** The records of a parsed JSON document. */
function recordsOf(doc: unknown, file: string): unknown[] {
  if (Array.isArray(doc)) return doc;
  if (typeof doc === 'object' && doc !== null) {
    const o = doc as Record<string, unknown>;
    for (const k of WRAPPERS) if (Array.isArray(o[k])) return o[k];
    return [doc];
  }
  throw new PaperListError(
    file,
    { line: 1 },
    `the file holds a single ${doc === null ? 'null' : typeof doc}, not a list of papers`,
    'give a JSON array of paper records (or one record per line in a .jsonl file)',
  );
}

/** Does the text look like JSON Lines: a whole value on the first line and another record after it? */
function looksLikeJsonLines(text: string): boolean {
  const nl = text.indexOf('\n');
  if (nl === -1) return false;
  const rest = text.slice(nl + 1).trimStart();
  if (!rest.startsWith('{')) return false;
  try {
    JSON.parse(text.slice(0, nl));
    return true;
  } catch {
    return false;
  }
}

/** Parses a JSON document of papers (or JSON Lines given a .json name). */
export function parseJson(text: string, file: string): RawPaper[] {
  if (text.trim() === '') {
    throw new PaperListError(
      file,
      { line: 1 },
      'the file is empty',
      'give a JSON array of paper records',
    );
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    if (looksLikeJsonLines(text)) return parseJsonLines(text, file);
    throw syntaxError(text, file, e);
  }
  const records = recordsOf(doc, file);
  if (records.length === 0) {
    throw new PaperListError(
      file,
      { line: 1 },
      'the list is empty: no papers',
      'give at least one paper',
    );
  }
  return records.map((r, i) => jsonRecordToRaw(r, { file, key: hfKey(i, r) }));
}

/** Parses JSON Lines: one record per line, blank lines skipped. */
export function parseJsonLines(text: string, file: string): RawPaper[] {
  const first = text.trimStart()[0];
  if (first === '[') return parseJson(text, file);
  const papers: RawPaper[] = [];
  let line = 0;
  for (let start = 0; start <= text.length;) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    line += 1;
    const row = text.slice(start, end);
    start = end + 1;
    if (row.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(row);
    } catch (e) {
      throw syntaxError(row, file, e, line - 1);
    }
    papers.push(jsonRecordToRaw(value, { file, line }));
  }
  if (papers.length === 0) {
    throw new PaperListError(
      file,
      { line: 1 },
      'the file is empty',
      'give one JSON paper record per line',
    );
  }
  return papers;
}
