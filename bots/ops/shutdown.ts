import type { Logger } from '../../core/logger.ts';
import type { InflightTracker } from '../../core/ops/inflight.ts';

export type ShutdownStep = {
  readonly name: string;
  run(): Promise<void>;
  /** How long this step may take; default the plan's `stepMs` (for `alongside`, at least `drainMs`). */
  readonly ms?: number;
};

export type ShutdownPlan = {
  /** Stops taking commands, then waits for those in flight. Absent: nothing to wait for. */
  readonly inflight?: InflightTracker | undefined;
  readonly drainMs: number;
  /** Run while commands drain (e.g. the post scheduler finishing its tick). */
  readonly alongside: readonly ShutdownStep[];
  /** Run in order once drained or out of time: clients, servers, render pool, database. */
  readonly then: readonly ShutdownStep[];
  /** Longest any one step may take before shutdown moves on. */
  readonly stepMs?: number;
  readonly log: Logger;
};

async function bounded(step: ShutdownStep, ms: number, log: Logger): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const started = performance.now();
  try {
    const finished = await Promise.race([
      step.run().then(() => true),
      new Promise<false>((resolve) => {
        timer = setTimeout(() => resolve(false), ms);
      }),
    ]);
    if (finished) log.info({ step: step.name, ms: Math.round(performance.now() - started) }, 'shutdown step done');
    else log.warn({ step: step.name, ms }, 'shutdown step took too long; moving on');
  } catch (error) {
    log.error({ step: step.name, err: error }, 'shutdown step failed; moving on');
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Graceful shutdown: refuse new commands at once (they are told to try again in a moment), let
 * those in flight finish within `drainMs`, then close everything in order. Never throws.
 */
export async function shutDown(plan: ShutdownPlan): Promise<{ drained: boolean; remaining: number }> {
  const stepMs = plan.stepMs ?? 5_000;
  plan.inflight?.stopAccepting();
  plan.log.info({ inflight: plan.inflight?.count ?? 0, drainMs: plan.drainMs }, 'shutting down: no new commands');
  const [result] = await Promise.all([
    plan.inflight ? plan.inflight.drain(plan.drainMs) : Promise.resolve({ drained: true, remaining: 0 }),
    ...plan.alongside.map((step) => bounded(step, step.ms ?? Math.max(stepMs, plan.drainMs), plan.log)),
  ]);
  if (result.drained) plan.log.info('commands in flight drained');
  else plan.log.warn({ remaining: result.remaining }, 'commands still in flight after the shutdown timeout; closing anyway');
  for (const step of plan.then) await bounded(step, step.ms ?? stepMs, plan.log);
  return result;
}

/** Resolves with the first of `signals` received; a second one forces `onForce` (an immediate exit). */
export function firstSignal(signals: readonly NodeJS.Signals[], onForce: (signal: NodeJS.Signals) => void): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    let received = false;
    const handler = (signal: NodeJS.Signals) => {
      if (received) return onForce(signal);
      received = true;
      resolve(signal);
    };
    for (const signal of signals) process.on(signal, handler);
  });
}
