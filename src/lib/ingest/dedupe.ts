/**
 * Finds the same paper listed twice. The same title with the same abstract is
 * one paper (kept once, with a warning); the same title with different
 * abstracts is two papers (both kept, with a warning; slugs tell them apart).
 */
import type { Paper } from '../paper.ts';
import { fold } from '../text/fold.ts';
import { toPlainText } from './latex.ts';
import type { IngestWarning } from './warnings.ts';

const key = (text: string) =>
  fold(toPlainText(text))
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

function where(p: Paper): string {
  return p.source.line !== undefined ? `line ${p.source.line}` : (p.source.key ?? p.source.file);
}

export function dedupe(papers: Paper[]): { papers: Paper[]; warnings: IngestWarning[] } {
  const byTitle = new Map<string, Paper[]>();
  const kept: Paper[] = [];
  const warnings: IngestWarning[] = [];
  for (const paper of papers) {
    const k = key(paper.title);
    const same = byTitle.get(k) ?? [];
    const twin = same.find((p) => key(p.abstract) === key(paper.abstract));
    if (twin) {
      warnings.push({
        source: paper.source,
        message: `duplicate of the paper at ${where(twin)} (same title and abstract): kept once`,
      });
      continue;
    }
    if (same.length > 0) {
      warnings.push({
        source: paper.source,
        message: `same title as the paper at ${where(same[0] as Paper)} but a different abstract: both kept, with distinct URLs`,
      });
    }
    same.push(paper);
    byTitle.set(k, same);
    kept.push(paper);
  }
  return { papers: kept, warnings };
}
