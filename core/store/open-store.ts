import type { Store } from './store.ts';
import type { TokenCipher } from './token-cipher.ts';
import { openSqliteStore } from './sqlite-store.ts';
import { createTokenCipher, parseEncryptionKey } from './token-cipher.ts';

export type StoreSettings = {
  readonly DATABASE_URL?: string | undefined;
  readonly DATABASE_POOL_SIZE: number;
  readonly ROTATION_DB_PATH: string;
  readonly ROTATION_ENCRYPTION_KEY?: string | undefined;
};

/** The cipher for Slack tokens at rest, or undefined when no key is set (storing installations then fails, naming the setting). */
export function cipherFrom(encryptionKey: string | undefined): TokenCipher | undefined {
  if (!encryptionKey) return undefined;
  const key = parseEncryptionKey(encryptionKey);
  if (!key) throw new Error('ROTATION_ENCRYPTION_KEY: expected 32 bytes as base64 or 64 hex digits');
  return createTokenCipher(key);
}

export const isPostgresUrl = (url: string | undefined): url is string => url !== undefined && /^postgres(ql)?:\/\//i.test(url);

/** PostgreSQL when DATABASE_URL names one, otherwise the SQLite file at ROTATION_DB_PATH. */
export async function openStore(settings: StoreSettings): Promise<Store> {
  const cipher = cipherFrom(settings.ROTATION_ENCRYPTION_KEY);
  if (isPostgresUrl(settings.DATABASE_URL)) {
    // pg is loaded only for PostgreSQL.
    const { openPostgresStore } = await import('./postgres/postgres-store.ts');
    return openPostgresStore(settings.DATABASE_URL, { poolSize: settings.DATABASE_POOL_SIZE, ...(cipher ? { cipher } : {}) });
  }
  return openSqliteStore(settings.ROTATION_DB_PATH, cipher);
}
