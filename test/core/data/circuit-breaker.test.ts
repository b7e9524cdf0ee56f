import { describe, expect, it } from 'vitest';
import { createCircuitBreaker } from '../../../core/data/circuit-breaker.ts';

describe('circuit breaker', () => {
  function breaker(threshold = 3) {
    let now = 0;
    const changes: string[] = [];
    const b = createCircuitBreaker({ failureThreshold: threshold, coolDownMs: 1_000, now: () => now, onChange: (state) => changes.push(state) });
    return { b, changes, advance: (ms: number) => void (now += ms) };
  }

  it('stays closed while failures are not consecutive', () => {
    const { b } = breaker(2);
    b.acquire()!.record('failure');
    b.acquire()!.record('success');
    b.acquire()!.record('failure');
    expect(b.state).toBe('closed');
  });

  it('opens after the threshold, refuses during the cool-down, then allows exactly one trial', () => {
    const { b, changes, advance } = breaker(2);
    b.acquire()!.record('failure');
    b.acquire()!.record('failure');
    expect(b.state).toBe('open');
    expect(b.acquire()).toBeUndefined();
    expect(b.retryInMs()).toBe(1_000);
    advance(1_000);
    const trial = b.acquire();
    expect(trial).toBeDefined();
    expect(b.state).toBe('half-open');
    expect(b.acquire()).toBeUndefined();
    trial!.record('success');
    expect(b.state).toBe('closed');
    expect(changes).toEqual(['open', 'half-open', 'closed']);
  });

  it('reopens when the trial fails, and a neutral trial frees the slot for another', () => {
    const { b, advance } = breaker(1);
    b.acquire()!.record('failure');
    advance(1_000);
    b.acquire()!.record('neutral');
    expect(b.state).toBe('half-open');
    b.acquire()!.record('failure');
    expect(b.state).toBe('open');
    expect(b.acquire()).toBeUndefined();
  });

  it('counts an outcome once however often it is recorded', () => {
    const { b } = breaker(2);
    const permit = b.acquire()!;
    permit.record('failure');
    permit.record('failure');
    expect(b.state).toBe('closed');
    expect(b.consecutiveFailures).toBe(1);
  });
});
