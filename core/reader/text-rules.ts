import type { IsoDate } from '../market/types.ts';

/** A pattern and how to read one match of it against the as-of date; undefined when the match means nothing. */
export type TextRule<T> = { readonly re: RegExp; readonly read: (m: RegExpExecArray, asOf: IsoDate) => T | undefined };

export type RuleHit<T> = {
  readonly value: T;
  /** The words it was read from, as typed. */
  readonly phrase: string;
  /** Offset in the text, for ordering. */
  readonly at: number;
};

/**
 * Every reading of the rules in the text, in order of appearance. Rules go most specific first: a
 * later rule never reads words an earlier one took. `accept` can still refuse a reading.
 */
export function readAll<T>(text: string, rules: readonly TextRule<T>[], asOf: IsoDate, accept: (value: T) => boolean = () => true): RuleHit<T>[] {
  const lower = text.toLowerCase();
  const taken: [number, number][] = [];
  const found: RuleHit<T>[] = [];
  for (const rule of rules) {
    rule.re.lastIndex = 0;
    for (const m of lower.matchAll(rule.re)) {
      const start = m.index;
      const end = start + m[0].length;
      if (taken.some(([s, e]) => start < e && s < end)) continue;
      const value = rule.read(m as unknown as RegExpExecArray, asOf);
      if (value === undefined || !accept(value)) continue;
      taken.push([start, end]);
      const phrase = text.slice(start, end);
      const lead = phrase.length - phrase.trimStart().length;
      found.push({ value, phrase: phrase.trim(), at: start + lead });
    }
  }
  return found.sort((a, b) => a.at - b.at);
}
