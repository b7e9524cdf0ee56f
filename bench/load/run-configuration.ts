import type pg from 'pg';
import { MIX, weighted } from './command-mix.ts';
import type { SlackTraffic, Sent } from './slack-traffic.ts';
import { paced, waitUntil } from './pace.ts';
import type { BotInstance } from './bot-instance.ts';
import { ACK_LIMIT_MS, phaseFigures } from './phase-figures.ts';
import { replyProblem } from './reply-problem.ts';
import type { RotationExpectation } from './reply-problem.ts';
import { cpuSnapshot, cpuSpent } from './cpu-time.ts';
import { processMemoryMb, sampleRss } from './process-memory.ts';
import { printPhase } from './instances-report.ts';
import type { ConfigurationResult, PhaseResult } from './instances-report.ts';

const USERS = 300;
const BURST = { count: 200, intervalMs: 5 };
const SUSTAINED = { count: 600, intervalMs: 50 };

/** The charts, help and glossary mix of `npm run bench:load`, plus commands that read and write the shared database. An odd cycle, so that round-robin gives each instance every kind. */
const SLACK_MIX = weighted([...MIX, { weight: 2, name: 'rotation', text: 'subscribe' }, { weight: 1, name: 'rotation', text: 'status' }]);

// A morning post due during the run would add work and posts the load did not ask for: the subscriptions' time is 12 hours away.
const postAt = new Date(Date.now() + 12 * 3_600_000).toISOString().slice(11, 16);

export type ConfigurationSetup = {
  readonly bots: readonly BotInstance[];
  readonly traffic: SlackTraffic;
  readonly secret: string;
  /** A connection to the instances' database, to count what they stored. */
  readonly db: pg.Client;
};

