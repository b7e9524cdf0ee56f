import path from 'node:path';
import { ASSETS_DIR } from '../core/runtime/module-paths.ts';
import type { Config } from '../core/config.ts';
import type { Services } from '../commands/context.ts';
import type { Db } from '../core/store/open-database.ts';
import type { Store } from '../core/store/store.ts';
import { isSqliteStore, openSqliteStore } from '../core/store/sqlite-store.ts';
import { cipherFrom, isPostgresUrl, openStore } from '../core/store/open-store.ts';
import { createCsvFolderProvider } from '../core/data/csv-folder-provider.ts';
import { createYahooProvider } from '../core/data/yahoo-provider.ts';
import { createCachedMarketData, createDirectMarketData } from '../core/data/cached-market-data.ts';
import { createFredProvider } from '../core/data/fred-provider.ts';
import { createCsvMacroProvider } from '../core/data/csv-macro-provider.ts';
import { memoizeMacro } from '../core/data/memoize-macro.ts';
import { buildUniverse } from '../core/market/universe.ts';
import { createRenderPool } from '../core/charts/render-pool.ts';
import type { Logger } from '../core/logger.ts';
import { createCircuitBreaker } from '../core/data/circuit-breaker.ts';
import type { CircuitBreaker } from '../core/data/circuit-breaker.ts';
import { resilientProvider } from '../core/data/resilient-provider.ts';
import type { RetryEvent } from '../core/data/resilient-provider.ts';
import { resilientFetch } from '../core/data/resilient-fetch.ts';
import { DEFAULT_RETRY_POLICY } from '../core/data/retry-policy.ts';
import { todayFn } from '../core/today.ts';
import { isSampleData } from '../core/data/sample-data.ts';
import { sampleDataParts } from './sample-data-parts.ts';
import type { DataParts } from './sample-data-parts.ts';
import { loadGlossary } from '../core/glossary/load.ts';
import { createGlossaryIndex } from '../core/glossary/glossary-index.ts';

const GLOSSARY_DIR = path.join(ASSETS_DIR, 'glossary');

export type Running = {
  readonly services: Services;
  /** The SQLite handle, or for PostgreSQL an object whose `open` says whether the pool is. */
  readonly db: Pick<Db, 'open'>;
  /** Prices, subscriptions, the post ledger and Slack installations on the configured engine. */
  readonly store: Store;
  /** Circuit breakers of the network providers, by provider id (none with a CSV folder). */
  readonly breakers: ReadonlyMap<string, CircuitBreaker>;
  close(): Promise<void>;
};

export type ServiceOverrides = { readonly fetch?: typeof fetch; readonly log?: Logger; readonly store?: Store };

const abortableSleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });

/** Builds what every adapter shares: data with its cache, the render pool, the universe, the glossary, "today". */
export function createServices(config: Config, overrides: ServiceOverrides = {}): Running {
  // First: broken glossary content fails start-up before anything needs closing.
  const glossary = createGlossaryIndex(loadGlossary(GLOSSARY_DIR));
  const store = overrides.store ?? openSqliteStore(config.ROTATION_DB_PATH, cipherFrom(config.ROTATION_ENCRYPTION_KEY));
  let storeOpen = true;
  const db: Pick<Db, 'open'> = isSqliteStore(store) ? store.db : { get open() { return storeOpen; } };
  const log = overrides.log;
  const policy = { ...DEFAULT_RETRY_POLICY, retries: config.ROTATION_FETCH_RETRIES };
  const breakers = new Map<string, CircuitBreaker>();
  const breakerFor = (provider: string) => {
    const breaker = createCircuitBreaker({
      failureThreshold: config.ROTATION_BREAKER_FAILURES,
      coolDownMs: config.ROTATION_BREAKER_COOLDOWN_SECONDS * 1000,
      now: Date.now,
      onChange: (state, failures) => log?.warn({ provider, state, failures }, `${provider} circuit ${state}`),
    });
    breakers.set(provider, breaker);
    return breaker;
  };
  const resilience = (provider: string) => ({
    policy,
    breaker: breakerFor(provider),
    now: Date.now,
    sleep: abortableSleep,
    random: Math.random,
    onRetry: (event: RetryEvent) => log?.info({ ...event }, 'retrying a provider request'),
  });
  const data: DataParts = isSampleData(config.ROTATION_DATA_DIR)
    ? sampleDataParts(config)
    : config.ROTATION_DATA_DIR
      ? {
          market: createDirectMarketData(createCsvFolderProvider(config.ROTATION_DATA_DIR)),
          macro: createCsvMacroProvider(config.ROTATION_DATA_DIR),
          today: todayFn(config.ROTATION_AS_OF),
        }
      : {
          market: createCachedMarketData({
            provider: resilientProvider(
              createYahooProvider({ timeoutMs: config.ROTATION_FETCH_TIMEOUT_MS, ...(overrides.fetch ? { fetch: overrides.fetch } : {}) }),
              resilience('yahoo'),
            ),
            store: store.prices,
            ttlMs: config.ROTATION_CACHE_TTL_MINUTES * 60_000,
          }),
          macro: memoizeMacro(
            createFredProvider({
              timeoutMs: config.ROTATION_FETCH_TIMEOUT_MS,
              ...(config.FRED_API_KEY ? { apiKey: config.FRED_API_KEY } : {}),
              ...(config.FRED_API_URL ? { apiBase: config.FRED_API_URL.replace(/\/+$/, '') } : {}),
              ...(config.FRED_GRAPH_URL ? { graphBase: config.FRED_GRAPH_URL.replace(/\/+$/, '') } : {}),
              fetch: resilientFetch(overrides.fetch ?? fetch, { name: 'fred', subjectOf: (url) => url.searchParams.get('series_id') ?? '', ...resilience('fred') }),
            }),
            config.ROTATION_CACHE_TTL_MINUTES * 60_000,
          ),
          today: todayFn(config.ROTATION_AS_OF),
        };
  const charts = createRenderPool({ size: config.ROTATION_RENDER_POOL_SIZE, timeoutMs: config.ROTATION_RENDER_TIMEOUT_MS });
  const services: Services = {
    config,
    ...data,
    universe: buildUniverse({ small: config.ROTATION_SMALL, large: config.ROTATION_LARGE, smallIndex: config.ROTATION_SMALL_INDEX, largeIndex: config.ROTATION_LARGE_INDEX }),
    charts,
    glossary,
    subscriptions: store.subscriptions,
    postLedger: store.ledger,
    calls: store.calls,
    now: () => new Date(),
  };
  return {
    services,
    db,
    store,
    breakers,
    async close() {
      await charts.close();
      storeOpen = false;
      await store.close();
    },
  };
}

/**
 * `createServices` on the engine the settings pick: PostgreSQL when DATABASE_URL names one (connected
 * and migrated first; unreachable fails here, naming the host), otherwise the SQLite file.
 */
export async function startServices(config: Config, overrides: ServiceOverrides = {}): Promise<Running> {
  if (overrides.store || !isPostgresUrl(config.DATABASE_URL)) return createServices(config, overrides);
  const store = await openStore(config);
  try {
    return createServices(config, { ...overrides, store });
  } catch (error) {
    await store.close();
    throw error;
  }
}
