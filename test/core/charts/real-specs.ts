import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { BarsChartSpec, ChartLocale, ChartSize, ChartSpec, LinesChartSpec, RatioChartSpec, ScorecardChartSpec, SeasonalityChartSpec } from '../../../core/charts/chart-spec.ts';
import type { Bar, IsoDate, LegRole } from '../../../core/market/types.ts';
import { parsePriceCsv } from '../../../core/data/parse-price-csv.ts';
import { alignOnCommonSessions } from '../../../core/market/align.ts';
import { median, movingAverage } from '../../../core/market/stats.ts';
import { formatPercent, formatPp } from '../../../core/i18n/format.ts';

/** Real daily closes from the shared folder, read in place (never copied into the repo). */
export const MARKET_DATA_DIR = path.resolve(process.cwd(), '../shared/market-data');

const cache = new Map<string, Bar[]>();
export function loadBars(symbol: string): Bar[] {
  let bars = cache.get(symbol);
  if (!bars) {
    const file = `${symbol}.csv`;
    bars = parsePriceCsv(readFileSync(path.join(MARKET_DATA_DIR, file), 'utf8'), file).bars;
    cache.set(symbol, bars);
  }
  return bars;
}

type LegDef = { readonly symbol: string; readonly role: LegRole; readonly rank: number; readonly label: string };
export const LEGS: readonly LegDef[] = [
  { symbol: 'IWM', role: 'small', rank: 0, label: 'Russell 2000 (IWM)' },
  { symbol: 'IJR', role: 'small', rank: 1, label: 'S&P 600 (IJR)' },
  { symbol: 'SPY', role: 'large', rank: 0, label: 'S&P 500 (SPY)' },
  { symbol: 'QQQ', role: 'large', rank: 1, label: 'Nasdaq-100 (QQQ)' },
];

/** Sessions common to the legs, from the last session on or before `base` to `end`. */
function window(symbols: readonly string[], base: IsoDate, end: IsoDate) {
  const aligned = alignOnCommonSessions(symbols.map(loadBars), 'price', end);
  let start = 0;
  for (let i = 0; i < aligned.dates.length; i++) if (aligned.dates[i]! <= base) start = i;
  return { aligned, start };
}

const YTD = { base: '2025-12-31', end: '2026-01-20' };

function ytdLegs(locale: ChartLocale) {
  const { aligned, start } = window(LEGS.map((l) => l.symbol), YTD.base, YTD.end);
  const dates = aligned.dates.slice(start);
  return {
    dates,
    legs: LEGS.map((leg, k) => {
      const values = aligned.values[k]!.slice(start);
      const rebased = values.map((v) => (v / values[0]!) * 100);
      const ret = values[values.length - 1]! / values[0]! - 1;
      return { ...leg, values: rebased, ret, returnLabel: formatPercent(locale, ret) };
    }),
  };
}

export function ytdLinesSpec(locale: ChartLocale = 'en', size: ChartSize = 'wide', title?: string): LinesChartSpec {
  const { dates, legs } = ytdLegs(locale);
  return {
    kind: 'lines',
    locale,
    size,
    title: title ?? (locale === 'ko' ? `소형주 대 대형주, 연초 대비 (${dates[0]} → ${dates[dates.length - 1]})` : `Small vs large caps, YTD (${dates[0]} → ${dates[dates.length - 1]})`),
    footer: locale === 'ko' ? `${YTD.end} 기준 · 출처: CSV 폴더 · 가격 수익률` : `As of ${YTD.end} · Source: CSV folder · Price return`,
    dates,
    legs: legs.map(({ label, role, rank, values, returnLabel }) => ({ label, role, rank, values, returnLabel })),
  };
}

export function ratioSpec(locale: ChartLocale = 'en', size: ChartSize = 'wide', from: IsoDate = '2024-01-02', to: IsoDate = YTD.end): RatioChartSpec {
  const aligned = alignOnCommonSessions([loadBars('IWM'), loadBars('SPY')], 'price', to);
  const ratio = aligned.values[0]!.map((v, i) => v / aligned.values[1]![i]!);
  const average = movingAverage(ratio, 200);
  const start = aligned.dates.findIndex((d) => d >= from);
  const scale = 100 / ratio[start]!;
  return {
    kind: 'ratio',
    locale,
    size,
    title: locale === 'ko' ? `IWM / SPY 비율, ${from} 이후` : `IWM / SPY ratio since ${from}`,
    footer: locale === 'ko' ? `${to} 기준 · 출처: CSV 폴더 · 가격 수익률` : `As of ${to} · Source: CSV folder · Price return`,
    dates: aligned.dates.slice(start),
    ratioLabel: locale === 'ko' ? 'IWM / SPY 비율' : 'IWM / SPY ratio',
    values: ratio.slice(start).map((v) => v * scale),
    average: average.slice(start).map((v) => (v === null ? null : v * scale)),
    averageLabel: locale === 'ko' ? '200거래일 평균' : '200-session average',
  };
}

