import type { Locale } from '../core/i18n/locale.ts';
import type { Factor, FactorId, Source } from '../core/scenarios/factors.ts';
import type { Verdict } from '../core/scenarios/rules.ts';
import type { Change, Flip } from '../core/scenarios/flips.ts';
import type { Reason } from '../core/scenarios/reasons.ts';
import type { WatchItem } from '../core/scenarios/watch.ts';
import { INTL_TAG } from '../core/i18n/locale.ts';
import { t } from '../core/i18n/translate.ts';
import { formatDate, formatNumber, formatPercent, formatPp } from '../core/i18n/format.ts';
import type { OverrideOption } from '../core/scenarios/overrides.ts';
import { OVERRIDE_CHOICES, OVERRIDE_FACTOR } from '../core/scenarios/overrides.ts';

const monthFormats = new Map<Locale, Intl.DateTimeFormat>();
/** `2025-12` → "Dec 2025" / "2025년 12월". */
export function formatMonth(locale: Locale, month: string): string {
  let f = monthFormats.get(locale);
  if (!f) {
    f = new Intl.DateTimeFormat(INTL_TAG[locale], { year: 'numeric', month: 'short', timeZone: 'UTC' });
    monthFormats.set(locale, f);
  }
  return f.format(new Date(`${month}-01T00:00:00Z`));
}

export const factorName = (locale: Locale, id: FactorId) => t(locale, `scenario.factor.${id}`);
export const stateLabel = (locale: Locale, id: FactorId, state: string) => t(locale, state === 'unknown' ? 'scenario.unknown.state' : `scenario.state.${id}.${state}`);
export const sourceLabel = (locale: Locale, source: Source) => t(locale, `scenario.source.${source}`);
export const verdictName = (locale: Locale, verdict: Verdict) => t(locale, `scenario.verdict.${verdict}`);
export const confidenceText = (locale: Locale, confidence: number) => formatPercent(locale, confidence, 0).replace(/^\+/, '');

/** The option that sets a factor, if users can set it. */
export function optionFor(id: FactorId): OverrideOption | undefined {
  return (Object.keys(OVERRIDE_FACTOR) as OverrideOption[]).find((o) => OVERRIDE_FACTOR[o] === id);
}

const num = (v: string | number | undefined) => (typeof v === 'number' ? v : Number(v));
const str = (v: string | number | undefined) => String(v ?? '');

/** The data reading behind a factor in a few words, or null when a person set it or nobody knows it. */
export function readingText(locale: Locale, factor: Factor): string | null {
  if (factor.source !== 'data' && factor.source !== 'proxy') return null;
  const d = factor.detail;
  switch (factor.id) {
    case 'seasonality':
      return t(locale, factor.state === 'in-window' ? 'scenario.reading.seasonality.in' : 'scenario.reading.seasonality.out', {
        from: formatDate(locale, str(d.from)),
        to: formatDate(locale, str(d.to)),
      });
    case 'momentum':
      return t(locale, 'scenario.reading.momentum', {
        spread: formatPp(locale, num(d.spreadPp)),
        window: t(locale, `scenario.reading.window.${str(d.window)}`),
        small: str(d.small),
        large: str(d.large),
        ratio: formatPercent(locale, num(d.ratioVsAveragePct) / 100),
      });
    case 'monetary':
      return t(locale, 'scenario.reading.monetary', {
        series: str(d.series),
        rate: formatNumber(locale, num(d.rate)),
        earlier: formatNumber(locale, num(d.earlierRate)),
        earlierDate: formatDate(locale, str(d.earlierDate)),
        change: formatPp(locale, num(d.changePp), 2),
      });
    case 'ism':
      if (d.series === 'REGIONAL_NEW_ORDERS') {
        return t(locale, d.earlierIndex === undefined ? 'scenarioEvidence.reading.ismProxyNoTrend' : 'scenarioEvidence.reading.ismProxy', {
          index: formatNumber(locale, num(d.index), 1),
          month: formatMonth(locale, str(d.month)),
          surveys: str(d.surveys).split('+').map((b) => t(locale, `scenarioEvidence.bank.${b}`)).join(', '),
          earlier: d.earlierIndex === undefined ? '' : formatNumber(locale, num(d.earlierIndex), 1),
          earlierMonth: d.earlierMonth === undefined ? '' : formatMonth(locale, str(d.earlierMonth)),
        });
      }
      return t(locale, d.earlierPmi === undefined ? 'scenario.reading.ismNoTrend' : 'scenario.reading.ism', {
        pmi: formatNumber(locale, num(d.pmi), 1),
        month: formatMonth(locale, str(d.month)),
        earlier: d.earlierPmi === undefined ? '' : formatNumber(locale, num(d.earlierPmi), 1),
        earlierMonth: d.earlierMonth === undefined ? '' : formatMonth(locale, str(d.earlierMonth)),
        released: formatDate(locale, str(d.released)),
      });
    case 'housing':
    case 'autos':
      return t(locale, `scenario.reading.${factor.id}`, {
        latest: formatNumber(locale, num(d.latest), factor.id === 'housing' ? 0 : 1),
        // Korean counts in 만 (10,000): housing starts come in thousands, auto sales in millions.
        latestMan: formatNumber(locale, num(d.latest) * (factor.id === 'housing' ? 0.1 : 100), factor.id === 'housing' ? 1 : 0),
        month: formatMonth(locale, str(d.month)),
        change: formatPercent(locale, num(d.changePct) / 100),
      });
    case 'credit':
      return t(locale, 'scenarioEvidence.reading.credit', {
        level: formatNumber(locale, num(d.levelPct), 2),
        change: formatPp(locale, num(d.changePp), 2),
        earlierDate: formatDate(locale, str(d.earlierDate)),
      });
    case 'tariffs':
    case 'fiscal':
      return t(locale, 'scenarioEvidence.reading.policy', {
        series: str(d.series),
        level: formatNumber(locale, num(d.level), 0),
        change: formatPercent(locale, num(d.changePct) / 100, 0),
        percentile: formatPercent(locale, num(d.percentile) / 100, 0, false),
        from: formatMonth(locale, str(d.historyFrom)),
      });
    case 'valuation': {
      const share = (v: string | number | undefined) => formatPercent(locale, num(v) / 100, 0, false);
      const pe = d.measure === 'relative-pe';
      const key = `scenarioEvidence.reading.${pe ? 'valuationPe' : 'valuationPrice'}${d.percentile20y === undefined ? '' : '20'}`;
      return t(locale, key, {
        series: str(d.series),
        ratio: formatNumber(locale, num(d.ratio), 2),
        p10: share(d.percentile10y),
        p20: d.percentile20y === undefined ? '' : share(d.percentile20y),
      });
    }
    default:
      return null;
  }
}

