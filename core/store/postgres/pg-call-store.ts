import type { Pool } from 'pg';
import type { CallStore } from '../call-store.ts';
import type { Async } from '../store.ts';
import type { CallRow } from '../call-row.ts';
import { CALL_COLUMNS, callFromRow, callValues } from '../call-row.ts';
import { run, statement } from './pg-pool.ts';

const INSERT = statement('calls_add', `INSERT INTO calls (${CALL_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`);
const SELECT_ONE = statement('calls_get', 'SELECT * FROM calls WHERE id = $1');
const SELECT_CHANNEL = statement('calls_list', 'SELECT * FROM calls WHERE platform = $1 AND channel_id = $2 ORDER BY made_at, id');
const SELECT_ACTIVE = statement('calls_active', 'SELECT * FROM calls WHERE cancelled_at IS NULL ORDER BY made_at, id');
const CANCEL = statement('calls_cancel', 'UPDATE calls SET cancelled_by = $1, cancelled_at = $2 WHERE id = $3 AND cancelled_at IS NULL');

export function createPgCallStore(pool: Pool): Async<CallStore> {
  return {
    async add(call) {
      await run(pool, INSERT, callValues(call));
    },
    async get(id) {
      const row = (await run<CallRow>(pool, SELECT_ONE, [id])).rows[0];
      return row && callFromRow(row);
    },
    async list(platform, channelId) {
      return (await run<CallRow>(pool, SELECT_CHANNEL, [platform, channelId])).rows.map(callFromRow);
    },
    async listActive() {
      return (await run<CallRow>(pool, SELECT_ACTIVE)).rows.map(callFromRow);
    },
    async cancel(id, by, at) {
      return ((await run(pool, CANCEL, [by, at, id])).rowCount ?? 0) === 1;
    },
  };
}
