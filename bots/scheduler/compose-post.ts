import type { Services } from '../../commands/context.ts';
import type { MarketHoliday } from '../../core/calendar/index.ts';
import type { IsoDate } from '../../core/market/types.ts';
import type { PostKind } from '../../core/posts/ledger-entry.ts';
import type { Subscription } from '../../core/posts/subscription.ts';
import type { BuiltPost } from '../../commands/rotation-post.ts';
import { buildClosedNotice, buildMorningPost } from '../../commands/rotation-post.ts';
import { settledCallLines } from '../../commands/settled-calls.ts';

export type ComposeRequest = {
  readonly subscription: Subscription;
  readonly kind: PostKind;
  readonly reportDate: IsoDate;
  readonly holiday?: MarketHoliday;
  /** The wait for the report session's prices is over: post with what there is. */
  readonly acceptStale: boolean;
};

/** Builds a post's replies; `not-ready` when the report session's prices are not in yet. */
export type ComposePost = (request: ComposeRequest) => Promise<BuiltPost>;

/** The real content: the morning post from the shared services (with the channel's calls settled since its previous post), or the closed notice. */
export function servicesComposer(services: Services): ComposePost {
  return async ({ subscription: sub, kind, reportDate, holiday, acceptStale }) => {
    if (kind === 'closed' && holiday) return buildClosedNotice(sub.locale, holiday);
    const previous = await services.postLedger.lastPosted(sub.platform, sub.channelId, reportDate);
    return buildMorningPost(services, {
      locale: sub.locale,
      reportDate,
      channelKey: `${sub.platform}:${sub.channelId}`,
      shownTerms: await services.subscriptions.shownTerms(sub.platform, sub.channelId),
      acceptStale,
      settledCalls: await settledCallLines(services, { platform: sub.platform, channelId: sub.channelId, locale: sub.locale, reportDate, since: previous?.reportDate }),
    });
  };
}
