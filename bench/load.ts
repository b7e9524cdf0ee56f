import os from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import v8 from 'node:v8';
import vm from 'node:vm';
import path from 'node:path';
import { Writable } from 'node:stream';
import { startSlackBot } from '../bots/slack/slack-bot.ts';
import { startDiscordBot } from '../bots/discord/discord-bot.ts';
import { createServices } from '../bots/services.ts';
import { COMMANDS } from '../commands/index.ts';
import { commandGateFor } from '../commands/command-gate.ts';
import type { CommandGate } from '../commands/command-gate.ts';
import { loadConfig, environmentSettings } from '../core/config.ts';
import { createLogger } from '../core/logger.ts';
import { chatInput } from '../test/fakes/discord-interactions.ts';
import { MIX, weighted } from './load/command-mix.ts';
import { closeSide, startSide } from './load/side-worker.ts';
import { paced, waitUntil } from './load/pace.ts';

/**
 * `npm run bench:load`: the real Bolt app (HTTP mode) and the real discord.js client, with the
 * production gate (rate limits, concurrency cap), the real data and chart rendering, against the
 * local fakes, each fake with its load generator on its own thread. Two scenarios:
 *   burst      200 mixed commands (Slack and Discord) sent within one second;
 *   sustained  20 commands a second for 60 s.
 * Prints the figures and exits 1 when a target is missed. Not part of `npm test`.
 */

const WEIGHTED = weighted(MIX);

// Memory is compared after full collections, so that garbage not yet collected does not read as growth.
v8.setFlagsFromString('--expose-gc');
const collectGarbage = vm.runInNewContext('gc') as () => void;
const settledMemory = async () => {
  for (let i = 0; i < 3; i++) {
    collectGarbage();
    await new Promise((r) => setTimeout(r, 100));
  }
  return process.memoryUsage();
};

const TARGETS = { ackMs: 3_000, rssGrowthMb: 50, loopDelayP99Ms: 100, errors: 0 };
const SECRET = 'load-bench-secret';
const USERS = 300;

type Sent = { readonly id: string; readonly platform: 'slack' | 'discord'; readonly command: string; readonly sentAt: number; ackMs?: number; ackStatus?: number; deliveredAt?: number };

function percentile(samples: readonly number[], q: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? Number.NaN;
}

