import type { Locale } from '../core/i18n/locale.ts';
import type { Comparison } from '../core/market/compare.ts';
import type { Period } from '../core/market/period.ts';
import type { BarsChartSpec, ChartSize, ChartSpec, RatioChartSpec } from '../core/charts/chart-spec.ts';
import type { LoadedLegs } from './load-legs.ts';
import { ratioPath } from '../core/market/ratio-path.ts';
import { displayName } from '../core/market/universe.ts';
import { t } from '../core/i18n/translate.ts';
import { formatPercent, formatPp } from '../core/i18n/format.ts';
import { basisText, chartSpec, chartTitle } from './smallcaps-reply.ts';
import { periodName } from './describe-period.ts';
import { januaryHistory, seasonalitySpec } from './seasonality-view.ts';

export const CHART_KINDS = ['auto', 'lines', 'ratio', 'bars', 'seasonality'] as const;
export type ChartChoice = (typeof CHART_KINDS)[number];

/** Bars for a day or a week (too few points for lines), the ratio for a year or more, lines otherwise. */
export function autoChartKind(period: Period): Exclude<ChartChoice, 'auto' | 'seasonality'> {
  if (period.kind !== 'relative') return 'lines';
  if (period.code === '1d' || period.code === '1w') return 'bars';
  if (['1y', '3y', '5y', '10y', 'max'].includes(period.code)) return 'ratio';
  return 'lines';
}

function common(locale: Locale, c: Comparison, loaded: LoadedLegs, size: ChartSize) {
  return {
    locale,
    size,
    title: chartTitle(locale, c),
    footer: t(locale, 'smallcaps.chartFooter', { asOf: c.endDate, source: loaded.source, basis: basisText(locale, c) }),
  };
}

function ratioSpec(locale: Locale, c: Comparison, loaded: LoadedLegs, size: ChartSize): RatioChartSpec {
  const bars = (symbol: string) => loaded.legs.find((l) => l.instrument.symbol === symbol)!.bars;
  const { small, large } = c.primary;
  const path = ratioPath(bars(small.instrument.symbol), bars(large.instrument.symbol), c.basis, c.baseDate, c.endDate);
  return {
    kind: 'ratio',
    ...common(locale, c, loaded, size),
    dates: path.dates,
    values: path.values,
    average: path.average,
    ratioLabel: t(locale, 'smallcaps.ratioLine', { small: small.instrument.name[locale], large: large.instrument.name[locale] }),
    averageLabel: t(locale, 'smallcaps.averageLine'),
  };
}

function barsSpec(locale: Locale, c: Comparison, loaded: LoadedLegs, size: ChartSize): BarsChartSpec {
  const ranks = { small: 0, large: 0 };
  return {
    kind: 'bars',
    ...common(locale, c, loaded, size),
    legs: c.legs.map((leg) => ({
      label: displayName(leg.instrument, locale),
      role: leg.instrument.role,
      rank: ranks[leg.instrument.role]++,
      returnPct: leg.return * 100,
      valueLabel: formatPercent(locale, leg.return),
    })),
    spreadLabel: t(locale, 'smallcaps.spreadLabelShort', { spread: formatPp(locale, c.spreadPp) }),
  };
}

/** The chart the user asked for, or the one that suits the period. */
export function smallcapsChart(choice: ChartChoice, locale: Locale, c: Comparison, loaded: LoadedLegs, size: ChartSize): ChartSpec {
  const kind = choice === 'auto' ? autoChartKind(c.period) : choice;
  switch (kind) {
    case 'lines': return chartSpec(locale, c, loaded, size);
    case 'ratio': return ratioSpec(locale, c, loaded, size);
    case 'bars': return barsSpec(locale, c, loaded, size);
    case 'seasonality': {
      const leg = (symbol: string) => loaded.legs.find((l) => l.instrument.symbol === symbol)!;
      const history = januaryHistory(leg(c.primary.small.instrument.symbol), leg(c.primary.large.instrument.symbol), c.endDate, 20, c.basis);
      return seasonalitySpec(locale, history, size, loaded.source, c.endDate);
    }
  }
}
