import type { AnyCommand } from './define-command.ts';
import type { Platform } from './context.ts';
import type { Locale } from '../core/i18n/locale.ts';
import type { Reply } from '../core/reply.ts';
import type { InflightTracker } from '../core/ops/inflight.ts';
import type { RateLimiter } from '../core/ops/rate-limiter.ts';
import type { Semaphore } from '../core/ops/semaphore.ts';
import type { Config } from '../core/config.ts';
import { t } from '../core/i18n/translate.ts';
import { createInflightTracker } from '../core/ops/inflight.ts';
import { createRateLimiter } from '../core/ops/rate-limiter.ts';
import { createSemaphore } from '../core/ops/semaphore.ts';

export type GateRequest = {
  readonly command: Pick<AnyCommand, 'name' | 'slow'>;
  readonly platform: Platform;
  readonly userId: string;
  readonly channelId?: string | undefined;
  readonly locale: Locale;
  /**
   * Whether the request reached the bot before shutdown began (read on arrival, before any await):
   * such a request is still served. Default: judged now.
   */
  readonly arrivedWhileAccepting?: boolean;
};

export type Refusal = 'restarting' | 'user-rate' | 'channel-rate' | 'busy';

export type Admission =
  | {
      readonly admitted: true;
      /** Runs the command's work once a slot is free (slow commands queue behind the concurrency cap). */
      run<T>(work: () => Promise<T>): Promise<T>;
    }
  | { readonly admitted: false; readonly reason: Refusal; readonly reply: Reply; readonly retryAfterSeconds: number };

export type GateStats = { readonly inflight: number; readonly running: number; readonly queued: number; readonly accepting: boolean };

/**
 * The one place both adapters ask before running a command: not while shutting down, expensive
 * (`slow`) commands within the per-user and per-channel rates, and at most so many at once.
 */
export type CommandGate = {
  /** Decided at once, so an adapter knows before it defers (Discord fixes visibility there). */
  admit(request: GateRequest): Admission;
  /** Counts an interaction as in flight from its arrival to its last reply, for graceful shutdown. */
  track<T>(work: () => Promise<T>): Promise<T>;
  readonly inflight: InflightTracker;
  stats(): GateStats;
};

export type GateOptions = {
  readonly inflight: InflightTracker;
  readonly limiter: RateLimiter;
  readonly slots: Semaphore;
  readonly perUserPerMinute: number;
  readonly perChannelPerMinute: number;
  /** Slow commands allowed to wait for a slot; beyond that the answer is "busy, try again". */
  readonly maxQueued: number;
};

function refusalReply(locale: Locale, text: string): Reply {
  const title = t(locale, 'limits.title');
  return { visibility: 'ephemeral', locale, tone: 'warning', title, text, fields: [], fallbackText: `${title}: ${text}` };
}

const RESTART_RETRY_SECONDS = 10;
const BUSY_RETRY_SECONDS = 5;

export function createCommandGate(options: GateOptions): CommandGate {
  const { inflight, limiter, slots } = options;
  const refuse = (reason: Refusal, locale: Locale, key: string, retryAfterSeconds: number, params: Record<string, string | number> = {}): Admission => ({
    admitted: false,
    reason,
    retryAfterSeconds,
    reply: refusalReply(locale, t(locale, key, { seconds: retryAfterSeconds, ...params })),
  });
  const passThrough: Admission = { admitted: true, run: (work) => work() };
  const queued: Admission = {
    admitted: true,
    async run(work) {
      const release = await slots.acquire();
      try {
        // A turn of the event loop first: requests waiting to be acknowledged (Slack's 3 s) go before more computing.
        await new Promise((resolve) => setImmediate(resolve));
        return await work();
      } finally {
        release();
      }
    },
  };

  return {
    inflight,
    track: (work) => inflight.track(work),
    stats: () => ({ inflight: inflight.count, running: slots.active, queued: slots.waiting, accepting: inflight.accepting }),
    admit(request) {
      const { locale } = request;
      if (!inflight.accepting && request.arrivedWhileAccepting !== true) return refuse('restarting', locale, 'limits.restarting', RESTART_RETRY_SECONDS);
      if (!request.command.slow) return passThrough;
      if (slots.waiting >= options.maxQueued) return refuse('busy', locale, 'limits.busy', BUSY_RETRY_SECONDS);
      const userKey = `user:${request.platform}:${request.userId}`;
      const limits = [
        { key: userKey, max: options.perUserPerMinute },
        ...(request.channelId ? [{ key: `channel:${request.platform}:${request.channelId}`, max: options.perChannelPerMinute }] : []),
      ];
      const decision = limiter.take(limits);
      if (decision.ok) return queued;
      const seconds = Math.ceil(decision.retryAfterMs / 1000);
      return decision.key === userKey
        ? refuse('user-rate', locale, 'limits.user', seconds, { limit: options.perUserPerMinute })
        : refuse('channel-rate', locale, 'limits.channel', seconds, { limit: options.perChannelPerMinute });
    },
  };
}

type LimitSettings = Pick<Config, 'ROTATION_RATE_USER_PER_MIN' | 'ROTATION_RATE_CHANNEL_PER_MIN' | 'ROTATION_MAX_CONCURRENT' | 'ROTATION_MAX_QUEUE'>;

/** The gate the settings describe, on the real clock. */
export function commandGateFor(config: LimitSettings, now: () => number = Date.now): CommandGate {
  return createCommandGate({
    inflight: createInflightTracker(),
    limiter: createRateLimiter({ windowMs: 60_000, now }),
    slots: createSemaphore(config.ROTATION_MAX_CONCURRENT),
    perUserPerMinute: config.ROTATION_RATE_USER_PER_MIN,
    perChannelPerMinute: config.ROTATION_RATE_CHANNEL_PER_MIN,
    maxQueued: config.ROTATION_MAX_QUEUE,
  });
}
