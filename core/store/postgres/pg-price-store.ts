import type { Pool } from 'pg';
import type { Bar } from '../../market/types.ts';
import type { PriceStore } from '../price-store.ts';
import type { Async } from '../store.ts';
import { LOCK_SPACE, run, statement, transaction } from './pg-pool.ts';

const SELECT_BARS = statement('prices_bars', 'SELECT date, close, adjclose FROM prices WHERE symbol = $1 ORDER BY date');
const SELECT_STATE = statement(
  'prices_state',
  'SELECT f.fetched_at, (SELECT MAX(date) FROM prices p WHERE p.symbol = f.symbol) AS last_date FROM fetch_state f WHERE f.symbol = $1 AND f.provider = $2',
);
const SELECT_ADJ = statement('prices_adj', 'SELECT adjclose FROM prices WHERE symbol = $1 AND date = $2');
const RESCALE = statement('prices_rescale', 'UPDATE prices SET adjclose = adjclose * $1 WHERE symbol = $2 AND date < $3 AND adjclose IS NOT NULL');
const UPSERT_MANY = statement(
  'prices_upsert',
  `INSERT INTO prices (symbol, date, close, adjclose, provider, fetched_at)
   SELECT $1, b.date, b.close, b.adjclose, $2, $3 FROM unnest($4::text[], $5::float8[], $6::float8[]) AS b(date, close, adjclose)
   ON CONFLICT (symbol, date) DO UPDATE SET close = excluded.close, adjclose = excluded.adjclose, provider = excluded.provider, fetched_at = excluded.fetched_at`,
);
const SAVE_STATE = statement(
  'prices_save_state',
  'INSERT INTO fetch_state (symbol, provider, fetched_at) VALUES ($1, $2, $3) ON CONFLICT (symbol, provider) DO UPDATE SET fetched_at = excluded.fetched_at',
);
const LOCK_SYMBOL = statement('prices_lock', 'SELECT pg_advisory_xact_lock($1, hashtext($2))');

/** The price cache on PostgreSQL, with SQLite's rules: closed sessions stay, a dividend rescales older adjusted closes once. */
export function createPgPriceStore(pool: Pool): Async<PriceStore> {
  return {
    async bars(symbol) {
      const { rows } = await run<{ date: string; close: number; adjclose: number | null }>(pool, SELECT_BARS, [symbol]);
      return rows.map((r) => (r.adjclose === null ? { date: r.date, close: r.close } : { date: r.date, close: r.close, adjClose: r.adjclose }));
    },
    async lastFetch(symbol, provider) {
      const { rows } = await run<{ fetched_at: number; last_date: string | null }>(pool, SELECT_STATE, [symbol, provider]);
      const row = rows[0];
      return row ? { fetchedAt: row.fetched_at, lastDate: row.last_date ?? undefined } : undefined;
    },
    async saveRefresh(symbol, provider, bars, from, fetchedAt) {
      await transaction(pool, async (client) => {
        // Two instances refreshing one symbol at once would otherwise both see the old anchor and rescale twice.
        await run(client, LOCK_SYMBOL, [LOCK_SPACE, `prices:${symbol}`]);
        const fresh: readonly Bar[] = from === undefined ? bars : bars.filter((b) => b.date >= from);
        const anchor = fresh.find((b) => b.adjClose !== undefined);
        if (from !== undefined && anchor?.adjClose !== undefined) {
          const old = (await run<{ adjclose: number | null }>(client, SELECT_ADJ, [symbol, anchor.date])).rows[0]?.adjclose;
          if (old && Math.abs(anchor.adjClose / old - 1) > 1e-9) await run(client, RESCALE, [anchor.adjClose / old, symbol, from]);
        }
        if (fresh.length) {
          await run(client, UPSERT_MANY, [symbol, provider, fetchedAt, fresh.map((b) => b.date), fresh.map((b) => b.close), fresh.map((b) => b.adjClose ?? null)]);
        }
        await run(client, SAVE_STATE, [symbol, provider, fetchedAt]);
      });
    },
  };
}
