import type { Call, CallSide } from '../calls/call.ts';
import type { PostPlatform } from '../posts/subscription.ts';
import type { Locale } from '../i18n/locale.ts';

/** A calls row as both engines return it. */
export type CallRow = {
  id: string;
  platform: PostPlatform;
  channel_id: string;
  workspace_id: string | null;
  locale: Locale;
  user_id: string;
  user_name: string | null;
  made_at: number;
  made_on: string;
  side: CallSide;
  small_symbol: string;
  large_symbol: string;
  deadline: string;
  margin_pp: number;
  start_date: string;
  start_small: number;
  start_large: number;
  cancelled_by: string | null;
  cancelled_at: number | null;
};

export const CALL_COLUMNS =
  'id, platform, channel_id, user_id, made_at, made_on, side, small_symbol, large_symbol, deadline, margin_pp, start_date, start_small, start_large, workspace_id, locale, user_name';

export const CALL_COLUMN_COUNT = CALL_COLUMNS.split(',').length;

/** Calls not withdrawn whose deadline is on or before the given date and whose settlement post is not final. */
export const SETTLING_WHERE = `c.cancelled_at IS NULL AND c.deadline <= {through}
  AND NOT EXISTS (SELECT 1 FROM post_ledger p WHERE p.platform = c.platform AND p.channel_id = c.channel_id
    AND p.report_date = 'call:' || c.id AND p.status IN ('posted', 'failed', 'skipped'))`;

export const callValues = (c: Call) => [
  c.id, c.platform, c.channelId, c.userId, c.madeAt, c.madeOn, c.side, c.smallSymbol, c.largeSymbol, c.deadline, c.marginPp, c.start.date, c.start.small, c.start.large, c.workspaceId ?? null, c.locale, c.userName ?? null,
];

export const callFromRow = (r: CallRow): Call => ({
  id: r.id,
  platform: r.platform,
  channelId: r.channel_id,
  ...(r.workspace_id !== null ? { workspaceId: r.workspace_id } : {}),
  locale: r.locale,
  userId: r.user_id,
  ...(r.user_name !== null ? { userName: r.user_name } : {}),
  madeAt: r.made_at,
  madeOn: r.made_on,
  side: r.side,
  smallSymbol: r.small_symbol,
  largeSymbol: r.large_symbol,
  deadline: r.deadline,
  marginPp: r.margin_pp,
  start: { date: r.start_date, small: r.start_small, large: r.start_large },
  ...(r.cancelled_by !== null && r.cancelled_at !== null ? { cancelled: { by: r.cancelled_by, at: r.cancelled_at } } : {}),
});
