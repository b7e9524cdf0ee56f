import { describe, it, expect } from 'vitest';
import { lookupTerm } from '../../../core/glossary/lookup.ts';
import { normalizeTerm } from '../../../core/glossary/normalize-term.ts';
import { realGlossary, realIndex } from './real-glossary.ts';

/** Every term brief.md lists, under both names it gives, with the entry it must open. */
const BRIEF_TERMS: readonly (readonly [query: string, id: string])[] = [
  ['Russell 2000', 'russell-2000'],
  ['러셀2000', 'russell-2000'],
  ['S&P 600', 's-and-p-600'],
  ['S&P 500', 's-and-p-500'],
  ['Nasdaq-100', 'nasdaq-100'],
  ['나스닥100', 'nasdaq-100'],
  ['small cap', 'small-cap'],
  ['소형주', 'small-cap'],
  ['large cap', 'large-cap'],
  ['대형주', 'large-cap'],
  ['mid cap', 'mid-cap'],
  ['중형주', 'mid-cap'],
  ['micro cap', 'micro-cap'],
  ['초소형주', 'micro-cap'],
  ['마이크로캡', 'micro-cap'],
  ['heavily shorted stocks', 'short-interest'],
  ['short interest', 'short-interest'],
  ['공매도', 'short-interest'],
  ['year to date', 'year-to-date'],
  ['연초 대비', 'year-to-date'],
  ['outperformance', 'outperformance'],
  ['초과수익', 'outperformance'],
  ['seasonal flows', 'seasonal-flows'],
  ['시즌성 자금 흐름', 'seasonal-flows'],
  ['year-end rebalancing', 'year-end-rebalancing'],
  ['연말 포트폴리오 재배치', 'year-end-rebalancing'],
  ['tax-loss selling', 'tax-loss-selling'],
  ['세금손실 매도', 'tax-loss-selling'],
  ['January reversal', 'january-effect'],
  ['January effect', 'january-effect'],
  ['1월 반전', 'january-effect'],
  ['1월 효과', 'january-effect'],
  ['earnings season', 'earnings-season'],
  ['실적 시즌', 'earnings-season'],
  ['EPS', 'eps'],
  ['주당순이익', 'eps'],
  ['EPS revisions', 'earnings-revisions'],
  ['earnings revisions', 'earnings-revisions'],
  ['이익 수정', 'earnings-revisions'],
  ['EPS 수정', 'earnings-revisions'],
  ['fundamentals', 'fundamentals'],
  ['펀더멘털', 'fundamentals'],
  ['monetary easing', 'monetary-easing'],
  ['완화적 통화정책', 'monetary-easing'],
  ['fiscal stimulus', 'fiscal-stimulus'],
  ['재정 부양', 'fiscal-stimulus'],
  ['tariffs', 'tariffs'],
  ['관세', 'tariffs'],
  ['market leadership', 'market-leadership'],
  ['시장 리더십', 'market-leadership'],
  ['trade vs structural shift', 'trade-vs-structural-shift'],
  ['트레이드', 'trade-vs-structural-shift'],
  ['구조적 변화', 'trade-vs-structural-shift'],
  ['consensus', 'consensus'],
  ['컨센서스', 'consensus'],
  ['AI investment', 'ai-investment'],
  ['AI 투자', 'ai-investment'],
  ['ISM manufacturing new orders', 'ism-new-orders'],
  ['ISM 제조업 신규 주문', 'ism-new-orders'],
  ['leading indicator', 'leading-indicator'],
  ['선행지표', 'leading-indicator'],
  ['business cycle', 'business-cycle'],
  ['경기 사이클', 'business-cycle'],
  ['earnings quality', 'earnings-quality'],
  ['수익의 질', 'earnings-quality'],
  ['"show me" story', 'show-me-story'],
  ['Big Tech', 'big-tech'],
  ['빅테크', 'big-tech'],
  ['valuation', 'valuation'],
  ['밸류에이션', 'valuation'],
  ['valuation gap', 'valuation-gap'],
  ['sector composition', 'sector-composition'],
  ['섹터 구성', 'sector-composition'],
  ['growth visibility', 'growth-visibility'],
  ['성장 가시성', 'growth-visibility'],
  ['quality', 'quality'],
  ['품질', 'quality'],
  ['re-rating', 're-rating'],
  ['재평가', 're-rating'],
  ['durable re-rating', 'durable-re-rating'],
  ['내구적 재평가', 'durable-re-rating'],
  ['risk premium', 'risk-premium'],
  ['리스크 프리미엄', 'risk-premium'],
  ['profit-taking', 'profit-taking'],
  ['차익 실현', 'profit-taking'],
  ['defensive positioning', 'defensive-positioning'],
  ['방어적 비중', 'defensive-positioning'],
  ['rebalancing', 'rebalancing'],
  ['리밸런싱', 'rebalancing'],
  ['Technology and Communication Services sectors', 'tech-and-communication-services'],
  ['기술', 'tech-and-communication-services'],
  ['통신서비스', 'tech-and-communication-services'],
  ['quality of a rally', 'rally-quality'],
  ['low-quality segments', 'rally-quality'],
  ['품질이 낮은 구간', 'rally-quality'],
  ['spread in percentage points vs percent', 'spread'],
];

