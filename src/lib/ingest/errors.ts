/**
 * The one error type ingest throws: it names the file, the line (or record
 * key) and says how to fix the input. Anything else escaping a reader is a bug.
 */
export class PaperListError extends Error {
  override readonly name = 'PaperListError';
  readonly file: string;
  readonly line: number | undefined;
  readonly key: string | undefined;
  readonly hint: string;

  constructor(
    file: string,
    where: { line?: number | undefined; key?: string | undefined },
    problem: string,
    hint: string,
  ) {
    const at =
      where.line !== undefined
        ? `${file}:${where.line}`
        : where.key !== undefined
          ? `${file} (${where.key})`
          : file;
    super(`${at}: ${problem}\n  fix: ${hint}`);
    this.file = file;
    this.line = where.line;
    this.key = where.key;
    this.hint = hint;
  }
}
