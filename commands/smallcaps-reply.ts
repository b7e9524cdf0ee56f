import type { Locale } from '../core/i18n/locale.ts';
import type { Comparison, LegResult, OmittedLeg } from '../core/market/compare.ts';
import type { Reply, ReplyField } from '../core/reply.ts';
import type { LinesChartSpec, ChartSize } from '../core/charts/chart-spec.ts';
import type { LoadedLegs } from './load-legs.ts';
import { t } from '../core/i18n/translate.ts';
import { formatDate, formatNumber, formatPercent, formatPp, formatRank } from '../core/i18n/format.ts';
import { displayName, knownSize } from '../core/market/universe.ts';
import { periodName, periodNoteText, periodPhrase } from './describe-period.ts';

const legName = (locale: Locale, leg: LegResult | OmittedLeg) => displayName(leg.instrument, locale);
const shortName = (locale: Locale, leg: LegResult) => leg.instrument.name[locale];

/**
 * Where the comparison is itself a small-cap index (`vs:IJR`), the answer names the two indexes
 * rather than calling them small and large caps.
 */
export const wordingOf = (c: Comparison) => (knownSize(c.primary.large.instrument.symbol) === 'small' ? 'smallcaps.pair' : 'smallcaps');

export function headline(locale: Locale, c: Comparison): string {
  const { small, large } = c.primary;
  const key = `${wordingOf(c)}.${c.spreadPp >= 0 ? 'headlineLead' : 'headlineLag'}`;
  return t(locale, key, {
    small: shortName(locale, small),
    smallMove: t(locale, small.return >= 0 ? 'smallcaps.up' : 'smallcaps.down', { pct: formatPercent(locale, Math.abs(small.return), 1, false) }),
    large: shortName(locale, large),
    smallReturn: formatPercent(locale, small.return),
    largeReturn: formatPercent(locale, large.return),
    when: periodPhrase(locale, c.period, c.baseDate, c.endDate),
    spread: formatNumber(locale, Math.abs(c.spreadPp), 1),
    a: articleFor(formatNumber(locale, Math.abs(c.spreadPp), 1)),
  });
}

export function chartTitle(locale: Locale, c: Comparison): string {
  return t(locale, `${wordingOf(c)}.chartTitle`, { period: periodName(locale, c.period), from: c.baseDate, to: c.endDate, small: shortName(locale, c.primary.small), large: shortName(locale, c.primary.large) });
}

/** "an 8.3", "an 11", "a 1.1": English's article for a number as it is read aloud. */
export const articleFor = (number: string) => (/^(?:8|1[18](?:\D|$))/.test(number) ? 'an' : 'a');

export function basisText(locale: Locale, c: Comparison): string {
  return t(locale, `basis.${c.basis}`);
}

export function footerText(locale: Locale, c: Comparison, loaded: LoadedLegs): string {
  return t(locale, 'smallcaps.footer', {
    basis: basisText(locale, c),
    from: formatDate(locale, c.baseDate),
    to: formatDate(locale, c.endDate),
    sessions: c.sessions,
    source: loaded.source,
    asOf: formatDate(locale, c.endDate),
  });
}

function fields(locale: Locale, c: Comparison): ReplyField[] {
  const out: ReplyField[] = c.legs.map((leg) => ({
    label: legName(locale, leg),
    value: t(locale, 'smallcaps.legValue', {
      ret: formatPercent(locale, leg.return),
      base: formatNumber(locale, leg.baseClose),
      end: formatNumber(locale, leg.endClose),
      dd: formatPercent(locale, leg.maxDrawdown),
    }),
    inline: true,
  }));
  out.push({
    label: t(locale, 'smallcaps.spreadLabel', { small: shortName(locale, c.primary.small), large: shortName(locale, c.primary.large) }),
    value: formatPp(locale, c.spreadPp),
    inline: true,
  });
  out.push({
    label: t(locale, `${wordingOf(c)}.ratioLabel`, { small: shortName(locale, c.primary.small), large: shortName(locale, c.primary.large) }),
    value: t(locale, 'smallcaps.ratioValue', { end: formatNumber(locale, c.ratio.end, 1), change: formatPercent(locale, c.ratio.changePct / 100) }),
    inline: true,
  });
  if (c.percentile) {
    out.push({
      label: t(locale, 'smallcaps.percentileLabel'),
      value: t(locale, c.percentile.rank >= 50 ? 'smallcaps.percentileValue' : 'smallcaps.percentileValueLow', {
        rank: formatRank(locale, c.percentile.rank >= 50 ? c.percentile.rank : 100 - c.percentile.rank),
        windows: formatNumber(locale, c.percentile.windows, 0),
        sessions: formatNumber(locale, c.sessions, 0),
        since: c.percentile.since.slice(0, 4),
      }),
      inline: false,
    });
  }
  if (c.ratio52w) {
    const { sessionsSinceHigh: h, sessionsSinceLow: l } = c.ratio52w;
    out.push({
      label: t(locale, 'smallcaps.extremesLabel'),
      value: h === 0 ? t(locale, 'smallcaps.atHigh') : l === 0 ? t(locale, 'smallcaps.atLow') : t(locale, 'smallcaps.extremesValue', { high: h, low: l }),
      inline: false,
    });
  }
  return out;
}

