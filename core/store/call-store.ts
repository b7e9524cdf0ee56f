import type { Db } from './open-database.ts';
import type { Call } from '../calls/call.ts';
import type { IsoDate } from '../market/types.ts';
import type { PostPlatform } from '../posts/subscription.ts';
import { CALL_COLUMN_COUNT, CALL_COLUMNS, SETTLING_WHERE, callFromRow, callValues } from './call-row.ts';
import type { CallRow } from './call-row.ts';

export type CallStore = {
  add(call: Call): void;
  get(id: string): Call | undefined;
  /** The channel's calls, oldest first, cancelled ones included. */
  list(platform: PostPlatform, channelId: string): Call[];
  /** Calls the scheduler may have to settle: not withdrawn, deadline on or before `through`, no final settlement post. */
  listSettling(through: IsoDate): Call[];
  /** Withdraws a call that is not already withdrawn; false when it was. */
  cancel(id: string, by: string, at: number): boolean;
};

const PLACEHOLDERS = Array(CALL_COLUMN_COUNT).fill('?').join(', ');
const SETTLING = SETTLING_WHERE.replace('{through}', '?');

export function createCallStore(db: Db): CallStore {
  const insert = db.prepare(`INSERT INTO calls (${CALL_COLUMNS}) VALUES (${PLACEHOLDERS})`);
  const selectOne = db.prepare<[string], CallRow>('SELECT * FROM calls WHERE id = ?');
  const selectChannel = db.prepare<[string, string], CallRow>('SELECT * FROM calls WHERE platform = ? AND channel_id = ? ORDER BY made_at, id');
  const selectSettling = db.prepare<[string], CallRow>(`SELECT c.* FROM calls c WHERE ${SETTLING} ORDER BY c.deadline, c.made_at, c.id`);
  const cancel = db.prepare('UPDATE calls SET cancelled_by = ?, cancelled_at = ? WHERE id = ? AND cancelled_at IS NULL');
  return {
    add: (call) => void insert.run(...callValues(call)),
    get: (id) => {
      const row = selectOne.get(id);
      return row && callFromRow(row);
    },
    list: (platform, channelId) => selectChannel.all(platform, channelId).map(callFromRow),
    listSettling: (through) => selectSettling.all(through).map(callFromRow),
    cancel: (id, by, at) => cancel.run(by, at, id).changes === 1,
  };
}