async function main(): Promise<number> {
  const loadAtStart = os.loadavg()[0]!;
  const slackSide = await startSide(new URL('./load/slack-side.ts', import.meta.url));
  const discordSide = await startSide(new URL('./load/discord-side.ts', import.meta.url));
  const config = loadConfig(
    {
      ROTATION_DATA_DIR: path.resolve(import.meta.dirname, '../../shared/market-data'),
      ROTATION_AS_OF: '2026-01-20',
      ROTATION_DB_PATH: ':memory:',
      SLACK_BOT_TOKEN: 'xoxb-load-bench',
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: slackSide.apiUrl,
      DISCORD_TOKEN: 'load-bench-token',
      DISCORD_APPLICATION_ID: '1234',
      DISCORD_API_URL: discordSide.apiUrl,
      LOG_LEVEL: 'warn',
    },
    // Limits and pool sizes may be tried from the environment, e.g. ROTATION_MAX_CONCURRENT=4.
    environmentSettings(/^ROTATION_(MAX_|RATE_|RENDER_)/),
  );
  let errorLines = 0;
  const log = createLogger(config.LOG_LEVEL, {
    destination: new Writable({
      write(chunk: Buffer, _encoding, done) {
        const line = JSON.parse(chunk.toString('utf8')) as { level: number; msg: string };
        if (line.level >= 50) {
          errorLines += 1;
          if (errorLines <= 5) process.stderr.write(chunk);
        }
        done();
      },
    }),
  });
  const running = createServices(config, { log });
  const realGate = commandGateFor(config);
  const refusals = new Map<string, number>();
  const gate: CommandGate = {
    ...realGate,
    admit(request) {
      const admission = realGate.admit(request);
      if (!admission.admitted) refusals.set(admission.reason, (refusals.get(admission.reason) ?? 0) + 1);
      return admission;
    },
  };
  const slack = await startSlackBot({ config, services: running.services, registry: COMMANDS, log, port: 0, host: '127.0.0.1', gate });
  const discord = await startDiscordBot({ config, services: running.services, registry: COMMANDS, log, gate });
  slackSide.worker.postMessage({ type: 'target', urls: [`http://127.0.0.1:${slack.port}/slack/events`], secret: SECRET });

  const sent = new Map<string, Sent>();
  const onMessage = (m: { type: string; id: string; ms?: number; status?: number; callbackType?: number }) => {
    const s = sent.get(m.id);
    if (!s) return;
    if (m.type === 'ack' && s.ackMs === undefined) {
      s.ackMs = m.ms;
      s.ackStatus = m.status;
    }
    if (m.type === 'delivered' && s.deliveredAt === undefined) s.deliveredAt = performance.now();
  };
  slackSide.worker.on('message', onMessage);
  discordSide.worker.on('message', onMessage);

  let n = 0;
  const send = (platform: 'slack' | 'discord'): string => {
    const k = n++;
    const mix = WEIGHTED[k % WEIGHTED.length]!;
    const user = k % USERS;
    if (platform === 'slack') {
      const id = `s${k}`;
      sent.set(id, { id, platform, command: mix.name, sentAt: performance.now() });
      slackSide.worker.postMessage({ type: 'send', id, command: `/${mix.name}`, text: mix.text, user: `U${user}`, channel: `C${k}` });
      return id;
    }
    // Each command from its own channel, as in the Slack half: the bench measures load, not the per-channel limit.
    const base = chatInput('1234', mix.name, mix.options, { userId: String(8000 + user) });
    const channel = String(900_000 + k);
    const payload = { ...base, channel_id: channel, channel: { ...(base.channel as Record<string, unknown>), id: channel } };
    sent.set(payload.id, { id: payload.id, platform, command: mix.name, sentAt: performance.now() });
    discordSide.worker.postMessage({ type: 'dispatch', payload });
    return payload.id;
  };

  const settle = (ids: readonly string[], timeoutMs: number) => waitUntil(() => ids.every((id) => sent.get(id)!.deliveredAt !== undefined), timeoutMs);

  function report(name: string, ids: readonly string[]) {
    const rows = ids.map((id) => sent.get(id)!);
    const acks = rows.filter((r) => r.ackMs !== undefined).map((r) => r.ackMs!);
    const byPlatform = (p: 'slack' | 'discord') => rows.filter((r) => r.platform === p && r.ackMs !== undefined).map((r) => r.ackMs!);
    const replies = rows.filter((r) => r.deliveredAt !== undefined).map((r) => r.deliveredAt! - r.sentAt);
    const late = rows.filter((r) => (r.ackMs ?? Infinity) >= TARGETS.ackMs).length;
    const badStatus = rows.filter((r) => r.ackStatus !== undefined && r.ackStatus >= 300).length;
    const undelivered = rows.filter((r) => r.deliveredAt === undefined).length;
    const r1 = (x: number) => Math.round(x * 10) / 10;
    console.log(`== ${name}: ${rows.length} commands (${rows.filter((r) => r.platform === 'slack').length} Slack, ${rows.filter((r) => r.platform === 'discord').length} Discord) ==`);
    console.log(`ack ms        p50 ${r1(percentile(acks, 0.5))}  p99 ${r1(percentile(acks, 0.99))}  max ${r1(Math.max(...acks))}  [${late === 0 ? 'OK' : 'MISS'} every ack < ${TARGETS.ackMs} ms: ${late} late]`);
    console.log(`  Slack       p50 ${r1(percentile(byPlatform('slack'), 0.5))}  p99 ${r1(percentile(byPlatform('slack'), 0.99))}`);
    console.log(`  Discord     p50 ${r1(percentile(byPlatform('discord'), 0.5))}  p99 ${r1(percentile(byPlatform('discord'), 0.99))}`);
    console.log(`reply ms      p50 ${r1(percentile(replies, 0.5))}  p99 ${r1(percentile(replies, 0.99))}  max ${r1(Math.max(...replies))}  [${undelivered === 0 ? 'OK' : 'MISS'} every reply delivered: ${undelivered} missing]`);
    const refused = [...refusals.values()].reduce((a, b) => a + b, 0);
    console.log(`refused       ${refused}${refused ? ` ${JSON.stringify(Object.fromEntries(refusals))}` : ''}  [${refused === 0 ? 'OK' : 'MISS'} none refused]`);
    refusals.clear();
    return { late, undelivered, badStatus, refused };
  }

  const misses: string[] = [];
  try {
    // Warm-up: render workers, fonts, data files and the JIT, so that the scenarios measure steady behaviour.
    const warm = Array.from({ length: 12 }, (_, i) => send(i % 2 ? 'discord' : 'slack'));
    await settle(warm, 60_000);

    // Burst: 200 commands spread evenly over one second, alternating platforms.
    const { results: burstIds, spanMs: burstSpan } = await paced(200, 5, (i) => send(i % 2 ? 'discord' : 'slack'));
    await settle(burstIds, 120_000);
    const burst = report(`burst (sent within ${Math.round(burstSpan)} ms)`, burstIds);
    if (burst.late) misses.push(`burst: ${burst.late} acks ≥ 3 s`);
    if (burst.undelivered) misses.push(`burst: ${burst.undelivered} replies not delivered`);
    if (burst.badStatus) misses.push(`burst: ${burst.badStatus} acks with an HTTP error`);
    if (burst.refused) misses.push(`burst: ${burst.refused} commands refused by the gate`);
    await new Promise((r) => setTimeout(r, 2_000));

    // Sustained: 20 a second for 60 s.
    const loop = monitorEventLoopDelay({ resolution: 10 });
    const errorsBefore = errorLines;
    const memoryBefore = await settledMemory();
    const rssBefore = memoryBefore.rss;
    const heapBefore = memoryBefore.heapUsed;
    loop.enable();
    const { results: sustainedIds, spanMs: sendSpan } = await paced(20 * 60, 50, (i) => send(i % 2 ? 'discord' : 'slack'));
    await settle(sustainedIds, 120_000);
    loop.disable();
    await new Promise((r) => setTimeout(r, 2_000));
    const memoryAfter = await settledMemory();
    const rssAfter = memoryAfter.rss;
    const sustained = report(`sustained (20/s, sent over ${(sendSpan / 1000).toFixed(1)} s)`, sustainedIds);
    const growthMb = (rssAfter - rssBefore) / 1_048_576;
    const p99 = loop.percentile(99) / 1e6;
    const errors = errorLines - errorsBefore + sustained.badStatus + sustained.undelivered + sustained.refused;
    console.log(`RSS           ${(rssBefore / 1_048_576).toFixed(0)} → ${(rssAfter / 1_048_576).toFixed(0)} MB (${growthMb >= 0 ? '+' : ''}${growthMb.toFixed(1)}; main-thread heap after GC ${(heapBefore / 1_048_576).toFixed(0)} → ${(memoryAfter.heapUsed / 1_048_576).toFixed(0)} MB)  [${growthMb < TARGETS.rssGrowthMb ? 'OK' : 'MISS'} growth < ${TARGETS.rssGrowthMb} MB]`);
    console.log(`event loop    delay p50 ${(loop.percentile(50) / 1e6).toFixed(1)} ms  p99 ${p99.toFixed(1)} ms  max ${(loop.max / 1e6).toFixed(1)} ms  [${p99 < TARGETS.loopDelayP99Ms ? 'OK' : 'MISS'} p99 < ${TARGETS.loopDelayP99Ms} ms]`);
    console.log(`errors        ${errors} (error log lines ${errorLines - errorsBefore}, HTTP errors ${sustained.badStatus}, undelivered ${sustained.undelivered}, refused ${sustained.refused})  [${errors === 0 ? 'OK' : 'MISS'} 0]`);
    const stats = gate.stats();
    console.log(`gate          in flight ${stats.inflight}, running ${stats.running}, queued ${stats.queued} at the end; render pool ${JSON.stringify((running.services.charts as { stats?: () => unknown }).stats?.() ?? {})}`);
    if (sustained.late) misses.push(`sustained: ${sustained.late} acks ≥ 3 s`);
    if (growthMb >= TARGETS.rssGrowthMb) misses.push(`sustained: RSS grew ${growthMb.toFixed(1)} MB`);
    if (p99 >= TARGETS.loopDelayP99Ms) misses.push(`sustained: event-loop delay p99 ${p99.toFixed(1)} ms`);
    if (errors > 0) misses.push(`sustained: ${errors} errors`);
  } finally {
    await discord.stop();
    await slack.stop();
    await running.close();
    for (const s of [slackSide, discordSide]) await closeSide(s);
  }
  console.log(`settings      ROTATION_MAX_CONCURRENT=${config.ROTATION_MAX_CONCURRENT} ROTATION_RENDER_POOL_SIZE=${config.ROTATION_RENDER_POOL_SIZE} (cores ${os.availableParallelism()}); 1-min load average ${loadAtStart.toFixed(2)} before, ${os.loadavg()[0]!.toFixed(2)} after`);
  console.log(misses.length ? `MISSED: ${misses.join('; ')}` : 'All load targets met.');
  return misses.length ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(2);
  },
);
