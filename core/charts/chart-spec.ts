import type { IsoDate, LegRole } from '../market/types.ts';

export type ChartLocale = 'en' | 'ko';
export type ChartSize = 'wide' | 'square';

type ChartCommon = {
  readonly locale: ChartLocale;
  readonly size: ChartSize;
  /** e.g. "Small vs large caps, YTD (2025-12-31 – 2026-01-20)" */
  readonly title: string;
  /** e.g. "As of 2026-01-20 · Source: CSV folder · Price return" */
  readonly footer: string;
};

export type ChartLeg = {
  readonly label: string;
  readonly role: LegRole;
  /** Position within its role (0 = primary), so small-cap legs always get the same colours. */
  readonly rank: number;
};

/** 2 to 4 legs rebased to 100 at the period base; each line ends with a label giving its return. */
export type LinesChartSpec = ChartCommon & {
  readonly kind: 'lines';
  readonly dates: readonly IsoDate[];
  readonly legs: readonly (ChartLeg & { readonly values: readonly number[]; readonly returnLabel: string })[];
};

/** Small over large rebased to 100, with its 200-session average (null until defined). */
export type RatioChartSpec = ChartCommon & {
  readonly kind: 'ratio';
  readonly dates: readonly IsoDate[];
  readonly ratioLabel: string;
  readonly values: readonly number[];
  readonly average: readonly (number | null)[];
  readonly averageLabel: string;
  /** Legend text for the shading where the ratio is above / below its average; locale defaults otherwise. */
  readonly aboveLabel?: string;
  readonly belowLabel?: string;
};

/** Each leg's period return in percent, with the spread annotated in percentage points. */
export type BarsChartSpec = ChartCommon & {
  readonly kind: 'bars';
  readonly legs: readonly (ChartLeg & { readonly returnPct: number; readonly valueLabel: string })[];
  readonly spreadLabel: string;
  /** What the bars measure: returns in percent (default) or leads in percentage points. */
  readonly unit?: 'percent' | 'pp';
};

/** The January small-minus-large spread (pp) for each year, current year highlighted, median marked. */
export type SeasonalityChartSpec = ChartCommon & {
  readonly kind: 'seasonality';
  readonly years: readonly { readonly year: number; readonly spreadPp: number }[];
  readonly highlightYear: number | null;
  readonly medianPp: number;
  readonly medianLabel: string;
};

/** Each scenario factor and which way it leans. */
export type ScorecardChartSpec = ChartCommon & {
  readonly kind: 'scorecard';
  readonly factors: readonly { readonly label: string; readonly state: string; readonly lean: 'small' | 'large' | 'neutral' | 'unknown' }[];
  readonly verdictLabel: string;
};

export type ChartSpec = LinesChartSpec | RatioChartSpec | BarsChartSpec | SeasonalityChartSpec | ScorecardChartSpec;

export type RenderedChart = {
  readonly png: Uint8Array;
  readonly width: number;
  readonly height: number;
  readonly alt: string;
};
