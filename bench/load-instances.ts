import os from 'node:os';
import { mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { environmentSettings, loadConfig } from '../core/config.ts';
import { startTestPostgres } from '../test/helpers/postgres.ts';
import { freePort } from '../test/helpers/free-port.ts';
import { MARKET_DATA_DIR } from '../test/helpers/market-data.ts';
import { closeSide, startSide } from './load/side-worker.ts';
import { slackTraffic } from './load/slack-traffic.ts';
import { startBotInstance } from './load/bot-instance.ts';
import type { BotInstance } from './load/bot-instance.ts';
import { runConfiguration } from './load/run-configuration.ts';
import { printComparison } from './load/instances-report.ts';
import type { ConfigurationResult } from './load/instances-report.ts';
import { createTeardown } from './load/teardown.ts';

/**
 * `npm run bench:load:instances`: the same Slack load against one bot instance, then against two,
 * each a real `node dist/bots/main.js` process (as `npm start` runs it) on one throwaway PostgreSQL, the load
 * generator spreading requests over the instances in turn as a load balancer would. Slack only:
 * Discord cannot run twice on one token without sharding. Each configuration: a warm-up, a burst
 * of 200 commands within 1 s, then 20 commands/s for 30 s. Then PostgreSQL must hold every
 * subscription made through either instance. Prints the figures side by side; exits 1 on errors,
 * missing answers, acknowledgements of 3 s or more, a subscription count that does not match, or an
 * instance that did not stop cleanly; 2 when it could not start. Not part of `npm test`.
 */

const SECRET = 'load-instances-secret';

async function main(): Promise<number> {
  const loadAtStart = os.loadavg()[0]!;
  const teardown = createTeardown();
  try {
    const started = await startTestPostgres();
    if (!started.pg) {
      console.error(started.reason);
      return 2;
    }
    const database = started.pg;
    // stop() is synchronous for a throwaway cluster, so it can run on a hurried exit too.
    teardown.add('PostgreSQL', () => database.stop(), () => void database.stop().catch(() => {}));
    const tmp = mkdtempSync(path.join(os.tmpdir(), 'rotation-load-instances-'));
    teardown.add('temporary files', () => rmSync(tmp, { recursive: true, force: true }), () => rmSync(tmp, { recursive: true, force: true }));
    const slackSide = await startSide(new URL('./load/slack-side.ts', import.meta.url));
    teardown.add('fake Slack', () => closeSide(slackSide));
    const traffic = slackTraffic(slackSide.worker);

    console.log(`Slack HTTP mode only (Discord cannot run twice on one token without sharding). PostgreSQL: ${database.how}.`);
    console.log(`${os.availableParallelism()} cores shared by the instances, their render threads, PostgreSQL, and the fake Slack with the load generator (one thread of this process).`);

    const baseEnv = {
      ...environmentSettings(/^(PATH|HOME|NODE_OPTIONS)$|^ROTATION_(MAX_|RATE_|RENDER_)|^DATABASE_POOL_SIZE$/),
      SLACK_BOT_TOKEN: 'xoxb-load-instances',
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: slackSide.apiUrl,
      DATABASE_URL: database.url,
      ROTATION_DATA_DIR: MARKET_DATA_DIR,
      ROTATION_AS_OF: '2026-01-20',
      LOG_LEVEL: 'warn',
    };
    // The instances' settings, checked here so that a bad one fails before anything starts.
    const config = loadConfig(baseEnv, {});
    const db = new pg.Client({ connectionString: database.url });
    await db.connect();
    teardown.add('database client', () => db.end());

    const results: ConfigurationResult[] = [];
    for (const instances of [1, 2]) {
      const bots: BotInstance[] = [];
      for (let i = 0; i < instances; i++) {
        const env = { ...baseEnv, ROTATION_DB_PATH: path.join(tmp, `c${instances}-i${i}.db`) };
        const bot = await startBotInstance(env, await freePort());
        bots.push(bot);
        teardown.add(`bot instance ${bot.pid}`, () => bot.stop(), () => bot.kill());
      }
      console.log(`\n== ${instances === 1 ? 'One instance' : `${instances} instances`} (pids ${bots.map((b) => b.pid).join(', ')}; 1-min load average ${os.loadavg()[0]!.toFixed(2)}) ==`);
      results.push(await runConfiguration({ bots, traffic, secret: SECRET, db }));
    }
    printComparison(results);
    const problems = results.flatMap((r) => r.problems.map((p) => `${r.instances} instance${r.instances > 1 ? 's' : ''}: ${p}`));
    console.log(`settings      per instance ROTATION_MAX_CONCURRENT=${config.ROTATION_MAX_CONCURRENT} ROTATION_RENDER_POOL_SIZE=${config.ROTATION_RENDER_POOL_SIZE} DATABASE_POOL_SIZE=${config.DATABASE_POOL_SIZE} (cores ${os.availableParallelism()}); 1-min load average ${loadAtStart.toFixed(2)} before, ${os.loadavg()[0]!.toFixed(2)} after`);
    console.log(problems.length ? `FAILED: ${problems.join('; ')}` : 'No errors, every answer delivered, every ack < 3 s, every subscription in PostgreSQL.');
    return problems.length ? 1 : 0;
  } finally {
    await teardown.run();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(2);
  },
);
