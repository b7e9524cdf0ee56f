import { describe, expect, it } from 'vitest';
import { createFredProvider } from '../../../core/data/fred-provider.ts';
import { resilientFetch } from '../../../core/data/resilient-fetch.ts';
import { createCircuitBreaker } from '../../../core/data/circuit-breaker.ts';
import { DEFAULT_RETRY_POLICY } from '../../../core/data/retry-policy.ts';
import { ProviderError, UnknownSymbolError } from '../../../core/data/provider.ts';

type Step = Response | 'network' | 'hang';

function setup(steps: Step[], otherwise: () => Step = () => new Response('observation_date,DFF\n2026-01-02,3.64\n'), threshold = 3) {
  let now = 0;
  const sleeps: number[] = [];
  const calls: string[] = [];
  const inner = (async (input: string | URL | Request, init?: RequestInit) => {
    calls.push(String(input));
    const step = steps.shift() ?? otherwise();
    if (step === 'network') throw new TypeError('fetch failed');
    if (step === 'hang') return new Promise<Response>((_, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal?.reason)));
    return step;
  }) as typeof fetch;
  const breaker = createCircuitBreaker({ failureThreshold: threshold, coolDownMs: 30_000, now: () => now });
  const wrapped = resilientFetch(inner, {
    name: 'fred',
    policy: DEFAULT_RETRY_POLICY,
    breaker,
    now: () => now,
    sleep: async (ms) => {
      sleeps.push(ms);
      now += ms;
    },
    random: () => 0.5,
  });
  return { fred: createFredProvider({ fetch: wrapped, timeoutMs: 200 }), calls, sleeps, breaker, advance: (ms: number) => void (now += ms) };
}

describe("FRED's fetch with retries and a circuit breaker", () => {
  it('waits out a 429 for its Retry-After, then reads the series', async () => {
    const { fred, calls, sleeps } = setup([new Response('slow down', { status: 429, headers: { 'retry-after': '1' } })]);
    const series = await fred.getSeries('DFF');
    expect(series.observations).toEqual([{ date: '2026-01-02', value: 3.64 }]);
    expect(calls).toHaveLength(2);
    expect(sleeps).toEqual([1_000]);
  });

  it('retries 5xx and dropped connections with backoff', async () => {
    const { fred, calls, sleeps } = setup([new Response('', { status: 502 }), 'network']);
    await expect(fred.getSeries('DFF')).resolves.toMatchObject({ id: 'DFF' });
    expect(calls).toHaveLength(3);
    expect(sleeps).toEqual([150, 300]);
  });

  it('gives the last 5xx back to FRED once retries are spent, which names the status', async () => {
    const { fred, calls } = setup([], () => new Response('', { status: 503 }));
    await expect(fred.getSeries('DFF')).rejects.toMatchObject({ name: 'ProviderError', reason: 'HTTP 503' });
    expect(calls).toHaveLength(3);
  });

  it('does not retry a 404 (an unknown series)', async () => {
    const { fred, calls } = setup([new Response('', { status: 404 })]);
    await expect(fred.getSeries('NOPE')).rejects.toBeInstanceOf(UnknownSymbolError);
    expect(calls).toHaveLength(1);
  });

  it("stops at FRED's own time limit instead of retrying past it", async () => {
    const { fred, calls } = setup([], () => 'hang');
    await expect(fred.getSeries('DFF')).rejects.toMatchObject({ reason: 'no answer within 200 ms' });
    expect(calls).toHaveLength(1);
  });

  it('opens the circuit after repeated failures: FRED is not asked until the cool-down ends', async () => {
    const { fred, calls, breaker, advance } = setup([], () => new Response('', { status: 500 }), 2);
    for (let i = 0; i < 2; i++) await expect(fred.getSeries('DFF')).rejects.toBeInstanceOf(ProviderError);
    expect(breaker.state).toBe('open');
    const asked = calls.length;
    await expect(fred.getSeries('DFF')).rejects.toThrow(/fred is not being asked: it failed 2 times in a row/);
    expect(calls).toHaveLength(asked);
    advance(30_000);
    await expect(fred.getSeries('DFF')).rejects.toBeInstanceOf(ProviderError);
    expect(calls.length).toBeGreaterThan(asked);
  });
});
