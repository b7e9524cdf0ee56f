import type { Pool } from 'pg';
import type { CallStore } from '../call-store.ts';
import type { Async } from '../store.ts';
import type { CallRow } from '../call-row.ts';
import { CALL_COLUMN_COUNT, CALL_COLUMNS, SETTLING_WHERE, callFromRow, callValues } from '../call-row.ts';
import { run, statement } from './pg-pool.ts';

const PLACEHOLDERS = Array.from({ length: CALL_COLUMN_COUNT }, (_, k) => `$${k + 1}`).join(', ');
const SETTLING = SETTLING_WHERE.replace('{through}', '$1');

const INSERT = statement('calls_add', `INSERT INTO calls (${CALL_COLUMNS}) VALUES (${PLACEHOLDERS})`);
const SELECT_ONE = statement('calls_get', 'SELECT * FROM calls WHERE id = $1');
const SELECT_CHANNEL = statement('calls_list', 'SELECT * FROM calls WHERE platform = $1 AND channel_id = $2 ORDER BY made_at, id');
const SELECT_SETTLING = statement('calls_settling', `SELECT c.* FROM calls c WHERE ${SETTLING} ORDER BY c.deadline, c.made_at, c.id`);
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
    async listSettling(through) {
      return (await run<CallRow>(pool, SELECT_SETTLING, [through])).rows.map(callFromRow);
    },
    async cancel(id, by, at) {
      return ((await run(pool, CANCEL, [by, at, id])).rowCount ?? 0) === 1;
    },
  };
}
