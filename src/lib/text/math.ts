/**
 * What counts as math: in a cleaned title or abstract (see ingest/latex.ts)
 * math sits between unescaped dollars (`$...$`, `$$...$$`) and a literal
 * dollar is written `\\$`, so the text parses back into segments without
 * ambiguity. Rendering, slugs, topics and related papers all cut math by
 * this one rule.
 */

export type Segment =
  { type: 'text'; value: string } | { type: 'math'; value: string; display: boolean };

/** Parses a cleaned string back into text and math segments. */
export function parseSegments(clean: string): Segment[] {
  const out: Segment[] = [];
  let text = '';
  let i = 0;
  while (i < clean.length) {
    const ch = clean[i];
    if (ch === '\\' && clean[i + 1] === '$') {
      text += '$';
      i += 2;
      continue;
    }
    if (ch === '$') {
      const display = clean[i + 1] === '$';
      const open = display ? 2 : 1;
      const end = scanMathEnd(clean, i + open, display);
      if (end !== -1) {
        if (text) out.push({ type: 'text', value: text });
        text = '';
        out.push({ type: 'math', value: clean.slice(i + open, end), display });
        i = end + open;
        continue;
      }
    }
    text += ch;
    i += 1;
  }
  if (text) out.push({ type: 'text', value: text });
  return out;
}

function scanMathEnd(s: string, from: number, display: boolean): number {
  for (let j = from; j < s.length; j++) {
    if (s[j] === '\\') {
      j += 1;
      continue;
    }
    if (s[j] === '$' && (!display || s[j + 1] === '$')) return j;
  }
  return -1;
}

/** The prose of a cleaned string, each math segment replaced by `replacement`. */
export function withoutMath(clean: string, replacement = ' '): string {
  if (!clean.includes('$')) return clean;
  return parseSegments(clean)
    .map((s) => (s.type === 'text' ? s.value : replacement))
    .join('');
}
