import type { Services } from './context.ts';
import type { Locale } from '../core/i18n/locale.ts';
import type { IsoDate } from '../core/market/types.ts';
import type { PostPlatform } from '../core/posts/subscription.ts';
import { t } from '../core/i18n/translate.ts';
import { previousSession } from '../core/calendar/index.ts';
import { callStanding, settlementSession } from '../core/calls/settle-call.ts';
import { callBars } from './call-bars.ts';
import { calledSides, marginText, statusText } from './call-reply.ts';
import { callerName } from '../core/calls/caller-name.ts';

const MAX_LISTED = 5;

export type SettledCallsRequest = {
  readonly platform: PostPlatform;
  readonly channelId: string;
  readonly locale: Locale;
  /** The session the morning post reports. */
  readonly reportDate: IsoDate;
  /** The session the channel's previous morning post reported, if it had one. */
  readonly since: IsoDate | undefined;
};

/**
 * One line per call in the channel settled at a close after the previous morning post's session and
 * up to the report session (only the report session's when there was no previous post), oldest first.
 */
export async function settledCallLines(services: Services, request: SettledCallsRequest): Promise<string[]> {
  const { locale, reportDate } = request;
  const since = request.since ?? previousSession(reportDate);
  const calls = (await services.calls.list(request.platform, request.channelId)).filter((c) => {
    const on = settlementSession(c.deadline);
    return !c.cancelled && on > since && on <= reportDate;
  });
  const lines: string[] = [];
  for (const call of calls) {
    const standing = callStanding(call, await callBars(services.market, call.smallSymbol, call.largeSymbol, reportDate), reportDate, reportDate);
    if (standing.state !== 'settled') continue;
    lines.push(t(locale, call.marginPp > 0 ? 'call.settledItemMargin' : 'call.settledItem', { id: call.id, who: callerName(call), ...calledSides(locale, call), margin: marginText(locale, call), status: statusText(locale, standing, call) }));
  }
  if (lines.length <= MAX_LISTED) return lines;
  return [...lines.slice(0, MAX_LISTED), t(locale, 'call.settledMore', { count: lines.length - MAX_LISTED })];
}
