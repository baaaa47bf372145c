/** Notes about the input that do not stop the build; the loader logs them. */
import type { SourceRef } from '../paper.ts';

export interface IngestWarning {
  source: SourceRef;
  message: string;
}

/** `file:line: message`, the form every warning is logged in. */
export function formatWarning(w: IngestWarning): string {
  const at =
    w.source.line !== undefined
      ? `${w.source.file}:${w.source.line}`
      : w.source.key !== undefined
        ? `${w.source.file} (${w.source.key})`
        : w.source.file;
  return `${at}: ${w.message}`;
}
