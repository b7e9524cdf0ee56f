import type { Locale } from '../core/i18n/locale.ts';
import type { Bar, Basis, IsoDate } from '../core/market/types.ts';
import type { Instrument } from '../core/market/universe.ts';
import type { ChartSize, SeasonalityChartSpec } from '../core/charts/chart-spec.ts';
import type { MonthSpread, MedianSpread } from '../core/market/seasonal-spread.ts';
import { januarySpreads, medianSpread, yearsBefore } from '../core/market/seasonal-spread.ts';
import { t } from '../core/i18n/translate.ts';
import { formatPp } from '../core/i18n/format.ts';

export type JanuaryHistory = {
  readonly small: Instrument;
  readonly large: Instrument;
  /** Up to `years` past Januaries (complete ones), oldest first, then this year's when it has begun. */
  readonly spreads: readonly MonthSpread[];
  readonly current: MonthSpread | null;
  readonly median: MedianSpread | null;
  readonly ledCount: number;
};

/** The January small-minus-large spread for the last `years` complete Januaries before as-of, plus this one so far. */
export function januaryHistory(small: { instrument: Instrument; bars: readonly Bar[] }, large: { instrument: Instrument; bars: readonly Bar[] }, asOf: IsoDate, years: number, basis: Basis): JanuaryHistory {
  const thisYear = Number(asOf.slice(0, 4));
  const options = basis === 'total' ? { asOf, basis } : { asOf };
  const spreads = januarySpreads(small.bars, large.bars, [...yearsBefore(thisYear, years), thisYear], options);
  const past = spreads.filter((s) => s.year < thisYear && s.complete);
  const current = spreads.find((s) => s.year === thisYear) ?? null;
  return {
    small: small.instrument,
    large: large.instrument,
    spreads: current ? [...past, current] : past,
    current,
    median: medianSpread(past),
    ledCount: past.filter((s) => s.spreadPp > 0).length,
  };
}

export function seasonalitySpec(locale: Locale, h: JanuaryHistory, size: ChartSize, source: string, asOf: IsoDate): SeasonalityChartSpec {
  const first = h.spreads[0]?.year ?? 0;
  const last = h.spreads.at(-1)?.year ?? 0;
  return {
    kind: 'seasonality',
    locale,
    size,
    title: t(locale, 'seasonality.chartTitle', { small: h.small.name[locale], large: h.large.name[locale], first, last }),
    footer: t(locale, 'seasonality.chartFooter', { asOf, source }),
    years: h.spreads.map((s) => ({ year: s.year, spreadPp: s.spreadPp })),
    highlightYear: h.current?.year ?? null,
    medianPp: h.median?.medianPp ?? 0,
    medianLabel: h.median ? t(locale, 'seasonality.medianLabel', { median: formatPp(locale, h.median.medianPp) }) : '',
  };
}
