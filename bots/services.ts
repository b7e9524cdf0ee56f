import type { Config } from '../core/config.ts';
import type { Services } from '../commands/context.ts';
import type { Db } from '../core/store/open-database.ts';
import { openDatabase } from '../core/store/open-database.ts';
import { createPriceStore } from '../core/store/price-store.ts';
import { createCsvFolderProvider } from '../core/data/csv-folder-provider.ts';
import { createYahooProvider } from '../core/data/yahoo-provider.ts';
import { createCachedMarketData, createDirectMarketData } from '../core/data/cached-market-data.ts';
import { buildUniverse } from '../core/market/universe.ts';
import { createRenderPool } from '../core/charts/render-pool.ts';
import { todayFn } from '../core/today.ts';

export type Running = { readonly services: Services; readonly db: Db; close(): Promise<void> };

export type ServiceOverrides = { readonly fetch?: typeof fetch };

/** Builds what every adapter shares: data with its cache, the render pool, the universe, "today". */
export function createServices(config: Config, overrides: ServiceOverrides = {}): Running {
  const db = openDatabase(config.ROTATION_DB_PATH);
  const market = config.ROTATION_DATA_DIR
    ? createDirectMarketData(createCsvFolderProvider(config.ROTATION_DATA_DIR))
    : createCachedMarketData({
        provider: createYahooProvider({ timeoutMs: config.ROTATION_FETCH_TIMEOUT_MS, ...(overrides.fetch ? { fetch: overrides.fetch } : {}) }),
        store: createPriceStore(db),
        ttlMs: config.ROTATION_CACHE_TTL_MINUTES * 60_000,
      });
  const charts = createRenderPool({ size: config.ROTATION_RENDER_POOL_SIZE, timeoutMs: config.ROTATION_RENDER_TIMEOUT_MS });
  const services: Services = {
    config,
    market,
    universe: buildUniverse({ small: config.ROTATION_SMALL, large: config.ROTATION_LARGE, smallIndex: config.ROTATION_SMALL_INDEX, largeIndex: config.ROTATION_LARGE_INDEX }),
    charts,
    today: todayFn(config.ROTATION_AS_OF),
  };
  return {
    services,
    db,
    async close() {
      await charts.close();
      db.close();
    },
  };
}
