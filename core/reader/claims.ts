import type { IsoDate } from '../market/types.ts';
import type { GlossaryIndex } from '../glossary/glossary-index.ts';
import type { Words } from './words.ts';
import { toWords, hasAny } from './words.ts';
import { findInstrumentSpans } from './instruments.ts';
import { findFigures, type Figure } from './claim-figures.ts';
import { findPeriods } from './period-words.ts';
import { findTerms } from './find-terms.ts';

export type Symbol4 = 'IWM' | 'IJR' | 'SPY' | 'QQQ';
const PRIMARY = { small: 'IWM', large: 'SPY' } as const;

/** A sentence the price data can test, or one it cannot. Figures are decimals (0.08 is 8%). */
export type Claim =
  | { readonly kind: 'return'; readonly quote: string; readonly symbol: Symbol4; readonly period: string | undefined; readonly stated: number; readonly hedged: boolean }
  /** `leads` is undefined for a gap stated with no direction ("격차 7%p"); `written` is the unit the article gave the lead in. */
  | { readonly kind: 'lead'; readonly quote: string; readonly small: Symbol4; readonly large: Symbol4; readonly period: string | undefined; readonly leads?: boolean; readonly strong: boolean; readonly statedPp?: number; readonly written?: Figure['written'] }
  | { readonly kind: 'unchecked'; readonly quote: string; readonly reason: 'earnings' | 'valuation' | 'macro' | 'forecast' };

const UP = ['rose', 'rise', 'rises', 'risen', 'up', 'gained', 'gain', 'gains', 'climbed', 'jumped', 'rallied', 'advanced', 'added', 'higher', '상승', '올라', '올랐', '오른', '급등', '뛰', '강세'];
const DOWN = ['fell', 'fall', 'falls', 'fallen', 'down', 'dropped', 'lost', 'declined', 'slid', 'slumped', 'lower', '하락', '떨어', '내린', '내렸', '빠졌', '급락', '약세'];
const LEAD = ['ahead of', 'beat', 'beats', 'beating', 'beaten', 'outperform', 'outperforms', 'outperformed', 'outperforming', 'outpaced', 'outpacing', 'led', 'leading', 'topped', 'lead', 'leads', '앞서', '앞섰', '앞지르', '앞질', '웃돌', '능가', '초과수익', '아웃퍼폼', '더 올', '더 상승'];
const LAG = ['lag', 'lags', 'lagged', 'lagging', 'behind', 'trail', 'trails', 'trailed', 'trailing', 'underperform', 'underperformed', 'underperforming', '뒤처', '뒤쳐', '뒤졌', '밑돌', '언더퍼폼', '더 하락', '더 떨어', '밀렸', '밀린'];
/** "Small caps were outperformed by large caps": the grammatical subject is the side the verb's object means. */
const PASSIVE = /\b(?:is|are|was|were|been|being|gets?|got|getting)\s+(?:\w+ly\s+)?(?:outperformed|beaten|outpaced|topped|led|trailed|lagged|underperformed|overtaken|eclipsed)(?:\s+\w+ly)?\s+by\b/gu;
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

type Span = ReturnType<typeof findInstrumentSpans>[number];

/**
 * The claims in a text: returns of our instruments with a stated figure, small caps leading or
 * lagging large caps (with or without a figure in points), and statements about earnings,
 * valuations or the economy that prices cannot test (a forecast is never checked against the past).
 */
