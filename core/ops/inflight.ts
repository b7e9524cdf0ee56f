export type DrainResult = { readonly drained: boolean; readonly remaining: number };

export type InflightTracker = {
  /** False once shutdown began: adapters answer new commands with "restarting" instead of running them. */
  readonly accepting: boolean;
  /** Work being handled now, refusals included. */
  readonly count: number;
  /** Runs `work`, counting it until it settles (whatever `accepting` says: refusals are work too). */
  track<T>(work: () => Promise<T>): Promise<T>;
  stopAccepting(): void;
  /** Stops accepting and resolves once nothing is in flight, or after `timeoutMs` with what is left. */
  drain(timeoutMs: number): Promise<DrainResult>;
};

export type InflightOptions = {
  /** Resolves after `ms`; injected so tests need not wait. */
  readonly sleep?: (ms: number) => Promise<void>;
};

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());

/** Counts the commands being handled so that shutdown can let them finish, within a bound. */
export function createInflightTracker({ sleep = realSleep }: InflightOptions = {}): InflightTracker {
  let accepting = true;
  let count = 0;
  let idle: (() => void)[] = [];

  const settle = () => {
    count -= 1;
    if (count === 0) {
      for (const resolve of idle) resolve();
      idle = [];
    }
  };

  return {
    get accepting() {
      return accepting;
    },
    get count() {
      return count;
    },
    async track(work) {
      count += 1;
      try {
        return await work();
      } finally {
        settle();
      }
    },
    stopAccepting() {
      accepting = false;
    },
    async drain(timeoutMs) {
      accepting = false;
      if (count === 0) return { drained: true, remaining: 0 };
      const empty = new Promise<true>((resolve) => idle.push(() => resolve(true)));
      const drained = await Promise.race([empty, sleep(timeoutMs).then(() => false as const)]);
      return { drained, remaining: count };
    },
  };
}
