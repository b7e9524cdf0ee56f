import { describe, expect, it } from 'vitest';
import { createInflightTracker } from '../../../core/ops/inflight.ts';

function deferred<T = void>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** A sleep that only ends when the test says so. */
function manualSleep() {
  const timers: { ms: number; fire: () => void }[] = [];
  return {
    sleep: (ms: number) => new Promise<void>((resolve) => timers.push({ ms, fire: resolve })),
    fireAll: () => timers.splice(0).forEach((t) => t.fire()),
    timers,
  };
}

describe('in-flight tracker', () => {
  it('counts work while it runs and returns its result', async () => {
    const tracker = createInflightTracker();
    const work = deferred<number>();
    const running = tracker.track(() => work.promise);
    expect(tracker.count).toBe(1);
    work.resolve(42);
    await expect(running).resolves.toBe(42);
    expect(tracker.count).toBe(0);
  });

  it('stops counting failed work and passes its error on', async () => {
    const tracker = createInflightTracker();
    await expect(tracker.track(() => Promise.reject(new Error('nope')))).rejects.toThrow('nope');
    expect(tracker.count).toBe(0);
  });

  it('drains at once when nothing is in flight', async () => {
    const tracker = createInflightTracker();
    await expect(tracker.drain(10_000)).resolves.toEqual({ drained: true, remaining: 0 });
    expect(tracker.accepting).toBe(false);
  });

  it('stops accepting when draining and resolves when the last command finishes', async () => {
    const clock = manualSleep();
    const tracker = createInflightTracker({ sleep: clock.sleep });
    const a = deferred();
    const b = deferred();
    const runs = [tracker.track(() => a.promise), tracker.track(() => b.promise)];
    const drained = tracker.drain(10_000);
    expect(tracker.accepting).toBe(false);
    a.resolve();
    await runs[0];
    expect(tracker.count).toBe(1);
    b.resolve();
    await expect(drained).resolves.toEqual({ drained: true, remaining: 0 });
    expect(clock.timers.map((t) => t.ms)).toEqual([10_000]);
  });

  it('gives up after the timeout and says how many were left', async () => {
    const clock = manualSleep();
    const tracker = createInflightTracker({ sleep: clock.sleep });
    const stuck = deferred();
    void tracker.track(() => stuck.promise);
    const drained = tracker.drain(10_000);
    clock.fireAll();
    await expect(drained).resolves.toEqual({ drained: false, remaining: 1 });
  });

  it('still tracks work started after it stopped accepting (refusals are answered too)', async () => {
    const tracker = createInflightTracker();
    tracker.stopAccepting();
    const refusal = deferred();
    const running = tracker.track(() => refusal.promise);
    expect(tracker.count).toBe(1);
    refusal.resolve();
    await running;
    expect(tracker.count).toBe(0);
  });
});