export function extractClaims(text: string, glossary: GlossaryIndex, asOf: IsoDate): Claim[] {
  const out: Claim[] = [];
  for (const sentence of sentences(text)) {
    const words = toWords(sentence);
    const named = findInstrumentSpans(words);
    const period = findPeriods(sentence, asOf)[0]?.option;
    const quote = quoteOf(sentence);
    const terms = findTerms(glossary, sentence);
    const unchecked = terms.map((t) => UNCHECKED[t.entry.id]).find((r) => r !== undefined);
    const forecast = FORECAST.test(words.lower);
    if (DEFINITION.test(words.lower)) continue;

    const figures = findFigures(words.lower);
    const found: Claim[] = forecast || unchecked ? [] : [...returnClaims(words.lower, named, figures, quote, period), ...leadClaims(words, named, figures, quote, period)];
    if (found.length) out.push(...found);
    else if (unchecked) out.push({ kind: 'unchecked', quote, reason: unchecked });
    else if (forecast && (named.length || terms.some((t) => UNCHECKED[t.entry.id])) && (hasAny(words, LEAD) || hasAny(words, LAG) || figures.some((f) => f.kind === 'return'))) out.push({ kind: 'unchecked', quote, reason: 'forecast' });
  }
  return out;
}

const symbolsOf = (spans: readonly Span[]) => [...new Set(spans.map((n) => n.symbol ?? PRIMARY[n.role]))] as Symbol4[];

/**
 * One claim per return figure, for the side named first since the previous figure: "the Russell
 * 2000 is up 7% while the S&P 500 is down 3%" is two claims. Up or down is read in the figure's
 * own clause, from its subject to the next name or figure.
 */
function returnClaims(lower: string, named: readonly Span[], figures: readonly Figure[], quote: string, period: string | undefined): Claim[] {
  const out: Claim[] = [];
  figures.forEach((figure, i) => {
    if (figure.kind !== 'return') return;
    const after = figures[i - 1]?.to ?? 0;
    const before = named.filter((n) => n.from >= after && n.from < figure.from);
    // A subject after its figure ("올해 8% 오른 러셀2000", "Up 8% this year, the Russell 2000"), only for the first figure.
    const segment = before.length ? before : i === 0 ? named.slice(0, 1) : [];
    if (!segment.length) return;
    const subject = segment[0]!;
    const end = Math.min(named.find((n) => n.from >= Math.max(figure.to, subject.to))?.from ?? lower.length, figures[i + 1]?.from ?? lower.length);
    const clause = toWords(lower.slice(before.length ? subject.from : after, end));
    const down = hasAny(clause, DOWN) && !hasAny(clause, UP);
    const value = figure.value / 100;
    const stated = down && value > 0 ? -value : value;
    for (const symbol of symbolsOf(segment.filter((n) => n.role === subject.role))) out.push({ kind: 'return', quote, symbol, period, stated, hedged: figure.hedged });
  });
  return out;
}

/** A passive verb between the first name and a name of the other side, so the first is the one acted on. */
function passiveBetween(lower: string, named: readonly Span[]): boolean {
  const first = named[0]!;
  return [...lower.matchAll(PASSIVE)].some((m) => m.index >= first.to && named.some((n) => n.role !== first.role && n.from >= m.index + m[0].length));
}

/** Small caps against large caps, when both are named and a lead, a lag or a lead figure is stated. */
function leadClaims(words: Words, named: readonly Span[], figures: readonly Figure[], quote: string, period: string | undefined): Claim[] {
  const symbols = symbolsOf(named);
  const smalls = symbols.filter((s) => s === 'IWM' || s === 'IJR');
  const larges = symbols.filter((s) => s === 'SPY' || s === 'QQQ');
  const figure = figures.find((f) => f.kind === 'lead');
  const leadWord = hasAny(words, LEAD);
  const lagWord = hasAny(words, LAG);
  if (!smalls.length || !larges.length || !(leadWord || lagWord || figure)) return [];
  const subjectSmall = named[0]!.role === 'small';
  const direction = leadWord || lagWord ? { leads: (subjectSmall === leadWord) !== passiveBetween(words.lower, named) } : {};
  const strong = hasAny(words, STRONG);
  const stated = figure ? { statedPp: figure.value, written: figure.written } : {};
  return larges.map((large): Claim => ({ kind: 'lead', quote, small: smalls[0]!, large, period, ...direction, strong, ...stated }));
}
