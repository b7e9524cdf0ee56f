import os from 'node:os';
import type { CpuSpent } from './cpu-time.ts';
import type { PhaseFigures } from './phase-figures.ts';
import type { RssFigures } from './process-memory.ts';

export type PhaseResult = PhaseFigures & {
  readonly phase: 'burst' | 'sustained';
  readonly errorLogLines: number;
  readonly cpu: CpuSpent | undefined;
  /** Per instance, in instance order; undefined where /proc could not be read. */
  readonly rss: readonly (RssFigures | undefined)[];
};

export type ConfigurationResult = {
  readonly instances: number;
  readonly phases: readonly PhaseResult[];
  readonly subscribesSent: number;
  readonly subscriptionsStored: number;
  /** Statuses that found a subscription made through another instance than their own. */
  readonly crossInstanceStatus: number;
  readonly problems: readonly string[];
};

const whole = (x: number) => (Number.isFinite(x) ? String(Math.round(x)) : '–');
const tenths = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : '–');
/** PostgreSQL, and other people's work on a shared machine: what makes runs differ. */
const otherCpu = (cpu: CpuSpent) => Math.max(0, cpu.machine - cpu.processes - cpu.own);

export function printPhase(result: PhaseResult, count: number, spanMs: number): void {
  const { ack, reply, cpu } = result;
  console.log(
    `${result.phase} (${count} commands sent over ${(spanMs / 1000).toFixed(1)} s): ${tenths(result.perSecond)} commands/s; ack p50 ${whole(ack.p50)} p99 ${whole(ack.p99)} max ${whole(ack.max)} ms; ` +
      `reply p50 ${whole(reply.p50)} p99 ${whole(reply.p99)} ms; per instance ${result.byInstance.join(' / ')}`,
  );
  if (cpu) {
    console.log(
      `  CPU s: ${tenths(cpu.processes)} the instances, ${tenths(cpu.own)} the fake Slack and load generator, ${tenths(otherCpu(cpu))} PostgreSQL and whatever else ran on the machine; ` +
        `${tenths(cpu.seconds * os.availableParallelism())} available`,
    );
  }
  const rss = result.rss.map((r, i) => (r ? `instance ${i + 1} p50 ${whole(r.p50Mb)} max ${whole(r.maxMb)} MB (peak since start ${whole(r.peakMb)} MB, ${r.readings} readings)` : `instance ${i + 1} –`));
  console.log(`  RSS (worker threads included): ${rss.join('; ')}`);
}

export function printComparison(results: readonly ConfigurationResult[]): void {
  const cores = os.availableParallelism();
  console.log('\n== One instance vs two, one PostgreSQL ==');
  const header = ['phase', 'instances', 'commands/s', 'ack p50 / p99 ms', 'reply p50 / p99 ms', 'errors', 'missing', 'RSS p50 / max MB per instance', 'CPU s: instances / generator / other (machine busy)'];
  const rows = results
    .flatMap((r) =>
      r.phases.map((p) => [
        p.phase,
        String(r.instances),
        tenths(p.perSecond),
        `${whole(p.ack.p50)} / ${whole(p.ack.p99)}`,
        `${whole(p.reply.p50)} / ${whole(p.reply.p99)}`,
        String(p.httpErrors + p.badReplies + p.errorLogLines),
        String(p.missing),
        p.rss.map((r) => (r ? `${whole(r.p50Mb)} / ${whole(r.maxMb)}` : '–')).join(', '),
        p.cpu ? `${tenths(p.cpu.processes)} / ${tenths(p.cpu.own)} / ${tenths(otherCpu(p.cpu))} (${whole((100 * p.cpu.machine) / (p.cpu.seconds * cores))}%)` : '–',
      ]),
    )
    .sort((a, b) => a[0]!.localeCompare(b[0]!));
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  for (const row of [header, ...rows]) console.log(row.map((cell, i) => cell.padEnd(widths[i]!)).join('  ').trimEnd());
  console.log(
    `subscriptions sent / in PostgreSQL: ${results.map((r) => `${r.subscribesSent} / ${r.subscriptionsStored} with ${r.instances}`).join('; ')}; ` +
      `statuses that found a subscription made through the other instance: ${results.at(-1)!.crossInstanceStatus}`,
  );
  console.log(
    `Both configurations share these ${cores} cores with PostgreSQL and the load generator, so a second instance cannot double the throughput here: ` +
      'it adds a second event loop and render pool, not CPU. The figures compare the two set-ups on this machine; on separate machines each instance brings its own cores. ' +
      'Where "other" CPU is large, other work on the machine took cores from the run.',
  );
}
