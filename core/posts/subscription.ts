import type { Locale } from '../i18n/locale.ts';

export const POST_PLATFORMS = ['discord', 'slack', 'console'] as const;
export type PostPlatform = (typeof POST_PLATFORMS)[number];

/** A channel's morning post: when (local time in its zone), in which language, and what to do after a holiday. */
export type Subscription = {
  readonly platform: PostPlatform;
  readonly channelId: string;
  /**
   * The workspace the channel belongs to, when the platform needs it to post: Slack's team id,
   * whose installation's token posts there. Absent on subscriptions made before it was recorded.
   */
  readonly workspaceId?: string;
  /** `HH:MM`, 24-hour, in `timeZone`. */
  readonly time: string;
  /** Canonical IANA name. */
  readonly timeZone: string;
  readonly locale: Locale;
  /** Post a one-line notice the morning after an NYSE holiday. */
  readonly closedNotice: boolean;
  readonly createdBy: string;
  /** Epoch ms. Slots before it never fire. */
  readonly createdAt: number;
};
