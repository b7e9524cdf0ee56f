import type { Store } from '../store.ts';
import type { TokenCipher } from '../token-cipher.ts';
import { describeUrl, openPool } from './pg-pool.ts';
import { createPgPriceStore } from './pg-price-store.ts';
import { createPgSubscriptionStore } from './pg-subscription-store.ts';
import { createPgPostLedger } from './pg-post-ledger.ts';
import { createPgCallStore } from './pg-call-store.ts';
import { createPgInstallationStore } from './pg-installation-store.ts';

export type PostgresStoreOptions = {
  readonly poolSize: number;
  readonly cipher?: TokenCipher;
  readonly connectTimeoutMs?: number;
};

/** Connects, migrates (once across instances) and returns the PostgreSQL engine. */
export async function openPostgresStore(url: string, options: PostgresStoreOptions): Promise<Store & { readonly engine: 'postgres' }> {
  const pool = await openPool(url, { size: options.poolSize, ...(options.connectTimeoutMs ? { connectTimeoutMs: options.connectTimeoutMs } : {}) });
  let closed = false;
  return {
    engine: 'postgres',
    location: describeUrl(url),
    prices: createPgPriceStore(pool),
    subscriptions: createPgSubscriptionStore(pool),
    ledger: createPgPostLedger(pool),
    calls: createPgCallStore(pool),
    installations: createPgInstallationStore(pool, options.cipher),
    async close() {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
}
