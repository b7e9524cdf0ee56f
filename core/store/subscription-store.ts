import type { Db } from './open-database.ts';
import type { PostPlatform, Subscription } from '../posts/subscription.ts';
import type { Locale } from '../i18n/locale.ts';

export type SubscriptionStore = {
  /**
   * Creates or replaces the channel's subscription; a replaced one keeps its creator and creation
   * time, and its workspace when the new one names none.
   */
  upsert(sub: Subscription): { readonly created: boolean; readonly subscription: Subscription };
  remove(platform: PostPlatform, channelId: string): boolean;
  get(platform: PostPlatform, channelId: string): Subscription | undefined;
  list(): Subscription[];
  /** Glossary entries the channel has seen in the current round of "term of the day". */
  shownTerms(platform: PostPlatform, channelId: string): Set<string>;
  /** Records a shown term; `startsNewRound` first forgets the round before (every entry had been shown). */
  recordTermShown(platform: PostPlatform, channelId: string, termId: string, at: number, startsNewRound: boolean): void;
};

type Row = {
  platform: PostPlatform;
  channel_id: string;
  workspace_id: string | null;
  time: string;
  timezone: string;
  lang: Locale;
  closed_notice: number;
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
  closedNotice: r.closed_notice === 1,
  createdBy: r.created_by,
  createdAt: r.created_at,
});

export function createSubscriptionStore(db: Db): SubscriptionStore {
  const COLUMNS = 'platform, channel_id, workspace_id, time, timezone, lang, closed_notice, created_by, created_at';
  const selectOne = db.prepare<[string, string], Row>(`SELECT ${COLUMNS} FROM subscriptions WHERE platform = ? AND channel_id = ?`);
  const selectAll = db.prepare<[], Row>(`SELECT ${COLUMNS} FROM subscriptions ORDER BY platform, channel_id`);
  const insert = db.prepare(`INSERT INTO subscriptions (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const update = db.prepare('UPDATE subscriptions SET time = ?, timezone = ?, lang = ?, closed_notice = ?, workspace_id = COALESCE(?, workspace_id) WHERE platform = ? AND channel_id = ?');
  const remove = db.prepare('DELETE FROM subscriptions WHERE platform = ? AND channel_id = ?');
  const selectShown = db.prepare<[string, string], { term_id: string }>('SELECT term_id FROM shown_terms WHERE platform = ? AND channel_id = ?');
  const clearShown = db.prepare('DELETE FROM shown_terms WHERE platform = ? AND channel_id = ?');
  const insertShown = db.prepare('INSERT OR REPLACE INTO shown_terms (platform, channel_id, term_id, shown_at) VALUES (?, ?, ?, ?)');

  const upsert = db.transaction((sub: Subscription) => {
    const existing = selectOne.get(sub.platform, sub.channelId);
    if (existing) {
      update.run(sub.time, sub.timeZone, sub.locale, sub.closedNotice ? 1 : 0, sub.workspaceId ?? null, sub.platform, sub.channelId);
    } else {
      insert.run(sub.platform, sub.channelId, sub.workspaceId ?? null, sub.time, sub.timeZone, sub.locale, sub.closedNotice ? 1 : 0, sub.createdBy, sub.createdAt);
    }
    return { created: !existing, subscription: fromRow(selectOne.get(sub.platform, sub.channelId)!) };
  });
  const recordShown = db.transaction((platform: PostPlatform, channelId: string, termId: string, at: number, startsNewRound: boolean) => {
    if (startsNewRound) clearShown.run(platform, channelId);
    insertShown.run(platform, channelId, termId, at);
  });

  return {
    upsert: (sub) => upsert.immediate(sub),
    remove: (platform, channelId) => remove.run(platform, channelId).changes > 0,
    get: (platform, channelId) => {
      const row = selectOne.get(platform, channelId);
      return row && fromRow(row);
    },
    list: () => selectAll.all().map(fromRow),
    shownTerms: (platform, channelId) => new Set(selectShown.all(platform, channelId).map((r) => r.term_id)),
    recordTermShown: (platform, channelId, termId, at, startsNewRound) => recordShown.immediate(platform, channelId, termId, at, startsNewRound),
  };
}
