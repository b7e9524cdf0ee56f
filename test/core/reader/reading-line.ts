import { readQuestion } from '../../../core/reader/read-question.ts';
import { realIndex } from '../glossary/real-glossary.ts';

/** A question's reading with the real glossary, written as a test table writes it: the line, `ambiguous: a | b`, or `unreadable`. */
export function readingLine(question: string, asOf = '2026-01-20'): string {
  const r = readQuestion(question, { glossary: realIndex, asOf });
  return r.kind === 'command' ? r.line : r.kind === 'ambiguous' ? `ambiguous: ${r.options.join(' | ')}` : 'unreadable';
}
