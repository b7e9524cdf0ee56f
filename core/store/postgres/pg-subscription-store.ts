import type { Pool } from 'pg';
import type { PostPlatform, Subscription } from '../../posts/subscription.ts';
import type { Locale } from '../../i18n/locale.ts';
import type { SubscriptionStore } from '../subscription-store.ts';
import type { Async } from '../store.ts';
import { run, statement, transaction } from './pg-pool.ts';

type Row = {
  platform: PostPlatform;
  channel_id: string;
  workspace_id: string | null;
  time: string;
  timezone: string;
  lang: Locale;
  closed_notice: boolean;
  created_by: string;
  created_at: number;
};

const fromRow = (r: Row): Subscription => ({
  platform: r.platform,
  channelId: r.channel_id,
  ...(r.workspace_id ? { workspaceId: r.workspace_id } : {}),
  time: r.time,
  timeZone: r.timezone,
  locale: r.lang,
  closedNotice: r.closed_notice,
  createdBy: r.created_by,
  createdAt: r.created_at,
});

const COLUMNS = 'platform, channel_id, workspace_id, time, timezone, lang, closed_notice, created_by, created_at';
const SELECT_ONE = statement('subs_get', `SELECT ${COLUMNS} FROM subscriptions WHERE platform = $1 AND channel_id = $2`);
const SELECT_ALL = statement('subs_list', `SELECT ${COLUMNS} FROM subscriptions ORDER BY platform, channel_id`);
// A replaced subscription keeps its creator, creation time and (when the new one names none) workspace; xmax = 0 only on a row this statement inserted.
const UPSERT = statement(
  'subs_upsert',
  `INSERT INTO subscriptions (${COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
   ON CONFLICT (platform, channel_id) DO UPDATE SET time = excluded.time, timezone = excluded.timezone, lang = excluded.lang, closed_notice = excluded.closed_notice,
     workspace_id = COALESCE(excluded.workspace_id, subscriptions.workspace_id)
   RETURNING ${COLUMNS}, (xmax = 0) AS inserted`,
);
const REMOVE = statement('subs_remove', 'DELETE FROM subscriptions WHERE platform = $1 AND channel_id = $2');
const SELECT_SHOWN = statement('terms_shown', 'SELECT term_id FROM shown_terms WHERE platform = $1 AND channel_id = $2');
const CLEAR_SHOWN = statement('terms_clear', 'DELETE FROM shown_terms WHERE platform = $1 AND channel_id = $2');
const INSERT_SHOWN = statement(
  'terms_insert',
  'INSERT INTO shown_terms (platform, channel_id, term_id, shown_at) VALUES ($1, $2, $3, $4) ON CONFLICT (platform, channel_id, term_id) DO UPDATE SET shown_at = excluded.shown_at',
);

export function createPgSubscriptionStore(pool: Pool): Async<SubscriptionStore> {
  return {
    async upsert(sub) {
      const { rows } = await run<Row & { inserted: boolean }>(pool, UPSERT, [
        sub.platform,
        sub.channelId,
        sub.workspaceId ?? null,
        sub.time,
        sub.timeZone,
        sub.locale,
        sub.closedNotice,
        sub.createdBy,
        sub.createdAt,
      ]);
      const row = rows[0]!;
      return { created: row.inserted, subscription: fromRow(row) };
    },
    async remove(platform, channelId) {
      return ((await run(pool, REMOVE, [platform, channelId])).rowCount ?? 0) > 0;
    },
    async get(platform, channelId) {
      const row = (await run<Row>(pool, SELECT_ONE, [platform, channelId])).rows[0];
      return row && fromRow(row);
    },
    async list() {
      return (await run<Row>(pool, SELECT_ALL)).rows.map(fromRow);
    },
    async shownTerms(platform, channelId) {
      return new Set((await run<{ term_id: string }>(pool, SELECT_SHOWN, [platform, channelId])).rows.map((r) => r.term_id));
    },
    async recordTermShown(platform, channelId, termId, at, startsNewRound) {
      await transaction(pool, async (client) => {
        if (startsNewRound) await run(client, CLEAR_SHOWN, [platform, channelId]);
        await run(client, INSERT_SHOWN, [platform, channelId, termId, at]);
      });
    },
  };
}
