import { loadConfig } from '../../core/config.ts';
import { createServices } from '../../bots/services.ts';
import type { CommandContext } from '../../commands/context.ts';
import type { Locale } from '../../core/i18n/locale.ts';
import { MARKET_DATA_DIR } from './market-data.ts';

/** Real services over ../shared/market-data at a fixed as-of, with an in-memory database. */
export function realServices(asOf = '2026-01-20', extra: Record<string, string> = {}) {
  return createServices(loadConfig({ ROTATION_DATA_DIR: MARKET_DATA_DIR, ROTATION_AS_OF: asOf, ROTATION_DB_PATH: ':memory:', ROTATION_RENDER_POOL_SIZE: '1', ...extra }, {}));
}

export function consoleContext(running: ReturnType<typeof realServices>, locale: Locale = 'en'): CommandContext {
  return { locale, services: running.services, platform: 'console', userId: 'test', commandPrefix: '/' };
}

export const noLog = () => {};
