import type { ChartLocale } from './chart-spec.ts';

/** Default wording drawn on charts, for the strings a spec does not carry. */
export const CHART_TEXT: Readonly<Record<ChartLocale, {
  readonly rebased: string;
  readonly percent: string;
  readonly pp: string;
  readonly aboveAverage: string;
  readonly belowAverage: string;
  readonly favoursLarge: string;
  readonly favoursSmall: string;
  readonly unknown: string;
}>> = {
  en: {
    rebased: 'Rebased to 100',
    percent: 'Return (%)',
    pp: 'Percentage points',
    aboveAverage: 'Above average',
    belowAverage: 'Below average',
    favoursLarge: '‹ Large caps',
    favoursSmall: 'Small caps ›',
    unknown: 'No data',
  },
  ko: {
    rebased: '100 기준 환산',
    percent: '수익률 (%)',
    pp: '%p',
    aboveAverage: '평균 위',
    belowAverage: '평균 아래',
    favoursLarge: '‹ 대형주',
    favoursSmall: '소형주 ›',
    unknown: '자료 없음',
  },
};