/** Warm-up, burst, sustained load through `bots`, then stops them and checks PostgreSQL. */
export async function runConfiguration({ bots, traffic, secret, db }: ConfigurationSetup): Promise<ConfigurationResult> {
  const instances = bots.length;
  traffic.target(bots.map((b) => b.eventsUrl), secret);
  const channelPrefix = `C${instances}I`;
  const expectations = new Map<string, RotationExpectation>();
  const subscribes: Sent[] = [];
  const statusReads: { status: Sent; subscribe: Sent }[] = [];
  let k = 0;

  const send = (): Sent => {
    const kind = SLACK_MIX[k % SLACK_MIX.length]!;
    const channel = `${channelPrefix}${k}`;
    const user = k % USERS;
    k += 1;
    if (kind.name !== 'rotation') return traffic.send({ command: `/${kind.name}`, text: kind.text, user: `U${user}`, channel });
    if (kind.text === 'subscribe') {
      const row = traffic.send({ command: '/rotation', text: `subscribe time:${postAt} timezone:UTC`, user: `UA${user}`, channel, admin: true });
      expectations.set(row.id, 'created');
      subscribes.push(row);
      return row;
    }
    // A status in a channel whose subscription was answered already, very likely through the other instance when there are two.
    const answered = subscribes.filter((s) => s.deliveredAt !== undefined);
    const subscribe = answered[statusReads.length % Math.max(1, answered.length)];
    const row = traffic.send({ command: '/rotation', text: 'status', user: `UA${user}`, channel: subscribe?.channel ?? channel, admin: true });
    if (subscribe) {
      expectations.set(row.id, 'found');
      statusReads.push({ status: row, subscribe });
    }
    return row;
  };
  const settle = (rows: readonly Sent[], timeoutMs: number) => waitUntil(() => rows.every((r) => r.deliveredAt !== undefined), timeoutMs);
  const problemOf = (row: Sent) => (row.reply === undefined ? undefined : replyProblem(row.reply, expectations.get(row.id)));

  const idle = bots.map((b) => processMemoryMb(b.pid));
  console.log(`idle after start: RSS ${idle.map((m, i) => `instance ${i + 1} ${m ? Math.round(m.rss) : '–'} MB`).join('; ')} (no render worker yet)`);
  // Warm-up: every instance answers every kind of command (render threads, fonts, data files, the JIT, database connections).
  const warm = Array.from({ length: SLACK_MIX.length * instances }, send);
  await settle(warm, 60_000);

  const pids = bots.map((b) => b.pid);
  const phases: PhaseResult[] = [];
  const problems: string[] = [];
  for (const [phase, plan] of [['burst', BURST], ['sustained', SUSTAINED]] as const) {
    if (phase === 'sustained') await new Promise((r) => setTimeout(r, 2_000));
    const errorLinesBefore = bots.reduce((n, b) => n + b.errorLines.length, 0);
    const cpuBefore = cpuSnapshot(pids);
    const memory = sampleRss(pids);
    const { results: rows, spanMs } = await paced(plan.count, plan.intervalMs, send);
    await settle(rows, 120_000);
    const rss = memory.stop();
    const cpu = cpuSpent(cpuBefore, cpuSnapshot(pids));
    const figures = phaseFigures(rows, instances, problemOf);
    const errorLogLines = bots.reduce((n, b) => n + b.errorLines.length, 0) - errorLinesBefore;
    const result = { ...figures, phase, errorLogLines, cpu, rss };
    phases.push(result);
    printPhase(result, plan.count, spanMs);
    for (const row of rows.filter((r) => problemOf(r) !== undefined).slice(0, 3)) console.log(`  wrong answer to ${row.command} ${row.text}: ${problemOf(row)}`);
    if (figures.late) problems.push(`${phase}: ${figures.late} acks ≥ ${ACK_LIMIT_MS / 1000} s or none`);
    if (figures.missing) problems.push(`${phase}: ${figures.missing} answers not delivered`);
    if (figures.httpErrors) problems.push(`${phase}: ${figures.httpErrors} HTTP errors`);
    if (figures.badReplies) problems.push(`${phase}: ${figures.badReplies} wrong answers (errors, refusals, or a status that did not see its subscription)`);
    if (errorLogLines) problems.push(`${phase}: ${errorLogLines} error log lines`);
  }

  const exitCodes = await Promise.all(bots.map((b) => b.stop()));
  bots.forEach((b, i) => {
    for (const line of b.errorLines.slice(0, 3)) console.log(`  instance ${i + 1} error: ${line.slice(0, 300)}`);
    if (b.warnLines.length) console.log(`  instance ${i + 1}: ${b.warnLines.length} warnings, first: ${b.warnLines[0]!.slice(0, 300)}`);
  });
  if (exitCodes.some((c) => c !== 0)) problems.push(`instances exited with ${exitCodes.join(', ')} on SIGTERM (0 expected)`);

  const { rows } = await db.query<{ n: string }>("SELECT count(*) AS n FROM subscriptions WHERE platform = 'slack' AND channel_id LIKE $1", [`${channelPrefix}%`]);
  const subscriptionsStored = Number(rows[0]!.n);
  const subscribesByInstance = bots.map((_, i) => subscribes.filter((s) => s.instance === i).length);
  const crossInstanceStatus = statusReads.filter((r) => r.status.instance !== r.subscribe.instance).length;
  console.log(
    `PostgreSQL holds ${subscriptionsStored} of the ${subscribes.length} subscriptions sent (through instance ${subscribesByInstance.map((n, i) => `${i + 1}: ${n}`).join(', ')}) [${subscriptionsStored === subscribes.length ? 'OK' : 'MISMATCH'}]` +
      `; ${statusReads.length} statuses read a subscription, ${crossInstanceStatus} of them one made through the other instance`,
  );
  if (subscriptionsStored !== subscribes.length) problems.push(`PostgreSQL holds ${subscriptionsStored} subscriptions, ${subscribes.length} were sent`);
  return { instances, phases, subscribesSent: subscribes.length, subscriptionsStored, crossInstanceStatus, problems };
}
