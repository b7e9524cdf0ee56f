import type { Services } from '../../commands/context.ts';
import type { Poster } from './poster.ts';
import type { Scheduler, SchedulerLog } from './scheduler.ts';
import { createScheduler } from './scheduler.ts';
import { servicesComposer } from './compose-post.ts';
import { buildSettlementPost } from '../../commands/call-settlement-post.ts';

/** The scheduler the bot runs: the shared stores, the real post content and call settlements, the settings' wait and grace. */
export function createPostScheduler(services: Services, posters: readonly Poster[], log: SchedulerLog): Scheduler {
  const { config } = services;
  return createScheduler({
    subscriptions: services.subscriptions,
    ledger: services.postLedger,
    posters,
    compose: servicesComposer(services),
    settlements: { calls: services.calls, compose: (call) => buildSettlementPost(services, call) },
    log,
    graceMs: config.ROTATION_POST_GRACE_MINUTES * 60_000,
    dataWaitMs: config.ROTATION_POST_RETRY_MINUTES * 60_000,
  });
}
