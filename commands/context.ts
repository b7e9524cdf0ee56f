import type { Config } from '../core/config.ts';
import type { Locale } from '../core/i18n/locale.ts';
import type { IsoDate } from '../core/market/types.ts';
import type { MarketData } from '../core/data/provider.ts';
import type { MacroData } from '../core/data/macro.ts';
import type { Universe } from '../core/market/universe.ts';
import type { ChartSpec, RenderedChart } from '../core/charts/chart-spec.ts';
import type { GlossaryIndex } from '../core/glossary/glossary-index.ts';
import type { SubscriptionStore } from '../core/store/subscription-store.ts';
import type { PostLedger } from '../core/store/post-ledger.ts';
import type { CallStore } from '../core/store/call-store.ts';
import type { Async } from '../core/store/store.ts';

export type Platform = 'discord' | 'slack' | 'console';

export type ChartRenderer = {
  render(spec: ChartSpec): Promise<RenderedChart>;
  /** Gets ready for a chart that is about to be asked for (starts a render worker). */
  warm?(): void;
};

/** What commands may use; built once in bots/main.ts and shared by every adapter. */
export type Services = {
  readonly config: Config;
  readonly market: MarketData;
  readonly macro: MacroData;
  readonly universe: Universe;
  readonly charts: ChartRenderer;
  /** The /explain glossary, loaded and indexed once at start-up. */
  readonly glossary: GlossaryIndex;
  /** "Today" for answers: ROTATION_AS_OF or the current New York date. */
  readonly today: () => IsoDate;
  /** Morning-post subscriptions and the ledger of posts made: each answering with a promise on either engine. */
  readonly subscriptions: Async<SubscriptionStore>;
  readonly postLedger: Async<PostLedger>;
  /** Team calls (/call) and their settlement. */
  readonly calls: Async<CallStore>;
  /** The real clock (never ROTATION_AS_OF): when the next post is due. */
  readonly now: () => Date;
};

export type CommandContext = {
  readonly locale: Locale;
  readonly services: Services;
  readonly platform: Platform;
  readonly userId: string;
  /** The user's display name where the platform gives one; a call keeps it so replies name people, not ids. */
  readonly userName?: string;
  readonly channelId?: string;
  /** The workspace the command came from where the platform has one (Slack team id, Discord guild id); subscriptions keep it. */
  readonly workspaceId?: string;
  /** How users type commands on this platform, e.g. "/" or "/rb-". */
  readonly commandPrefix: string;
  /** Whether the user may manage this channel's subscriptions; adapters set it (see canManageSubscriptions). */
  readonly isChannelAdmin?: boolean;
};
