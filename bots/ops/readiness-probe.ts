import type { Services } from '../../commands/context.ts';
import type { Db } from '../../core/store/open-database.ts';
import type { Readiness, ReadinessState } from '../../core/ops/readiness.ts';
import { readiness } from '../../core/ops/readiness.ts';
import { overdueHours } from '../../core/ops/data-age.ts';
import { zonedDateTimeToUtc } from '../../core/calendar/index.ts';
import type { InflightTracker } from '../../core/ops/inflight.ts';

/** What an adapter tells the probe. */
export type ProbedAdapter = { readonly name: string; connected(): boolean };

export type ProbeDeps = {
  readonly services: Services;
  readonly db: Pick<Db, 'open'>;
  /** Read on every probe: adapters start one after another. */
  readonly adapters: () => readonly ProbedAdapter[];
  /** Not accepting commands means shutting down. */
  readonly inflight?: Pick<InflightTracker, 'accepting'> | undefined;
  /** Longest the data check may take (a refresh from the provider may be due). */
  readonly dataBudgetMs?: number;
};

async function dataState(services: Services, budgetMs: number): Promise<ReadinessState['data']> {
  const symbol = services.universe.etf.small[0]?.symbol;
  if (!symbol) return { error: 'no small-cap symbol is configured' };
  let timer: NodeJS.Timeout | undefined;
  try {
    const series = await Promise.race([
      services.market.getDaily(symbol),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no prices for ${symbol} within ${budgetMs} ms`)), budgetMs);
      }),
    ]);
    const today = services.today();
    const last = series.bars.findLast((b) => b.date <= today)?.date;
    if (!last) return { error: `no prices for ${symbol} on or before ${today}` };
    // With ROTATION_AS_OF the bot answers as of that day's end, so the data's age is judged then.
    const now = services.config.ROTATION_AS_OF ? zonedDateTimeToUtc(today, '23:59', 'America/New_York') : services.now();
    return { symbol, lastDate: last, overdueHours: overdueHours(last, now) };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  } finally {
    clearTimeout(timer);
  }
}

/** Gathers the readiness facts (adapters, database, data age, shutdown) and judges them. */
export function createReadinessProbe({ services, db, adapters, inflight, dataBudgetMs = 3_000 }: ProbeDeps): () => Promise<Readiness> {
  return async () =>
    readiness({
      shuttingDown: inflight ? !inflight.accepting : false,
      adapters: adapters().map((a) => ({ name: a.name, connected: a.connected() })),
      database: { open: db.open },
      data: await dataState(services, dataBudgetMs),
      maxDataAgeHours: services.config.ROTATION_READY_MAX_DATA_AGE_HOURS,
    });
}
