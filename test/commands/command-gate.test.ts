import { describe, expect, it } from 'vitest';
import { createCommandGate } from '../../commands/command-gate.ts';
import type { GateRequest } from '../../commands/command-gate.ts';
import { createInflightTracker } from '../../core/ops/inflight.ts';
import { createRateLimiter } from '../../core/ops/rate-limiter.ts';
import { createSemaphore } from '../../core/ops/semaphore.ts';

function setup(overrides: { perUser?: number; perChannel?: number; slots?: number; maxQueued?: number } = {}) {
  let now = 0;
  const inflight = createInflightTracker();
  const slots = createSemaphore(overrides.slots ?? 2);
  const gate = createCommandGate({
    inflight,
    limiter: createRateLimiter({ windowMs: 60_000, now: () => now }),
    slots,
    perUserPerMinute: overrides.perUser ?? 6,
    perChannelPerMinute: overrides.perChannel ?? 20,
    maxQueued: overrides.maxQueued ?? 10,
  });
  return { gate, inflight, slots, advance: (ms: number) => void (now += ms) };
}

const slow = (fields: Partial<GateRequest> = {}): GateRequest => ({
  command: { name: 'smallcaps', slow: true },
  platform: 'slack',
  userId: 'U1',
  channelId: 'C1',
  locale: 'en',
  ...fields,
});
const quick = (fields: Partial<GateRequest> = {}): GateRequest => slow({ command: { name: 'help', slow: false }, ...fields });

describe('command gate', () => {
  it('lets six slow commands a minute through for a user, then says when to try again', () => {
    const { gate, advance } = setup();
    for (let i = 0; i < 6; i++) {
      expect(gate.admit(slow()).admitted).toBe(true);
      advance(1_000);
    }
    const refused = gate.admit(slow());
    expect(refused).toMatchObject({ admitted: false, reason: 'user-rate', retryAfterSeconds: 54 });
    if (refused.admitted) throw new Error('unreachable');
    expect(refused.reply).toMatchObject({ visibility: 'ephemeral', tone: 'warning', title: 'One moment' });
    expect(refused.reply.text).toBe("You've asked for 6 charts or scenarios in the last minute, the most I run for one person. Try again in 54 s.");
    expect(refused.reply.fallbackText).toContain('Try again in 54 s');
  });

  it('never limits quick commands', () => {
    const { gate } = setup({ perUser: 1 });
    for (let i = 0; i < 50; i++) expect(gate.admit(quick()).admitted).toBe(true);
  });

  it('limits a channel across its users, in Korean for a Korean user', () => {
    const { gate } = setup({ perChannel: 3 });
    for (const user of ['A', 'B', 'C']) expect(gate.admit(slow({ userId: user })).admitted).toBe(true);
    const refused = gate.admit(slow({ userId: 'D', locale: 'ko' }));
    expect(refused).toMatchObject({ admitted: false, reason: 'channel-rate', retryAfterSeconds: 60 });
    if (refused.admitted) throw new Error('unreachable');
    expect(refused.reply.text).toContain('이 채널에서 최근 1분 동안');
    expect(refused.reply.text).toContain('60초 후에');
  });

  it('keeps platforms apart: the same id on Slack and Discord are different users', () => {
    const { gate } = setup({ perUser: 1 });
    expect(gate.admit(slow({ platform: 'slack' })).admitted).toBe(true);
    expect(gate.admit(slow({ platform: 'discord' })).admitted).toBe(true);
    expect(gate.admit(slow({ platform: 'slack' })).admitted).toBe(false);
  });

  it('limits a direct message (no channel) by user only', () => {
    const { gate } = setup({ perChannel: 1 });
    expect(gate.admit(slow({ channelId: undefined })).admitted).toBe(true);
    expect(gate.admit(slow({ channelId: undefined })).admitted).toBe(true);
  });

  it('runs at most `slots` slow commands at once and queues the rest in order', async () => {
    const { gate } = setup({ slots: 2 });
    const finish = new Map<number, () => void>();
    const started: number[] = [];
    const runs = [0, 1, 2, 3].map((n) => {
      const admission = gate.admit(slow({ userId: `U${n}` }));
      if (!admission.admitted) throw new Error('refused');
      return admission.run(() => {
        started.push(n);
        return new Promise<void>((resolve) => finish.set(n, resolve));
      });
    });
    const settle = async () => {
      for (let turn = 0; turn < 5; turn++) await new Promise((r) => setImmediate(r));
    };
    await settle();
    expect(started).toEqual([0, 1]);
    expect(gate.stats()).toMatchObject({ running: 2, queued: 2 });
    finish.get(1)!();
    await settle();
    expect(started).toEqual([0, 1, 2]);
    finish.get(0)!();
    await settle();
    expect(started).toEqual([0, 1, 2, 3]);
    finish.get(2)!();
    finish.get(3)!();
    await Promise.all(runs);
    expect(gate.stats()).toMatchObject({ running: 0, queued: 0 });
  });

  it('answers "busy" once the queue is full', async () => {
    const { gate } = setup({ slots: 1, maxQueued: 1 });
    const block = new Promise<void>(() => {});
    for (const user of ['A', 'B']) {
      const admission = gate.admit(slow({ userId: user }));
      if (!admission.admitted) throw new Error('refused');
      void admission.run(() => block);
    }
    await Promise.resolve();
    expect(gate.admit(slow({ userId: 'C' }))).toMatchObject({ admitted: false, reason: 'busy' });
  });

  it('refuses every command, quick ones too, once shutdown began', () => {
    const { gate, inflight } = setup();
    inflight.stopAccepting();
    for (const request of [slow(), quick()]) {
      const refused = gate.admit(request);
      expect(refused).toMatchObject({ admitted: false, reason: 'restarting' });
      if (refused.admitted) throw new Error('unreachable');
      expect(refused.reply.text).toBe("I'm restarting. Try again in a moment.");
    }
    expect(gate.stats().accepting).toBe(false);
  });

  it('still serves a request that arrived before shutdown began', () => {
    const { gate, inflight } = setup();
    const arrivedWhileAccepting = inflight.accepting;
    inflight.stopAccepting();
    expect(gate.admit(slow({ arrivedWhileAccepting })).admitted).toBe(true);
    expect(gate.admit(slow()).admitted).toBe(false);
  });

  it('a refused attempt does not use up the allowance', () => {
    const { gate, advance } = setup({ perUser: 2 });
    gate.admit(slow());
    gate.admit(slow());
    for (let i = 0; i < 5; i++) expect(gate.admit(slow()).admitted).toBe(false);
    advance(60_000);
    expect(gate.admit(slow()).admitted).toBe(true);
    expect(gate.admit(slow()).admitted).toBe(true);
  });
});
