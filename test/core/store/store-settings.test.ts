import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../core/config.ts';
import { createTokenCipher, parseEncryptionKey } from '../../../core/store/token-cipher.ts';
import { openStore } from '../../../core/store/open-store.ts';

describe('database settings', () => {
  it('defaults to SQLite with a pool of 10 for PostgreSQL', async () => {
    const c = loadConfig({}, {});
    expect(c.DATABASE_URL).toBeUndefined();
    expect(c.DATABASE_POOL_SIZE).toBe(10);
    const store = await openStore({ ...c, ROTATION_DB_PATH: ':memory:' });
    expect(store.engine).toBe('sqlite');
    await store.close();
  });

  it('rejects a DATABASE_URL that is not postgres:// and a key that is not 32 bytes, naming each', () => {
    expect(() => loadConfig({}, { DATABASE_URL: 'mysql://x@y/z', ROTATION_ENCRYPTION_KEY: 'c2hvcnQ=' })).toThrow(/DATABASE_URL: .*\n.*ROTATION_ENCRYPTION_KEY: /);
  });

  it('accepts the key as 64 hex digits or as base64', () => {
    const key = randomBytes(32);
    expect(parseEncryptionKey(key.toString('hex'))).toEqual(key);
    expect(parseEncryptionKey(key.toString('base64'))).toEqual(key);
    expect(parseEncryptionKey(randomBytes(16).toString('base64'))).toBeUndefined();
  });
});

describe('token cipher', () => {
  const cipher = createTokenCipher(randomBytes(32));

  it('opens what it sealed, and seals the same text differently each time', () => {
    const a = cipher.seal('xoxb-1', 'T:T1');
    expect(cipher.open(a, 'T:T1')).toBe('xoxb-1');
    expect(cipher.seal('xoxb-1', 'T:T1')).not.toBe(a);
  });

  it('refuses a sealed value moved to another installation, tampered with, or sealed under another key', () => {
    const sealed = cipher.seal('xoxb-1', 'T:T1');
    expect(() => cipher.open(sealed, 'T:T2')).toThrow();
    const parts = sealed.split('.');
    parts[3] = Buffer.from('tampered').toString('base64url');
    expect(() => cipher.open(parts.join('.'), 'T:T1')).toThrow();
    expect(() => createTokenCipher(randomBytes(32)).open(sealed, 'T:T1')).toThrow();
  });
});
