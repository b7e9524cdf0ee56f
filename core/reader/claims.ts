import type { IsoDate } from '../market/types.ts';
import type { GlossaryIndex } from '../glossary/glossary-index.ts';
import { toWords, hasAny } from './words.ts';
import { findInstruments } from './instruments.ts';
import { findPeriods } from './period-words.ts';
import { findTerms } from './find-terms.ts';

export type Symbol4 = 'IWM' | 'IJR' | 'SPY' | 'QQQ';
const PRIMARY = { small: 'IWM', large: 'SPY' } as const;

/** A sentence the price data can test, or one it cannot. Figures are decimals (0.08 is 8%). */
export type Claim =
  | { readonly kind: 'return'; readonly quote: string; readonly symbol: Symbol4; readonly period: string | undefined; readonly stated: number; readonly hedged: boolean }
  | { readonly kind: 'lead'; readonly quote: string; readonly small: Symbol4; readonly large: Symbol4; readonly period: string | undefined; readonly leads: boolean; readonly strong: boolean; readonly statedPp?: number }
  | { readonly kind: 'unchecked'; readonly quote: string; readonly reason: 'earnings' | 'valuation' | 'macro' | 'forecast' };

const FIGURE = /(about|around|roughly|nearly|almost|some|approximately|close to|more than|over|약|거의|대략|근|가량)?\s*([+\-−]?\d+(?:\.\d+)?)\s*(%p|%\s*포인트|percentage points?|pp|%|percent|퍼센트|프로)\s*(가량|정도|안팎|내외|가까이)?/giu;
const UP = ['rose', 'rise', 'rises', 'risen', 'up', 'gained', 'gain', 'gains', 'climbed', 'jumped', 'rallied', 'advanced', 'added', 'higher', '상승', '올라', '올랐', '오른', '급등', '뛰', '강세'];
const DOWN = ['fell', 'fall', 'falls', 'fallen', 'down', 'dropped', 'lost', 'declined', 'slid', 'slumped', 'lower', '하락', '떨어', '내린', '내렸', '빠졌', '급락', '약세'];
const LEAD = ['ahead of', 'beat', 'beating', 'beaten', 'outperform', 'outperformed', 'outperforming', 'outpaced', 'outpacing', 'led', 'leading', 'topped', 'lead', '앞서', '앞지르', '앞질', '웃돌', '능가', '초과수익', '아웃퍼폼'];
const LAG = ['lag', 'lagged', 'lagging', 'behind', 'trailed', 'trailing', 'underperform', 'underperformed', 'underperforming', '뒤처', '뒤쳐', '밑돌', '언더퍼폼'];
const STRONG = ['well ahead', 'far ahead', 'sharply', 'strongly', 'by a wide margin', 'handily', 'big', 'crushing', '크게', '큰 폭', '대폭', '압도'];
const FORECAST = /\b(will|would|could|should|expected to|likely|may|might|forecast|predict)\b|것이다|것으로|할 것|될 것|가능성|전망|예상|기대하기|어렵다|수 있다|할지|질지|하면|한다면|이면/u;
const DEFINITION = /\b(means|refers to|is defined as|is an index|is a measure)\b|의미한다|뜻한다|지수로,|지수이고|지수라는|전략으로|을 말한다|를 말한다/u;
const UNCHECKED: Readonly<Record<string, 'earnings' | 'valuation' | 'macro'>> = {
  'earnings-revisions': 'earnings', eps: 'earnings', 'eps-growth': 'earnings', 'earnings-quality': 'earnings', 'earnings-momentum': 'earnings', fundamentals: 'earnings', guidance: 'earnings', 'show-me-story': 'earnings',
  valuation: 'valuation', 'valuation-gap': 'valuation', 'pe-ratio': 'valuation', 're-rating': 'valuation', 'durable-re-rating': 'valuation',
  'ism-new-orders': 'macro', 'leading-indicator': 'macro', 'business-cycle': 'macro', 'cyclical-sectors': 'macro',
};

/** Sentences: split after . ! ? (and Korean "다."), and at line breaks. */
export function sentences(text: string): string[] {
  return text.split(/(?<=[.!?。])\s+|\n+/u).map((s) => s.trim()).filter((s) => /[\p{L}\p{N}]/u.test(s));
}

const quoteOf = (raw: string) => {
  const s = raw.replace(/^["“”'‘’]+|["“”'‘’]+$/gu, '').trim();
  return s.length > 300 ? `${s.slice(0, 297)}…` : s;
};

/**
 * The claims in a text: returns of our instruments with a stated figure, small caps leading or
 * lagging large caps, and statements about earnings, valuations or the economy that prices
 * cannot test (a forecast is never checked against the past).
 */
export function extractClaims(text: string, glossary: GlossaryIndex, asOf: IsoDate): Claim[] {
  const out: Claim[] = [];
  for (const sentence of sentences(text)) {
    const periods = findPeriods(sentence, asOf);
    const words = toWords(sentence);
    const named = findInstruments(words);
    const period = periods[0]?.option;
    const quote = quoteOf(sentence);
    const terms = findTerms(glossary, sentence);
    const unchecked = terms.map((t) => UNCHECKED[t.entry.id]).find((r) => r !== undefined);
    const forecast = FORECAST.test(sentence.toLowerCase());
    const definition = DEFINITION.test(sentence.toLowerCase());
    if (definition) continue;

    const symbols = [...new Set(named.map((n) => n.symbol ?? PRIMARY[n.role]))] as Symbol4[];
    const smalls = symbols.filter((s) => s === 'IWM' || s === 'IJR');
    const larges = symbols.filter((s) => s === 'SPY' || s === 'QQQ');
    const figures = [...sentence.matchAll(FIGURE)];
    const returnFigure = figures.find((f) => !/p|포인트|point/i.test(f[3]!));
    const ppFigure = figures.find((f) => /p|포인트|point/i.test(f[3]!));
    const found: Claim[] = [];

    if (!forecast && !unchecked && returnFigure && symbols.length) {
      const down = hasAny(words, DOWN) && !hasAny(words, UP);
      const value = Number(returnFigure[2]!.replace('−', '-')) / 100;
      const stated = down && value > 0 ? -value : value;
      const hedged = returnFigure[1] !== undefined || returnFigure[4] !== undefined;
      // The figure belongs to the side named before it: "the Russell 2000 rose 8%, ahead of the S&P 500".
      const subject = named[0]!.role;
      for (const symbol of subject === 'small' ? smalls : larges) found.push({ kind: 'return', quote, symbol, period, stated, hedged });
    }
    if (!forecast && !unchecked && smalls.length && larges.length && (hasAny(words, LEAD) || hasAny(words, LAG))) {
      const subjectSmall = named[0]!.role === 'small';
      const leadWord = hasAny(words, LEAD);
      const leads = subjectSmall === leadWord;
      const strong = hasAny(words, STRONG);
      const pp = ppFigure ? Number(ppFigure[2]!) : undefined;
      for (const large of larges) found.push({ kind: 'lead', quote, small: smalls[0]!, large, period, leads, strong, ...(pp !== undefined ? { statedPp: pp } : {}) });
    }
    if (found.length) out.push(...found);
    else if (unchecked) out.push({ kind: 'unchecked', quote, reason: unchecked });
    else if (forecast && (named.length || terms.some((t) => UNCHECKED[t.entry.id])) && (hasAny(words, LEAD) || hasAny(words, LAG) || returnFigure)) out.push({ kind: 'unchecked', quote, reason: 'forecast' });
  }
  return out;
}
