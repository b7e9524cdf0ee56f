import type { Locale } from '../core/i18n/locale.ts';
import type { IsoDate } from '../core/market/types.ts';
import type { Reply } from '../core/reply.ts';
import type { ChartSize, SeasonalityChartSpec } from '../core/charts/chart-spec.ts';
import type { Assessment } from '../core/scenarios/assess.ts';
import type { JanuaryStudy, StudyYear } from '../core/scenarios/history-study.ts';
import { t } from '../core/i18n/translate.ts';
import { formatDate, formatPp } from '../core/i18n/format.ts';
import { confidenceText, formatMonthDay, verdictName } from './scenario-text.ts';

/** Fewer qualifying years than this and the reply warns that the sample is too small to lean on. */
export const SMALL_SAMPLE = 8;

const pp = (locale: Locale, v: number | null) => (v === null ? '—' : formatPp(locale, v));

function yearLine(locale: Locale, y: StudyYear): string {
  return t(locale, 'scenario.study.yearLine', {
    year: y.year,
    date: formatMonthDay(locale, y.referenceDate.slice(5)),
    lead: formatPp(locale, y.leadAtReference),
    ten: pp(locale, y.change10Sessions),
    feb: pp(locale, y.changeToEndFeb),
    end: pp(locale, y.changeToYearEnd),
  });
}

function summaryLines(locale: Locale, s: JanuaryStudy): string[] {
  const day = formatMonthDay(locale, s.referenceDay);
  const lines = [t(locale, 'scenario.study.intro', {
    small: s.small,
    large: s.large,
    lead: s.minLeadPp,
    day,
    count: s.years.length,
    examined: s.examined.count,
    first: s.examined.first ?? '—',
    last: s.examined.last ?? '—',
  })];
  if (s.reference === 'january-20') lines.push(t(locale, 'scenario.study.januaryOnly'));
  if (s.summary) {
    lines.push(t(locale, 'scenario.study.summary', {
      shrank: s.summary.shrankWithin10,
      count: s.summary.count,
      median10: formatPp(locale, s.summary.median10),
      medianFeb: Number.isNaN(s.summary.medianEndFeb) ? '—' : formatPp(locale, s.summary.medianEndFeb),
      medianEnd: Number.isNaN(s.summary.medianYearEnd) ? '—' : formatPp(locale, s.summary.medianYearEnd),
    }));
    if (s.summary.count < SMALL_SAMPLE) lines.push(t(locale, 'scenario.study.smallSample', { count: s.summary.count, min: SMALL_SAMPLE }));
  } else {
    lines.push(t(locale, 'scenario.study.none', { lead: s.minLeadPp, day }));
  }
  if (s.current) {
    lines.push(t(locale, s.current.leadAtReference >= s.minLeadPp ? 'scenario.study.currentQualifies' : 'scenario.study.current', {
      year: s.current.year,
      lead: formatPp(locale, s.current.leadAtReference),
      date: formatDate(locale, s.current.referenceDate),
    }));
  }
  return lines;
}

export function studyReply(
  locale: Locale,
  input: { readonly study: JanuaryStudy | null; readonly assessment: Assessment; readonly asOf: IsoDate; readonly source: string; readonly visibility: Reply['visibility']; readonly commandPrefix: string },
): Omit<Reply, 'chart'> {
  const { study, assessment: a, asOf } = input;
  const verdictLine = t(locale, 'scenario.study.verdict', { verdict: verdictName(locale, a.verdict), confidence: confidenceText(locale, a.confidence), command: `${input.commandPrefix}scenario` });
  const body = study
    ? [
        ...summaryLines(locale, study),
        ...(study.years.length ? ['', `**${t(locale, 'scenario.study.yearsHeading')}**`, ...study.years.map((y) => `• ${yearLine(locale, y)}`)] : []),
        '',
        t(locale, 'scenario.study.method'),
      ]
    : [t(locale, 'scenario.study.noPrices')];
  const text = [...body, '', verdictLine, `_${t(locale, 'scenario.disclaimer')}_`].join('\n');
  const footer = t(locale, 'scenario.study.footer', {
    pair: study ? `${study.small} vs ${study.large}` : '—',
    source: input.source,
    asOf: formatDate(locale, asOf),
  });
  const headline = study ? summaryLines(locale, study).slice(0, 3).join(' ') : t(locale, 'scenario.study.noPrices');
  return {
    visibility: input.visibility,
    locale,
    tone: study?.summary && study.summary.count >= SMALL_SAMPLE ? 'neutral' : 'warning',
    title: t(locale, 'scenario.study.title', { pair: study ? `${study.small} vs ${study.large}` : '' }).trim(),
    text,
    fields: [],
    footer,
    fallbackText: headline,
    actions: [{ kind: 'explain-terms', label: t(locale, 'actions.explain'), terms: ['january-effect', 'tax-loss-selling', 'spread', 'percentage-point'] }],
  };
}

/** Bars of the 10-session change per qualifying year, median marked; null when no year qualifies. */
export function studySpec(locale: Locale, study: JanuaryStudy, source: string, asOf: IsoDate, size: ChartSize): SeasonalityChartSpec | null {
  const years = study.years.flatMap((y) => (y.change10Sessions === null ? [] : [{ year: y.year, spreadPp: y.change10Sessions }]));
  if (!study.summary || years.length === 0) return null;
  return {
    kind: 'seasonality',
    locale,
    size,
    title: t(locale, 'scenario.study.chartTitle'),
    footer: t(locale, 'scenario.study.chartFooter', { lead: study.minLeadPp, day: formatMonthDay(locale, study.referenceDay), asOf, source, pair: `${study.small} vs ${study.large}` }),
    years,
    highlightYear: null,
    medianPp: study.summary.median10,
    medianLabel: t(locale, 'scenario.study.medianLabel', { median: formatPp(locale, study.summary.median10) }),
  };
}
