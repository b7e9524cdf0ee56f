import cron from 'node-cron';
import type { Scheduler, SchedulerLog } from './scheduler.ts';

export type RunningScheduler = { stop(): Promise<void> };

/** Ticks the scheduler at the start of every minute (UTC; the slots carry their own zones). */
export function startScheduler(scheduler: Scheduler, log: SchedulerLog): RunningScheduler {
  const task = cron.schedule(
    '* * * * *',
    async () => {
      try {
        await scheduler.tick(new Date());
      } catch (error) {
        log.error({ err: error instanceof Error ? error.message : String(error) }, 'scheduler tick failed');
      }
    },
    { timezone: 'UTC', name: `rotation-posts-${scheduler.instanceId}`, noOverlap: true },
  );
  log.info({ instanceId: scheduler.instanceId }, 'post scheduler started');
  return {
    async stop() {
      await task.stop();
      await task.destroy();
      await scheduler.idle();
    },
  };
}
