import type { Db } from './open-database.ts';
import type { Bar, IsoDate } from '../market/types.ts';

export type PriceStore = {
  bars(symbol: string): Bar[];
  lastFetch(symbol: string, provider: string): { fetchedAt: number; lastDate: IsoDate | undefined } | undefined;
  /**
   * Stores a refresh. Sessions before `from` are closed and never rewritten; only when the
   * provider's adjusted closes moved (a new dividend) are the older adjusted closes rescaled
   * by the same factor, so total returns stay continuous.
   */
  saveRefresh(symbol: string, provider: string, bars: readonly Bar[], from: IsoDate | undefined, fetchedAt: number): void;
};

type Row = { date: string; close: number; adjclose: number | null };

export function createPriceStore(db: Db): PriceStore {
  const selectBars = db.prepare<[string], Row>('SELECT date, close, adjclose FROM prices WHERE symbol = ? ORDER BY date');
  const selectState = db.prepare<[string, string], { fetched_at: number; last_date: string | null }>(
    'SELECT f.fetched_at, (SELECT MAX(date) FROM prices p WHERE p.symbol = f.symbol) AS last_date FROM fetch_state f WHERE f.symbol = ? AND f.provider = ?',
  );
  const selectAdj = db.prepare<[string, string], { adjclose: number | null }>('SELECT adjclose FROM prices WHERE symbol = ? AND date = ?');
  const upsert = db.prepare(
    `INSERT INTO prices (symbol, date, close, adjclose, provider, fetched_at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (symbol, date) DO UPDATE SET close = excluded.close, adjclose = excluded.adjclose, provider = excluded.provider, fetched_at = excluded.fetched_at`,
  );
  const rescale = db.prepare('UPDATE prices SET adjclose = adjclose * ? WHERE symbol = ? AND date < ? AND adjclose IS NOT NULL');
  const saveState = db.prepare(
    'INSERT INTO fetch_state (symbol, provider, fetched_at) VALUES (?, ?, ?) ON CONFLICT (symbol, provider) DO UPDATE SET fetched_at = excluded.fetched_at',
  );

  const saveRefresh = db.transaction((symbol: string, provider: string, bars: readonly Bar[], from: IsoDate | undefined, fetchedAt: number) => {
    const fresh = from === undefined ? bars : bars.filter((b) => b.date >= from);
    const anchor = fresh.find((b) => b.adjClose !== undefined);
    if (from !== undefined && anchor?.adjClose !== undefined) {
      const old = selectAdj.get(symbol, anchor.date)?.adjclose;
      if (old && Math.abs(anchor.adjClose / old - 1) > 1e-9) rescale.run(anchor.adjClose / old, symbol, from);
    }
    for (const b of fresh) upsert.run(symbol, b.date, b.close, b.adjClose ?? null, provider, fetchedAt);
    saveState.run(symbol, provider, fetchedAt);
  });

  return {
    bars: (symbol) =>
      selectBars.all(symbol).map((r) => (r.adjclose === null ? { date: r.date, close: r.close } : { date: r.date, close: r.close, adjClose: r.adjclose })),
    lastFetch: (symbol, provider) => {
      const row = selectState.get(symbol, provider);
      return row ? { fetchedAt: row.fetched_at, lastDate: row.last_date ?? undefined } : undefined;
    },
    saveRefresh: (symbol, provider, bars, from, fetchedAt) => saveRefresh(symbol, provider, bars, from, fetchedAt),
  };
}
