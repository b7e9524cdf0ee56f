import path from 'node:path';
import type { Config } from '../core/config.ts';
import type { Services } from '../commands/context.ts';
import type { Db } from '../core/store/open-database.ts';
import { openDatabase } from '../core/store/open-database.ts';
import { createPriceStore } from '../core/store/price-store.ts';
import { createSubscriptionStore } from '../core/store/subscription-store.ts';
import { createPostLedger } from '../core/store/post-ledger.ts';
import { createCsvFolderProvider } from '../core/data/csv-folder-provider.ts';
import { createYahooProvider } from '../core/data/yahoo-provider.ts';
import { createCachedMarketData, createDirectMarketData } from '../core/data/cached-market-data.ts';
import { createFredProvider } from '../core/data/fred-provider.ts';
import { createCsvMacroProvider } from '../core/data/csv-macro-provider.ts';
import { memoizeMacro } from '../core/data/memoize-macro.ts';
import { buildUniverse } from '../core/market/universe.ts';
import { createRenderPool } from '../core/charts/render-pool.ts';
import { todayFn } from '../core/today.ts';
import { loadGlossary } from '../core/glossary/load.ts';
import { createGlossaryIndex } from '../core/glossary/glossary-index.ts';

const GLOSSARY_DIR = path.resolve(import.meta.dirname, '../assets/glossary');

export type Running = { readonly services: Services; readonly db: Db; close(): Promise<void> };

export type ServiceOverrides = { readonly fetch?: typeof fetch };

/** Builds what every adapter shares: data with its cache, the render pool, the universe, the glossary, "today". */
export function createServices(config: Config, overrides: ServiceOverrides = {}): Running {
  // First: broken glossary content fails start-up before anything needs closing.
  const glossary = createGlossaryIndex(loadGlossary(GLOSSARY_DIR));
  const db = openDatabase(config.ROTATION_DB_PATH);
  const market = config.ROTATION_DATA_DIR
    ? createDirectMarketData(createCsvFolderProvider(config.ROTATION_DATA_DIR))
    : createCachedMarketData({
        provider: createYahooProvider({ timeoutMs: config.ROTATION_FETCH_TIMEOUT_MS, ...(overrides.fetch ? { fetch: overrides.fetch } : {}) }),
        store: createPriceStore(db),
        ttlMs: config.ROTATION_CACHE_TTL_MINUTES * 60_000,
      });
  const macro = config.ROTATION_DATA_DIR
    ? createCsvMacroProvider(config.ROTATION_DATA_DIR)
    : memoizeMacro(
        createFredProvider({ timeoutMs: config.ROTATION_FETCH_TIMEOUT_MS, ...(config.FRED_API_KEY ? { apiKey: config.FRED_API_KEY } : {}), ...(overrides.fetch ? { fetch: overrides.fetch } : {}) }),
        config.ROTATION_CACHE_TTL_MINUTES * 60_000,
      );
  const charts = createRenderPool({ size: config.ROTATION_RENDER_POOL_SIZE, timeoutMs: config.ROTATION_RENDER_TIMEOUT_MS });
  const services: Services = {
    config,
    market,
    macro,
    universe: buildUniverse({ small: config.ROTATION_SMALL, large: config.ROTATION_LARGE, smallIndex: config.ROTATION_SMALL_INDEX, largeIndex: config.ROTATION_LARGE_INDEX }),
    charts,
    glossary,
    today: todayFn(config.ROTATION_AS_OF),
    subscriptions: createSubscriptionStore(db),
    postLedger: createPostLedger(db),
    now: () => new Date(),
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