/** The terms the bot's own answers use. */
const BOT_TERMS: readonly (readonly [query: string, id: string])[] = [
  ['spread', 'spread'],
  ['스프레드', 'spread'],
  ['percentage point', 'percentage-point'],
  ['percent vs percentage point', 'percentage-point'],
  ['퍼센트포인트', 'percentage-point'],
  ['%p', 'percentage-point'],
  ['ratio', 'relative-strength-ratio'],
  ['relative strength', 'relative-strength-ratio'],
  ['소형주/대형주 비율', 'relative-strength-ratio'],
  ['rebased to 100', 'rebased-to-100'],
  ['100 기준', 'rebased-to-100'],
  ['percentile', 'percentile'],
  ['백분위', 'percentile'],
  ['drawdown', 'drawdown'],
  ['낙폭', 'drawdown'],
  ['price return', 'price-vs-total-return'],
  ['total return', 'price-vs-total-return'],
  ['총수익률', 'price-vs-total-return'],
  ['ETF', 'etf'],
  ['상장지수펀드', 'etf'],
  ['index', 'index'],
  ['지수', 'index'],
  ['trading session', 'trading-session'],
  ['거래일', 'trading-session'],
  ['basis point', 'basis-point'],
  ['bp', 'basis-point'],
];

/** Tickers and abbreviations people type instead of names. */
const ABBREVIATIONS: readonly (readonly [query: string, id: string])[] = [
  ['R2K', 'russell-2000'],
  ['RUT', 'russell-2000'],
  ['^RUT', 'russell-2000'],
  ['IWM', 'russell-2000'],
  ['IJR', 's-and-p-600'],
  ['SPX', 's-and-p-500'],
  ['SPY', 's-and-p-500'],
  ['NDX', 'nasdaq-100'],
  ['QQQ', 'nasdaq-100'],
  ['ISM', 'ism-new-orders'],
  ['PMI', 'ism-new-orders'],
  ['YTD', 'year-to-date'],
  ['MDD', 'drawdown'],
  ['PER', 'pe-ratio'],
];

describe('glossary content', () => {
  it('loads and validates the real content with at least 50 entries', () => {
    expect(realGlossary.entries.length).toBeGreaterThanOrEqual(50);
  });

  it('gives every category in the categories file at least one entry, and every entry a listed category', () => {
    const categoryIds = realGlossary.categories.map((c) => c.id);
    for (const id of categoryIds) expect(realGlossary.entries.some((e) => e.category === id)).toBe(true);
    for (const e of realGlossary.entries) expect(categoryIds).toContain(e.category);
  });

  it('writes explanations as 2 to 4 sentences in English', () => {
    for (const e of realGlossary.entries) {
      const sentences = e.explanation.en.split(/(?<=[.!?])\s+(?=[A-Z"'(])/).length;
      expect(sentences, e.id).toBeGreaterThanOrEqual(2);
      expect(sentences, e.id).toBeLessThanOrEqual(4);
    }
  });

  it('keeps Korean text in Hangul, not left in English', () => {
    for (const e of realGlossary.entries) {
      for (const field of [e.definition, e.explanation, e.example, e.whyItMatters]) expect(field.ko).toMatch(/\p{Script=Hangul}/u);
    }
  });

  it('makes every entry findable by its own id and both terms', () => {
    for (const e of realGlossary.entries) {
      for (const q of [e.id, e.term.en, e.term.ko]) {
        const r = lookupTerm(realIndex, q);
        expect(r.kind === 'found' ? r.entry.id : r).toBe(e.id);
      }
    }
  });

  it.each(BRIEF_TERMS)('resolves the brief term %j to %s by name, not by guess', (query, id) => {
    const r = lookupTerm(realIndex, query);
    expect(r).toMatchObject({ kind: 'found', entry: { id }, match: expect.stringMatching(/^(exact|alias)$/) });
  });

  it.each(BOT_TERMS)("resolves the bot's own term %j to %s", (query, id) => {
    expect(lookupTerm(realIndex, query)).toMatchObject({ kind: 'found', entry: { id }, match: expect.stringMatching(/^(exact|alias)$/) });
  });

  it.each(ABBREVIATIONS)('resolves the abbreviation %j to %s', (query, id) => {
    expect(lookupTerm(realIndex, query)).toMatchObject({ kind: 'found', entry: { id }, match: 'alias' });
  });

  it('marks only entries with a measurable counterpart as live, including the core rotation measures', () => {
    const live = new Map(realGlossary.entries.filter((e) => e.live).map((e) => [e.id, e.live]));
    expect(live.get('tax-loss-selling')).toBe('tax-loss');
    expect(live.get('january-effect')).toBe('january-effect');
    expect(live.get('spread')).toBe('spread');
    expect(live.get('relative-strength-ratio')).toBe('ratio');
    expect(live.get('drawdown')).toBe('drawdown');
    expect(live.get('year-to-date')).toBe('ytd');
    expect(live.get('percentile')).toBe('percentile');
    expect(live.has('valuation')).toBe(false);
  });

  it('states the percentage-point rule with the 8% vs 2% example', () => {
    const spread = realGlossary.entries.find((e) => e.id === 'spread')!;
    expect(spread.explanation.en).toMatch(/6 percentage points/);
    expect(spread.explanation.ko).toMatch(/6퍼센트포인트/);
  });

  it('lists no alias that normalization already covers (spacing and hyphen variants need no alias)', () => {
    for (const e of realGlossary.entries) {
      const own = new Set([e.id, e.term.en, e.term.ko].map(normalizeTerm));
      for (const alias of [...e.aliases.en, ...e.aliases.ko]) {
        expect(own.has(normalizeTerm(alias)), `${alias} in ${e.id}`).toBe(false);
        own.add(normalizeTerm(alias));
      }
    }
  });

  it('has no two entries whose names normalize alike', () => {
    const owner = new Map<string, string>();
    for (const e of realGlossary.entries) {
      for (const name of [e.id, e.term.en, e.term.ko, ...e.aliases.en, ...e.aliases.ko]) {
        const key = normalizeTerm(name);
        expect(owner.get(key) ?? e.id, `${name} in ${e.id}`).toBe(e.id);
        owner.set(key, e.id);
      }
    }
  });
});
