import path from 'node:path';
import { readFileSync } from 'node:fs';
import { COMMANDS } from '../commands/index.ts';
import { runText } from '../commands/dispatch.ts';
import type { CommandContext, Services } from '../commands/context.ts';
import { loadConfig } from '../core/config.ts';
import { createServices } from '../bots/services.ts';
import { createCsvFolderProvider } from '../core/data/csv-folder-provider.ts';
import { createCachedMarketData } from '../core/data/cached-market-data.ts';
import { openSqliteStore } from '../core/store/sqlite-store.ts';
import { parsePriceCsv } from '../core/data/parse-price-csv.ts';
import { compareLegs } from '../core/market/compare.ts';
import { parsePeriod } from '../core/market/period.ts';
import { instrument } from '../core/market/universe.ts';
import { ms, peakRssMb, timeMany, verdict } from './stats.ts';

const DATA = path.resolve(import.meta.dirname, '../../shared/market-data');

/**
 * The market engine alone on about 30 years of daily closes (SPY from 1993, IWM from 2000, ^GSPC
 * from 1996). Warm: the same series as the previous call, as in the bot, whose cache hands out the
 * same arrays until data refreshes. Cold: new arrays every call.
 */
export async function benchEngine() {
  const load = (f: string) => parsePriceCsv(readFileSync(path.join(DATA, `${f}.csv`), 'utf8'), f).bars;
  const legs = [
    { instrument: instrument('IWM', 'small'), bars: load('IWM') },
    { instrument: instrument('SPY', 'large'), bars: load('SPY') },
    { instrument: instrument('^GSPC', 'large'), bars: load('GSPC').filter((b) => b.date >= '1996-01-01') },
  ];
  const ytd = parsePeriod('ytd');
  const max = parsePeriod('max');
  for (let i = 0; i < 50; i++) compareLegs(legs, ytd, '2026-08-21', 'price');
  // Cold: every call gets new series arrays, so nothing derived from them is reused.
  const fresh = () => legs.map((l) => ({ ...l, bars: l.bars.slice() }));
  const coldInputs = Array.from({ length: 300 }, fresh);
  let k = 0;
  return {
    ytd: await timeMany(500, () => compareLegs(legs, ytd, '2026-08-21', 'price')),
    max: await timeMany(500, () => compareLegs(legs, max, '2026-08-21', 'price')),
    ytdCold: await timeMany(300, () => compareLegs(coldInputs[k++]!, ytd, '2026-08-21', 'price')),
  };
}

/**
 * `/smallcaps ytd` through the dispatcher with a warm SQLite cache (the CSV folder stands in for
 * Yahoo behind the same cache), with the chart rendered by the pool, and with a renderer that
 * draws nothing, to separate the chart's cost.
 */
export async function benchSmallcaps() {
  const config = loadConfig({ ROTATION_AS_OF: '2026-01-20', ROTATION_DB_PATH: ':memory:', ROTATION_OUT_DIR: '/tmp/rotation-bench' }, {});
  const running = createServices(config);
  const market = createCachedMarketData({ provider: createCsvFolderProvider(DATA), store: openSqliteStore(':memory:').prices, ttlMs: 3_600_000 });
  const withChart: Services = { ...running.services, market };
  const noChart: Services = { ...withChart, charts: { render: async () => ({ png: new Uint8Array(), width: 0, height: 0, alt: '' }) } };
  const ctx = (services: Services): CommandContext => ({ locale: 'en', services, platform: 'console', userId: 'bench', commandPrefix: '/' });
  const log = () => {};
  const ask = async (services: Services) => {
    const outcome = await runText(COMMANDS, '/smallcaps ytd', ctx(services), log);
    if (!outcome.ok) throw new Error('bench command failed');
  };
  for (let i = 0; i < 20; i++) await ask(withChart);
  const result = { noChart: await timeMany(300, () => ask(noChart)), withChart: await timeMany(200, () => ask(withChart)) };
  await running.close();
  return result;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const engine = await benchEngine();
  const command = await benchSmallcaps();
  console.log(`engine ytd p50 ${ms(engine.ytd.p50)} p99 ${ms(engine.ytd.p99)}; max p50 ${ms(engine.max.p50)}`);
  console.log(`smallcaps no chart p50 ${ms(command.noChart.p50)} p99 ${ms(command.noChart.p99)} [${verdict(command.noChart.p99, 20)}]`);
  console.log(`smallcaps with chart p50 ${ms(command.withChart.p50)} p99 ${ms(command.withChart.p99)} [${verdict(command.withChart.p99, 120)}]`);
  console.log(`peak RSS ${peakRssMb().toFixed(0)} MB`);
}