export function notes(locale: Locale, c: Comparison, loaded: LoadedLegs): string[] {
  const out = c.notes.map((n) => periodNoteText(locale, n));
  for (const o of [...loaded.missing, ...c.omitted]) {
    out.push(t(locale, `notes.omitted.${o.reason}`, { leg: legName(locale, o), first: o.first ?? '?', last: o.last ?? '?', detail: o.detail ?? '' }));
  }
  for (const s of loaded.stale) {
    out.push(t(locale, 'notes.stale', { symbol: s.symbol, last: s.last ? formatDate(locale, s.last) : '?', reason: s.reason }));
  }
  return out;
}

export function chartSpec(locale: Locale, c: Comparison, loaded: LoadedLegs, size: ChartSize): LinesChartSpec {
  const ranks = { small: 0, large: 0 };
  return {
    kind: 'lines',
    locale,
    size,
    title: chartTitle(locale, c),
    footer: t(locale, 'smallcaps.chartFooter', { asOf: c.endDate, source: loaded.source, basis: basisText(locale, c) }),
    dates: c.path.dates,
    legs: c.legs.map((leg, k) => ({
      label: legName(locale, leg),
      role: leg.instrument.role,
      rank: ranks[leg.instrument.role]++,
      values: c.path.rebased[k]!,
      returnLabel: formatPercent(locale, leg.return),
    })),
  };
}

export function smallcapsReply(locale: Locale, c: Comparison, loaded: LoadedLegs, visibility: Reply['visibility']): Omit<Reply, 'chart'> {
  const head = headline(locale, c);
  const extra = notes(locale, c, loaded);
  const text = [head, ...extra.map((n) => `• ${n}`)].join('\n');
  const footer = footerText(locale, c, loaded);
  return {
    visibility,
    locale,
    tone: loaded.stale.length ? 'warning' : c.spreadPp >= 0 ? 'positive' : 'negative',
    title: t(locale, `${wordingOf(c)}.title`, { period: periodName(locale, c.period), small: shortName(locale, c.primary.small), large: shortName(locale, c.primary.large) }),
    text,
    fields: fields(locale, c),
    footer,
    fallbackText: `${head} (${footer})`,
    actions: [{ kind: 'explain-terms', label: t(locale, 'actions.explain'), terms: ['spread', 'percentage-point', 'relative-strength-ratio', 'percentile', 'drawdown', 'price-vs-total-return'] }],
  };
}

/** The numbers behind the answer, for `--json` and tests. */
export function smallcapsResult(c: Comparison, loaded: LoadedLegs) {
  return {
    period: c.period,
    basis: c.basis,
    baseDate: c.baseDate,
    endDate: c.endDate,
    sessions: c.sessions,
    source: loaded.source,
    legs: c.legs.map((l) => ({
      symbol: l.instrument.symbol,
      name: l.instrument.name.en,
      role: l.instrument.role,
      baseClose: l.baseClose,
      endClose: l.endClose,
      return: l.return,
      maxDrawdown: l.maxDrawdown,
    })),
    spreadPp: c.spreadPp,
    ratio: c.ratio,
    percentile: c.percentile,
    ratio52w: c.ratio52w,
    omitted: [...loaded.missing, ...c.omitted].map((o) => ({ symbol: o.instrument.symbol, reason: o.reason, first: o.first, last: o.last, detail: o.detail })),
    stale: loaded.stale,
  };
}
