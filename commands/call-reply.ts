import type { Locale } from '../core/i18n/locale.ts';
import type { IsoDate } from '../core/market/types.ts';
import { isSession, previousSession } from '../core/calendar/index.ts';
import type { Call } from '../core/calls/call.ts';
import type { CallStanding, Standing } from '../core/calls/settle-call.ts';
import type { Reply, Tone } from '../core/reply.ts';
import { t } from '../core/i18n/translate.ts';
import { formatDate, formatPercent, formatPp } from '../core/i18n/format.ts';
import { displayName, instrument } from '../core/market/universe.ts';

const name = (locale: Locale, symbol: string, role: 'small' | 'large') => displayName(instrument(symbol, role), locale);
const pct = (locale: Locale, p: number) => formatPercent(locale, p / 100, 2);

/** "IWM +0.08% vs SPY +1.76%, spread -1.69 pp" */
export function standingText(locale: Locale, s: Standing, call?: Call): string {
  return t(locale, 'call.standing', {
    small: s.small.symbol,
    smallReturn: pct(locale, s.small.returnPct),
    large: s.large.symbol,
    largeReturn: pct(locale, s.large.returnPct),
    spread: formatPp(locale, s.spreadPp, 2),
    lead: leadSuffix(locale, s, call),
  });
}

/** The standing from the caller's side, where the small-minus-large spread alone could mislead: a large-cap call, or one with a margin. */
function leadSuffix(locale: Locale, s: Standing, call: Call | undefined): string {
  if (!call || (call.side === 'small' && call.marginPp === 0)) return '';
  return t(locale, 'call.leadSuffix', {
    winner: calledSides(locale, call).winner,
    lead: unsignedPp(locale, s.leadPp),
    direction: t(locale, s.leadPp >= 0 ? 'call.ahead' : 'call.behind'),
  });
}

export const marginText = (locale: Locale, call: Call) => unsignedPp(locale, call.marginPp);

const unsignedPp = (locale: Locale, pp: number) => formatPp(locale, Math.abs(pp), 2, false);

/** The called side's display name and the other's. */
export function calledSides(locale: Locale, call: Call): { readonly winner: string; readonly loser: string } {
  const small = name(locale, call.smallSymbol, 'small');
  const large = name(locale, call.largeSymbol, 'large');
  return call.side === 'small' ? { winner: small, loser: large } : { winner: large, loser: small };
}

/** What the call says: "<@U1> called small caps (Russell 2000 (IWM)) to beat S&P 500 (SPY) by 2026-02-03 …". */
export function claimText(locale: Locale, call: Call, who: string): string {
  const { winner, loser } = calledSides(locale, call);
  return t(locale, call.marginPp > 0 ? 'call.claimMargin' : 'call.claim', {
    who,
    winner,
    loser,
    deadline: formatDate(locale, call.deadline),
    margin: marginText(locale, call),
    start: formatDate(locale, call.start.date),
  });
}

export function statusText(locale: Locale, standing: CallStanding, call?: Call): string {
  switch (standing.state) {
    case 'cancelled':
      return t(locale, 'call.state.cancelled');
    case 'open':
      return standing.soFar
        ? t(locale, 'call.state.openSoFar', { settles: formatDate(locale, standing.settlesOn), asOf: formatDate(locale, standing.soFar.asOf), standing: standingText(locale, standing.soFar, call) })
        : t(locale, 'call.state.open', { settles: formatDate(locale, standing.settlesOn) });
    case 'waiting':
      return t(locale, 'call.state.waiting', { settles: formatDate(locale, standing.settlesOn), symbols: standing.missing.join(', ') });
    case 'settled':
      return t(locale, standing.result.hit ? 'call.state.hit' : 'call.state.miss', { settles: formatDate(locale, standing.settlesOn), standing: standingText(locale, standing.result, call) });
  }
}

export function callReply(locale: Locale, title: string, text: string, footer: string, visibility: Reply['visibility'], tone: Tone = 'neutral'): Reply {
  return { visibility, locale, tone, title, text, fields: [], footer, fallbackText: `${title}: ${text}` };
}

/** The data's date: the as-of date, or the session before it when markets were closed that day. */
export const callFooter = (locale: Locale, source: string, asOf: IsoDate) =>
  t(locale, 'call.footer', { source, asOf: formatDate(locale, isSession(asOf) ? asOf : previousSession(asOf)) });
