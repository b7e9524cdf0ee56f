/**
 * Text cut into comparable pieces. Latin words are lowercase tokens ("s&p", "500", "ytd");
 * Hangul is compared on the text with its spaces removed, so particles and spacing
 * ("소형주가", "세금 손실 매도") do not matter.
 */
export type Words = {
  readonly tokens: readonly string[];
  /** Start offset of each token in `lower`. */
  readonly starts: readonly number[];
  /** The text, lowercase. */
  readonly lower: string;
  /** `lower` without white space, for Hangul phrases. */
  readonly compact: string;
};

const TOKEN = /\^?[\p{Script=Latin}\p{N}][\p{Script=Latin}\p{N}&'’.]*|\p{Script=Hangul}+/gu;

export function toWords(text: string): Words {
  const lower = text.toLowerCase();
  const tokens: string[] = [];
  const starts: number[] = [];
  for (const m of lower.matchAll(TOKEN)) {
    const token = m[0].replace(/['’.]+$/, '').replace(/['’]s$/, '');
    if (!token) continue;
    tokens.push(token);
    starts.push(m.index);
  }
  return { tokens, starts, lower, compact: lower.replace(/\s+/g, '') };
}

/** Optimal string alignment distance (Damerau–Levenshtein with adjacent swaps), stopping early past `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      if (i === 0) { row.push(j); continue; }
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(rows[i - 1]![j]! + 1, row[j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, rows[i - 2]![j - 2]! + 1);
      row.push(v);
      best = Math.min(best, v);
    }
    if (i > 0 && best > max) return max + 1;
    rows.push(row);
  }
  return rows[a.length]![b.length]!;
}

/** Typos allowed in a word of this length: none up to 4 letters, one up to 8, two beyond. */
const allowedEdits = (word: string) => (word.length <= 4 || /\d/.test(word) ? 0 : word.length <= 8 ? 1 : 2);

export function sameWord(typed: string, known: string): boolean {
  if (typed === known) return true;
  const max = allowedEdits(known);
  return max > 0 && editDistance(typed, known, max) <= max;
}

export type PhraseHit = { readonly start: number; readonly end: number };

/**
 * Where a phrase occurs: a Latin phrase as consecutive words, each allowed its typos (a word
 * ending in "*" matches any word it begins), a Hangul phrase inside the compact text.
 * Offsets are token positions for Latin phrases and compact offsets for Hangul ones.
 */
export function findPhrase(words: Words, phrase: string): PhraseHit | undefined {
  if (/\p{Script=Hangul}/u.test(phrase)) {
    const at = words.compact.indexOf(phrase.replace(/\s+/g, ''));
    return at < 0 ? undefined : { start: at, end: at + phrase.replace(/\s+/g, '').length };
  }
  const parts = phrase.split(' ');
  const { tokens } = words;
  outer: for (let i = 0; i + parts.length <= tokens.length; i++) {
    for (let k = 0; k < parts.length; k++) {
      const part = parts[k]!;
      const token = tokens[i + k]!;
      if (part.endsWith('*') ? !token.startsWith(part.slice(0, -1)) : !sameWord(token, part)) continue outer;
    }
    return { start: i, end: i + parts.length };
  }
  return undefined;
}

export const hasAny = (words: Words, phrases: readonly string[]): boolean => phrases.some((p) => findPhrase(words, p) !== undefined);