/** Why a factor is unknown and how to set it. */
export function unknownText(locale: Locale, factor: Factor): string {
  const reason = str(factor.detail.reason) || 'no-public-data';
  const option = optionFor(factor.id);
  const last = factor.detail.last === undefined ? '' : formatDate(locale, str(factor.detail.last));
  const why = t(locale, `scenario.unknown.${reason}`, { series: str(factor.detail.series), last });
  return option ? `${why} ${t(locale, 'scenario.unknown.setIt', { example: `${option}:${OVERRIDE_CHOICES[option].join('|')}` })}` : why;
}

export function reasonLine(locale: Locale, reason: Reason, factors: Readonly<Record<FactorId, Factor>>): string {
  if (reason.kind === 'unknown') {
    const names = reason.ids.map((id) => factorName(locale, id)).join(', ');
    const option = reason.ids.map(optionFor).find((o) => o !== undefined);
    return option
      ? t(locale, 'scenario.reason.unknown', { factors: names, example: `${option}:${OVERRIDE_CHOICES[option][0]}` })
      : t(locale, 'scenario.reason.unknownData', { factors: names });
  }
  const factor = factors[reason.id];
  const reading = readingText(locale, factor) ?? `${stateLabel(locale, reason.id, reason.state)}, ${sourceLabel(locale, factor.source)}`;
  const line = t(locale, 'scenario.reason.line', {
    factor: factorName(locale, reason.id),
    reading,
    why: t(locale, `scenario.why.${reason.id}.${reason.state}`),
  });
  return reason.stance === 'against' ? t(locale, 'scenario.reason.against', { line }) : line;
}

export function changeText(locale: Locale, c: Change): string {
  return t(locale, 'scenario.flip.change', { factor: factorName(locale, c.id), from: stateLabel(locale, c.id, c.from), to: stateLabel(locale, c.id, c.to) });
}

export function flipLine(locale: Locale, flip: Flip): string {
  return t(locale, 'scenario.flip.line', { changes: flip.changes.map((c) => changeText(locale, c)).join(t(locale, 'scenario.flip.and')), verdict: verdictName(locale, flip.verdict) });
}

export function watchLine(locale: Locale, item: WatchItem): string {
  const date = formatDate(locale, item.date);
  switch (item.kind) {
    case 'ism-release': return t(locale, 'scenario.watch.ism', { date, month: formatMonth(locale, item.coversMonth) });
    case 'earnings-season-end': return t(locale, 'scenario.watch.earningsEnd', { date, quarter: t(locale, 'scenario.watch.quarter', item.reports), start: formatDate(locale, item.start) });
    case 'earnings-season-start': return t(locale, 'scenario.watch.earningsStart', { date, quarter: t(locale, 'scenario.watch.quarter', item.reports), end: formatDate(locale, item.end) });
    case 'seasonal-window-end': return t(locale, 'scenario.watch.windowEnd', { date });
    case 'seasonal-window-start': return t(locale, 'scenario.watch.windowStart', { date, end: formatDate(locale, item.end) });
  }
}

const dayFormats = new Map<Locale, Intl.DateTimeFormat>();
/** `01-20` → "Jan 20" / "1월 20일". */
export function formatMonthDay(locale: Locale, monthDay: string): string {
  let f = dayFormats.get(locale);
  if (!f) {
    f = new Intl.DateTimeFormat(INTL_TAG[locale], { month: 'short', day: 'numeric', timeZone: 'UTC' });
    dayFormats.set(locale, f);
  }
  return f.format(new Date(`2001-${monthDay}T00:00:00Z`));
}