export function ytdBarsSpec(locale: ChartLocale = 'en', size: ChartSize = 'wide'): BarsChartSpec {
  const { legs } = ytdLegs(locale);
  const spreadPp = (legs[0]!.ret - legs[2]!.ret) * 100;
  return {
    kind: 'bars',
    locale,
    size,
    title: locale === 'ko' ? `연초 대비 수익률 (${YTD.base} → ${YTD.end})` : `Returns, YTD (${YTD.base} → ${YTD.end})`,
    footer: locale === 'ko' ? `${YTD.end} 기준 · 출처: CSV 폴더 · 가격 수익률` : `As of ${YTD.end} · Source: CSV folder · Price return`,
    legs: legs.map(({ label, role, rank, ret, returnLabel }) => ({ label, role, rank, returnPct: ret * 100, valueLabel: returnLabel })),
    spreadLabel: locale === 'ko' ? `IWM − SPY ${formatPp(locale, spreadPp)}` : `IWM − SPY ${formatPp(locale, spreadPp)}`,
  };
}

/** Return from the last December close to the last January close, per year. */
function januaryReturns(bars: readonly Bar[]): Map<number, number> {
  const lastDec = new Map<number, number>();
  const lastJan = new Map<number, number>();
  for (const bar of bars) {
    const year = Number(bar.date.slice(0, 4));
    const month = bar.date.slice(5, 7);
    if (month === '12') lastDec.set(year, bar.close);
    if (month === '01') lastJan.set(year, bar.close);
  }
  const out = new Map<number, number>();
  for (const [year, jan] of lastJan) {
    const dec = lastDec.get(year - 1);
    if (dec !== undefined) out.set(year, jan / dec - 1);
  }
  return out;
}

export function januarySpreads(from = 2007, to = 2026): { year: number; spreadPp: number }[] {
  const small = januaryReturns(loadBars('IWM'));
  const large = januaryReturns(loadBars('SPY'));
  const years: { year: number; spreadPp: number }[] = [];
  for (let year = from; year <= to; year++) {
    const s = small.get(year);
    const l = large.get(year);
    if (s !== undefined && l !== undefined) years.push({ year, spreadPp: (s - l) * 100 });
  }
  return years;
}

export function seasonalitySpec(locale: ChartLocale = 'en', size: ChartSize = 'wide'): SeasonalityChartSpec {
  const years = januarySpreads();
  const medianPp = median(years.map((y) => y.spreadPp));
  return {
    kind: 'seasonality',
    locale,
    size,
    title: locale === 'ko' ? '1월 효과: 1월 IWM − SPY 격차, 2007–2026' : 'The January effect: IWM − SPY in January, 2007–2026',
    footer: locale === 'ko' ? '12월 마지막 종가 → 1월 마지막 종가 · 출처: CSV 폴더 · 가격 수익률' : 'Last December close → last January close · Source: CSV folder · Price return',
    years,
    highlightYear: 2026,
    medianPp,
    medianLabel: locale === 'ko' ? `중앙값 ${formatPp(locale, medianPp)}` : `Median ${formatPp(locale, medianPp)}`,
  };
}

export function scorecardSpec(locale: ChartLocale = 'en', size: ChartSize = 'wide'): ScorecardChartSpec {
  const en = [
    { label: 'Fed funds trend', state: 'Cutting: −0.75 pp in 12 months', lean: 'small' },
    { label: '10-year yield', state: '4.1%, down 0.4 pp in 6 months', lean: 'small' },
    { label: 'High-yield spread', state: '2.9%, near its 10-year low', lean: 'small' },
    { label: 'Relative earnings', state: 'Small-cap EPS revisions still negative', lean: 'large' },
    { label: 'Valuation gap', state: 'Forward P/E 15 vs 22: 40th percentile', lean: 'neutral' },
    { label: 'Momentum (ratio vs 200d)', state: 'Ratio 2.1% above its average', lean: 'small' },
    { label: 'ISM manufacturing', state: 'Not available from FRED', lean: 'unknown' },
    { label: 'Dollar trend', state: 'Rising for three months', lean: 'large' },
  ] as const;
  const ko = [
    ['기준금리 추세', '인하 중: 12개월간 −0.75%p'],
    ['10년물 금리', '4.1%, 6개월간 0.4%p 하락'],
    ['하이일드 스프레드', '2.9%, 10년 최저 부근'],
    ['상대 이익', '소형주 EPS 추정치 하향 지속'],
    ['밸류에이션 격차', '선행 PER 15 대 22: 40번째 백분위'],
    ['모멘텀 (비율 대 200일)', '비율이 평균보다 2.1% 위'],
    ['ISM 제조업', 'FRED에 없음'],
    ['달러 추세', '3개월째 상승'],
  ] as const;
  return {
    kind: 'scorecard',
    locale,
    size,
    title: locale === 'ko' ? '소형주 대 대형주: 요인 점검표' : 'Small vs large caps: the factor scorecard',
    footer: locale === 'ko' ? '2026-01-20 기준 · 출처: FRED, CSV 폴더' : 'As of 2026-01-20 · Sources: FRED, CSV folder',
    verdictLabel: locale === 'ko' ? '판단: 소형주 쪽으로 기욺 (4 대 2, 중립 1, 미확인 1)' : 'Verdict: leaning small caps (4 to 2, 1 neutral, 1 unknown)',
    factors: en.map((f, i) => (locale === 'ko' ? { ...f, label: ko[i]![0], state: ko[i]![1] } : f)),
  };
}

export function allRealSpecs(locale: ChartLocale = 'en', size: ChartSize = 'wide'): ChartSpec[] {
  return [ytdLinesSpec(locale, size), ratioSpec(locale, size), ytdBarsSpec(locale, size), seasonalitySpec(locale, size), scorecardSpec(locale, size)];
}
