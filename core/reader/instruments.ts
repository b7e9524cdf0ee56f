import type { LegRole } from '../market/types.ts';
import type { Words } from './words.ts';
import { findPhrase } from './words.ts';

/** A name the reader knows: one instrument of the universe, or a whole side ("small caps"). */
export type InstrumentMention = {
  readonly role: LegRole;
  /** The ETF symbol; undefined for a side named as a group. */
  readonly symbol?: 'IWM' | 'IJR' | 'SPY' | 'QQQ';
  /** Where it was found: token index (Latin) or compact offset (Hangul), for word order. */
  readonly at: number;
  readonly hangul: boolean;
};

type Name = { readonly role: LegRole; readonly symbol?: InstrumentMention['symbol']; readonly phrases: readonly string[] };

/** Longer phrases first, so "s&p 600" is never read as "s&p". */
const NAMES: readonly Name[] = [
  { role: 'small', symbol: 'IJR', phrases: ['s&p smallcap 600', 's&p small cap 600', 's&p 600', 'sp 600', 'sp600', 's&p600', 'ijr', 'standard & poor’s 600', 'S&P 600 지수', '에스앤피 600', '에스앤피600', 's&p600'] },
  { role: 'small', symbol: 'IWM', phrases: ['russell 2000', 'russell2000', 'russell 2k', 'russell', 'r2k', 'iwm', '^rut', 'rut', '러셀 2000', '러셀2000', '러셀'] },
  { role: 'large', symbol: 'QQQ', phrases: ['nasdaq 100', 'nasdaq-100', 'nasdaq100', 'nasdaq', 'qqq', 'ndx', '^ndx', 'big tech', 'large cap tech', 'large-cap tech', 'megacap tech', 'mega cap tech', 'tech giants', 'tech stocks', 'magnificent seven', 'magnificent 7', 'mag 7', 'faang', '나스닥 100', '나스닥100', '나스닥', '빅테크', '대형 기술주', '대형기술주', '기술주'] },
  { role: 'large', symbol: 'SPY', phrases: ['s&p 500', 'sp 500', 'sp500', 's&p500', 's and p 500', 's&p', 'spx', 'spy', '^gspc', 'gspc', 'standard & poor’s 500', '에스앤피 500', '에스앤피500', 'S&P 500 지수'] },
  { role: 'small', phrases: ['small caps', 'small cap', 'small-cap', 'small-caps', 'smallcaps', 'smallcap', 'small companies', 'small stocks', 'smaller companies', 'small firms', '중소형주', '소형주', '스몰캡', '소형 종목'] },
  { role: 'large', phrases: ['large caps', 'large cap', 'large-cap', 'large-caps', 'largecaps', 'big caps', 'mega caps', 'megacaps', 'big companies', 'blue chips', 'large stocks', '대형주', '라지캡', '대형 종목'] },
];

const SEP = /[\s\-]/;

/** Every instrument or side named in the text, in order of appearance; overlapping names count once (the longest). */
export function findInstruments(words: Words): InstrumentMention[] {
  return mentionsWithEnds(words).map(({ end: _end, ...m }) => m);
}

/** The same mentions with where each starts and ends in the lowercase text, to read the words around it. */
export function findInstrumentSpans(words: Words): (InstrumentMention & { readonly from: number; readonly to: number })[] {
  return mentionsWithEnds(words).map(({ end, ...m }) => ({ ...m, from: order(m, words), to: endInLower(words, end, m.hangul) }));
}

/** Where a mention ending at `end` (a token index, or a compact offset for Hangul) ends in the lowercase text. */
export const endInLower = (words: Words, end: number, hangul: boolean): number =>
  hangul ? compactToLower(words, end - 1) + 1 : words.starts[end - 1]! + words.tokens[end - 1]!.length;

function mentionsWithEnds(words: Words): (InstrumentMention & { end: number })[] {
  const found: (InstrumentMention & { end: number })[] = [];
  for (const name of NAMES) {
    for (const raw of name.phrases) {
      const phrase = raw.toLowerCase();
      const hangul = /\p{Script=Hangul}/u.test(phrase);
      let from = 0;
      // Every occurrence of the phrase, not just the first.
      for (let guard = 0; guard < 50; guard++) {
        const hit = hangul ? hangulAt(words, phrase, from) : latinAt(words, phrase, from);
        if (!hit) break;
        from = hit.end;
        if (found.some((f) => f.hangul === hangul && hit.start < f.end && f.at < hit.end)) continue;
        found.push({ role: name.role, ...(name.symbol ? { symbol: name.symbol } : {}), at: hit.start, end: hit.end, hangul });
      }
    }
  }
  return found.sort((a, b) => order(a, words) - order(b, words));
}

function latinAt(words: Words, phrase: string, from: number) {
  const rest: Words = { ...words, tokens: words.tokens.slice(from) };
  const hit = findPhrase(rest, phrase.split(SEP).filter(Boolean).join(' '));
  return hit && { start: hit.start + from, end: hit.end + from };
}

function hangulAt(words: Words, phrase: string, from: number) {
  const key = phrase.replace(/\s+/g, '');
  const at = words.compact.indexOf(key, from);
  return at < 0 ? undefined : { start: at, end: at + key.length };
}

/** A comparable position for Latin (token) and Hangul (compact offset) mentions: both as offsets in the lower text. */
function order(m: InstrumentMention, words: Words): number {
  if (m.hangul) return compactToLower(words, m.at);
  return words.starts[m.at] ?? 0;
}

function compactToLower(words: Words, at: number): number {
  let seen = 0;
  for (let i = 0; i < words.lower.length; i++) {
    if (/\s/.test(words.lower[i]!)) continue;
    if (seen === at) return i;
    seen++;
  }
  return words.lower.length;
}
