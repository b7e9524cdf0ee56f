import type { Services } from './context.ts';
import type { Call } from '../core/calls/call.ts';
import type { Reply } from '../core/reply.ts';
import type { BuiltPost } from './rotation-post.ts';
import { t } from '../core/i18n/translate.ts';
import { lastCompletedSession } from '../core/calendar/index.ts';
import { callStanding } from '../core/calls/settle-call.ts';
import { callBars } from './call-bars.ts';
import { callFooter, callReply, claimText, statusText } from './call-reply.ts';
import { callerName } from '../core/calls/caller-name.ts';

/**
 * The post that settles `call` in its channel: the claim, each leg's return, the spread and hit or
 * miss. Not ready while the settlement close is missing from the data (the call waits).
 */
export async function buildSettlementPost(services: Services, call: Call): Promise<BuiltPost> {
  const { locale } = call;
  const today = services.today();
  const bars = await callBars(services.market, call.smallSymbol, call.largeSymbol, today);
  const standing = callStanding(call, bars, today, lastCompletedSession(services.now()));
  if (standing.state !== 'settled') return { status: 'not-ready', dataAsOf: bars.small.at(-1)?.date ?? call.start.date };
  const text = [claimText(locale, call, callerName(call)), statusText(locale, standing, call), t(locale, 'call.settledHint', { id: call.id })].join('\n');
  const reply: Reply = {
    ...callReply(locale, t(locale, 'call.title.settled'), text, callFooter(locale, services.market.sourceLabel, standing.settlesOn), 'public', standing.result.hit ? 'positive' : 'negative'),
    notify: [call.userId],
  };
  return { status: 'ready', replies: [reply], result: { call, standing }, dataAsOf: standing.settlesOn };
}
