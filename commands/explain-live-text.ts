import type { Locale } from '../core/i18n/locale.ts';
import type { Instrument } from '../core/market/universe.ts';
import type { MonthSpread } from '../core/market/seasonal-spread.ts';
import type { LiveFigure } from '../core/glossary/live-figure.ts';
import { INTL_TAG } from '../core/i18n/locale.ts';
import { t } from '../core/i18n/translate.ts';
import { formatDate, formatNumber, formatPercent, formatPp, formatRank } from '../core/i18n/format.ts';
import { displayName } from '../core/market/universe.ts';
import { YEAR_SESSIONS } from '../core/glossary/live-drawdown.ts';

const bullet = (line: string) => `• ${line}`;

function monthName(locale: Locale, year: number, month: number): string {
  return new Intl.DateTimeFormat(INTL_TAG[locale], { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(year, month - 1, 1)));
}

function monthLine(locale: Locale, m: MonthSpread, small: Instrument, large: Instrument): string {
  const name = monthName(locale, m.year, m.month);
  return t(locale, 'explain.live.month', {
    month: m.finished ? name : t(locale, 'explain.live.soFar', { month: name }),
    small: displayName(small, locale),
    smallReturn: formatPercent(locale, m.smallReturn),
    large: displayName(large, locale),
    largeReturn: formatPercent(locale, m.largeReturn),
    spread: formatPp(locale, m.spreadPp),
    from: formatDate(locale, m.baseDate),
    to: formatDate(locale, m.endDate),
  });
}

/** The figure as a few short lines, every number with its dates. */
export function liveText(locale: Locale, f: LiveFigure): string {
  switch (f.kind) {
    case 'january-effect': {
      const lines = [bullet(monthLine(locale, f.january, f.small, f.large))];
      if (f.history) {
        lines.push(bullet(t(locale, 'explain.live.januaryMedian', {
          count: f.history.count,
          first: f.history.firstYear,
          last: f.history.lastYear,
          median: formatPp(locale, f.history.medianPp),
        })));
      }
      return lines.join('\n');
    }
    case 'tax-loss':
      return [t(locale, 'explain.live.taxLossIntro'), bullet(monthLine(locale, f.december, f.small, f.large)), bullet(monthLine(locale, f.january, f.small, f.large))].join('\n');
    case 'spread':
    case 'ratio':
    case 'ytd':
    case 'percentile': {
      const c = f.comparison;
      const { small, large } = c.primary;
      const common = { from: formatDate(locale, c.baseDate), to: formatDate(locale, c.endDate) };
      if (f.kind === 'spread') {
        return t(locale, 'explain.live.spread', {
          ...common,
          small: displayName(small.instrument, locale),
          smallReturn: formatPercent(locale, small.return),
          large: displayName(large.instrument, locale),
          largeReturn: formatPercent(locale, large.return),
          spread: formatPp(locale, c.spreadPp),
        });
      }
      if (f.kind === 'ratio') {
        return t(locale, 'explain.live.ratio', {
          ...common,
          small: small.instrument.name[locale],
          large: large.instrument.name[locale],
          end: formatNumber(locale, c.ratio.end, 1),
          change: formatPercent(locale, c.ratio.changePct / 100),
        });
      }
      if (f.kind === 'ytd') {
        return [t(locale, 'explain.live.ytd', common), ...c.legs.map((l) => bullet(`${displayName(l.instrument, locale)} ${formatPercent(locale, l.return)}`))].join('\n');
      }
      const p = c.percentile!;
      return t(locale, 'explain.live.percentile', {
        spread: formatPp(locale, c.spreadPp),
        sessions: c.sessions,
        sessionsText: formatNumber(locale, c.sessions, 0),
        rank: formatRank(locale, p.rank),
        since: p.since.slice(0, 4),
        windows: formatNumber(locale, p.windows, 0),
      });
    }
    case 'drawdown':
      return [
        t(locale, 'explain.live.drawdownIntro', { sessions: YEAR_SESSIONS }),
        ...f.legs.map((l) =>
          bullet(
            l.drawdown === 0
              ? t(locale, 'explain.live.drawdownAtHigh', { name: displayName(l.instrument, locale) })
              : t(locale, 'explain.live.drawdownLeg', {
                  name: displayName(l.instrument, locale),
                  dd: formatPercent(locale, l.drawdown),
                  high: formatNumber(locale, l.high),
                  highDate: formatDate(locale, l.highDate),
                }),
          ),
        ),
      ].join('\n');
  }
}

/** The figure's numbers for `--json`: decimals for returns, percentage points for spreads, ISO dates. */
export function liveResult(f: LiveFigure, source: string) {
  const head = { kind: f.kind, asOf: f.asOf, source };
  switch (f.kind) {
    case 'january-effect':
      return { ...head, small: f.small.symbol, large: f.large.symbol, january: f.january, history: f.history };
    case 'tax-loss':
      return { ...head, small: f.small.symbol, large: f.large.symbol, december: f.december, january: f.january };
    case 'spread':
    case 'ratio':
    case 'ytd':
    case 'percentile': {
      const c = f.comparison;
      return {
        ...head,
        baseDate: c.baseDate,
        sessions: c.sessions,
        small: c.primary.small.instrument.symbol,
        large: c.primary.large.instrument.symbol,
        legs: c.legs.map((l) => ({ symbol: l.instrument.symbol, role: l.instrument.role, return: l.return })),
        spreadPp: c.spreadPp,
        ratio: c.ratio.end,
        percentile: c.percentile,
      };
    }
    case 'drawdown':
      return { ...head, sessions: YEAR_SESSIONS, legs: f.legs.map(({ instrument, ...dd }) => ({ symbol: instrument.symbol, ...dd })) };
  }
}
