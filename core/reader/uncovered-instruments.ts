import type { Words } from './words.ts';
import { findPhrase } from './words.ts';

/**
 * An index people set against small caps that the bot's universe does not hold. It is put in
 * `vs:` by its tracking ETF (its index with `basis:index`), so the data source answers or says
 * it has no such symbol; it is never read as the covered name inside it ("russell 3000" is not
 * the Russell 2000).
 */
export type UncoveredMention = {
  readonly etf: string;
  readonly index: string;
  /** The glossary entry explaining it, when there is one. */
  readonly term?: string;
  /** Token range (Latin) or compact range (Hangul) it covers, as instrument mentions count. */
  readonly start: number;
  readonly end: number;
  readonly hangul: boolean;
};

type Uncovered = Omit<UncoveredMention, 'start' | 'end' | 'hangul'> & { readonly phrases: readonly string[] };

const UNCOVERED: readonly Uncovered[] = [
  { etf: 'IWV', index: '^RUA', term: 'russell-3000', phrases: ['russell 3000', 'russell3000', 'rua', '^rua', '러셀 3000', '러셀3000'] },
  { etf: 'IWB', index: '^RUI', phrases: ['russell 1000', 'russell1000', 'rui', '^rui', '러셀 1000', '러셀1000'] },
  { etf: 'IJH', index: '^SP400', term: 'mid-cap', phrases: ['s&p midcap 400', 's&p mid cap 400', 's&p 400', 'sp 400', 's&p400', 'sp400', 's&p 400 지수'] },
  { etf: 'DIA', index: '^DJI', phrases: ['dow jones', 'the dow', 'dow 30', 'djia', '^dji', '다우존스', '다우 지수', '다우지수', '다우'] },
];

/** Every uncovered index the words name, first mention each, in order of appearance. */
export function findUncovered(words: Words): UncoveredMention[] {
  const found: UncoveredMention[] = [];
  for (const { phrases, ...index } of UNCOVERED) {
    for (const phrase of phrases) {
      const hit = findPhrase(words, phrase);
      if (!hit) continue;
      found.push({ ...index, ...hit, hangul: /\p{Script=Hangul}/u.test(phrase) });
      break;
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** Whether an instrument mention lies inside an uncovered name ("russell" in "russell 3000"). */
export const insideUncovered = (uncovered: readonly UncoveredMention[], m: { readonly at: number; readonly hangul: boolean }): boolean =>
  uncovered.some((u) => u.hangul === m.hangul && m.at >= u.start && m.at < u.end);
