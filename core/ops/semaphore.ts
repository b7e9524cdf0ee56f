export type Semaphore = {
  /** Resolves with a release function once one of the `max` slots is free; waiters are served in order. */
  acquire(): Promise<() => void>;
  /** Slots in use now. */
  readonly active: number;
  /** Callers waiting for a slot. */
  readonly waiting: number;
};

/** Caps how much expensive work runs at once; the rest waits its turn instead of piling onto the CPU. */
export function createSemaphore(max: number): Semaphore {
  if (!Number.isInteger(max) || max < 1) throw new RangeError(`a semaphore needs at least one slot, not ${max}`);
  let active = 0;
  const queue: (() => void)[] = [];

  const releaser = () => {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = queue.shift();
      if (next) next();
      else active -= 1;
    };
  };

  return {
    get active() {
      return active;
    },
    get waiting() {
      return queue.length;
    },
    acquire() {
      if (active < max) {
        active += 1;
        return Promise.resolve(releaser());
      }
      // The slot passes straight to the next waiter, so `active` stays the same.
      return new Promise((resolve) => queue.push(() => resolve(releaser())));
    },
  };
}
