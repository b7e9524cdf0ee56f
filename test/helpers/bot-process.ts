import { MARKET_DATA_DIR } from './market-data.ts';

/**
 * The environment of a bot started as a child process in a test: the sample data as of Jan 20, 2026,
 * an in-memory database and one render worker, plus the platform settings a test adds.
 */
export function botProcessEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    ROTATION_DATA_DIR: MARKET_DATA_DIR,
    ROTATION_AS_OF: '2026-01-20',
    ROTATION_DB_PATH: ':memory:',
    ROTATION_RENDER_POOL_SIZE: '1',
    ...extra,
  };
}
