import type { IsoDate } from '../market/types.ts';
import type { PostPlatform } from '../posts/subscription.ts';
import type { Locale } from '../i18n/locale.ts';

export type CallSide = 'small' | 'large';

/** A leg's close on the call's start session: the last session close before the call was made. */
export type StartCloses = { readonly date: IsoDate; readonly small: number; readonly large: number };

/**
 * A dated call made in a channel: `side` beats the other by at least `marginPp` percentage points
 * from the start closes to the first session close on or after `deadline`.
 */
export type Call = {
  readonly id: string;
  readonly platform: PostPlatform;
  readonly channelId: string;
  /** Slack's team id, whose installation posts the settlement; absent where the platform needs none. */
  readonly workspaceId?: string;
  /** The language the call was made in, and its settlement post is written in. */
  readonly locale: Locale;
  readonly userId: string;
  /** How the platform showed the caller when the call was made (display name); replies fall back to the id. */
  readonly userName?: string;
  /** Epoch ms of the real clock when the call was recorded. */
  readonly madeAt: number;
  /** The bot's "today" when the call was made (ROTATION_AS_OF or the New York date). */
  readonly madeOn: IsoDate;
  readonly side: CallSide;
  readonly smallSymbol: string;
  readonly largeSymbol: string;
  readonly deadline: IsoDate;
  readonly marginPp: number;
  readonly start: StartCloses;
  readonly cancelled?: { readonly by: string; readonly at: number };
};
