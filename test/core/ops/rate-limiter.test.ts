import { describe, expect, it } from 'vitest';
import { createRateLimiter } from '../../../core/ops/rate-limiter.ts';

function fakeClock(start = 1_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => void (now += ms) };
}

describe('sliding-window rate limiter', () => {
  it('allows max uses in a window, then says when the oldest one ages out', () => {
    const clock = fakeClock();
    const limiter = createRateLimiter({ windowMs: 60_000, now: clock.now });
    for (let i = 0; i < 6; i++) {
      expect(limiter.take([{ key: 'u', max: 6 }])).toEqual({ ok: true });
      clock.advance(5_000);
    }
    // Uses at 0, 5, …, 25 s; now 30 s: the first frees up at 60 s.
    expect(limiter.take([{ key: 'u', max: 6 }])).toEqual({ ok: false, key: 'u', retryAfterMs: 30_000 });
    clock.advance(29_999);
    expect(limiter.take([{ key: 'u', max: 6 }]).ok).toBe(false);
    clock.advance(1);
    expect(limiter.take([{ key: 'u', max: 6 }])).toEqual({ ok: true });
  });

  it('counts nothing when any limit is reached, and reports the first one reached', () => {
    const clock = fakeClock();
    const limiter = createRateLimiter({ windowMs: 60_000, now: clock.now });
    limiter.take([{ key: 'channel', max: 1 }]);
    const refused = limiter.take([
      { key: 'user', max: 5 },
      { key: 'channel', max: 1 },
    ]);
    expect(refused).toEqual({ ok: false, key: 'channel', retryAfterMs: 60_000 });
    // The refused attempt did not count against the user.
    for (let i = 0; i < 5; i++) expect(limiter.take([{ key: 'user', max: 5 }]).ok).toBe(true);
    expect(limiter.take([{ key: 'user', max: 5 }]).ok).toBe(false);
  });

  it('keeps keys apart', () => {
    const clock = fakeClock();
    const limiter = createRateLimiter({ windowMs: 60_000, now: clock.now });
    expect(limiter.take([{ key: 'a', max: 1 }]).ok).toBe(true);
    expect(limiter.take([{ key: 'b', max: 1 }]).ok).toBe(true);
    expect(limiter.take([{ key: 'a', max: 1 }]).ok).toBe(false);
  });

  it('forgets idle keys and never holds more than maxKeys', () => {
    const clock = fakeClock();
    const limiter = createRateLimiter({ windowMs: 1_000, now: clock.now, maxKeys: 100 });
    for (let i = 0; i < 1_000; i++) limiter.take([{ key: `k${i}`, max: 1 }]);
    expect(limiter.size).toBe(100);
    clock.advance(1_000);
    limiter.take([{ key: 'k999', max: 1 }]);
    expect(limiter.take([{ key: 'k999', max: 1 }]).ok).toBe(false);
  });
});
