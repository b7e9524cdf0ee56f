import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createYahooProvider } from '../../../core/data/yahoo-provider.ts';
import { resilientProvider } from '../../../core/data/resilient-provider.ts';
import type { RetryEvent } from '../../../core/data/resilient-provider.ts';
import { createCircuitBreaker } from '../../../core/data/circuit-breaker.ts';
import { DEFAULT_RETRY_POLICY } from '../../../core/data/retry-policy.ts';
import { createCachedMarketData } from '../../../core/data/cached-market-data.ts';
import { ProviderError, UnknownSymbolError } from '../../../core/data/provider.ts';
import { openSqliteStore } from '../../../core/store/sqlite-store.ts';
import { runText } from '../../../commands/dispatch.ts';
import { COMMANDS } from '../../../commands/index.ts';
import type { CommandContext } from '../../../commands/context.ts';
import { realServices } from '../../helpers/services.ts';
import { scriptedYahoo, servedBars } from '../../helpers/scripted-yahoo.ts';
import type { YahooAnswer } from '../../helpers/scripted-yahoo.ts';

/** A clock that only moves when the wrapper sleeps, so backoff costs no real time. */
function fakeTime() {
  let now = 1_000_000;
  const sleeps: number[] = [];
  return {
    now: () => now,
    advance: (ms: number) => void (now += ms),
    sleep: async (ms: number) => {
      sleeps.push(ms);
      now += ms;
    },
    sleeps,
  };
}

function setup(script: YahooAnswer[], otherwise?: YahooAnswer, { retries = 2, failureThreshold = 3 } = {}) {
  const yahoo = scriptedYahoo(otherwise);
  yahoo.script.push(...script);
  const time = fakeTime();
  const retriesSeen: RetryEvent[] = [];
  const breaker = createCircuitBreaker({ failureThreshold, coolDownMs: 60_000, now: time.now });
  const provider = resilientProvider(createYahooProvider({ fetch: yahoo.fetch, timeoutMs: 150 }), {
    policy: { ...DEFAULT_RETRY_POLICY, retries },
    breaker,
    now: time.now,
    sleep: time.sleep,
    random: () => 0.5,
    onRetry: (event) => retriesSeen.push(event),
  });
  return { yahoo, time, breaker, provider, retriesSeen };
}

const iwm = servedBars('IWM');

// yahoo-finance2 prints the URL of every failed request with console.error; keep test output readable.
beforeAll(() => void vi.spyOn(console, 'error').mockImplementation(() => {}));
afterAll(() => vi.restoreAllMocks());

describe('resilient Yahoo provider, through the real yahoo-finance2 with an injected fetch', () => {
  it('retries a request that timed out and returns the next answer', async () => {
    const { provider, yahoo, time, retriesSeen } = setup([{ kind: 'hang' }]);
    const bars = await provider.fetchDaily('IWM');
    expect(bars).toHaveLength(iwm.length);
    expect(yahoo.chartCalls).toEqual(['IWM', 'IWM']);
    expect(time.sleeps).toEqual([150]);
    expect(retriesSeen[0]).toMatchObject({ provider: 'yahoo', symbol: 'IWM', attempt: 1, reason: 'no answer within 150 ms' });
  });

  it('waits out a 429 for as long as Retry-After says', async () => {
    const { provider, yahoo, time } = setup([{ kind: 'status', status: 429, retryAfter: '2' }]);
    await expect(provider.fetchDaily('IWM')).resolves.toHaveLength(iwm.length);
    expect(yahoo.chartCalls).toHaveLength(2);
    expect(time.sleeps).toEqual([2_000]);
  });

  it('does not wait for a Retry-After beyond the cap: the error goes up at once, marked 429', async () => {
    const { provider, yahoo, time } = setup([{ kind: 'status', status: 429, retryAfter: '120' }]);
    const error = await provider.fetchDaily('IWM').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderError);
    expect((error as ProviderError).failure).toEqual({ status: 429, retryAfterMs: 120_000 });
    expect((error as ProviderError).reason).toBe('HTTP 429');
    expect(yahoo.chartCalls).toHaveLength(1);
    expect(time.sleeps).toEqual([]);
  });

  it('retries 5xx answers with growing, jittered backoff, then gives up', async () => {
    const { provider, yahoo, time } = setup([], { kind: 'status', status: 503, body: 'Service Unavailable' });
    await expect(provider.fetchDaily('IWM')).rejects.toMatchObject({ name: 'ProviderError', reason: 'HTTP 503' });
    expect(yahoo.chartCalls).toHaveLength(3);
    // Full jitter with random() = 0.5: half of 300 ms, then half of 600 ms.
    expect(time.sleeps).toEqual([150, 300]);
  });

  it('recovers when a 502 is followed by a good answer', async () => {
    const { provider, breaker } = setup([{ kind: 'status', status: 502, body: 'Bad Gateway' }]);
    await expect(provider.fetchDaily('IWM')).resolves.toHaveLength(iwm.length);
    expect(breaker.consecutiveFailures).toBe(0);
  });

  it.each<[string, string]>([
    ['truncated JSON', JSON.stringify({ chart: { result: [{ meta: { symbol: 'IWM' } }] } }).slice(0, 30)],
    ['malformed JSON', '{"chart": {"result": [}}'],
  ])('retries %s and reports an unreadable answer when it persists', async (_what, body) => {
    const { provider, yahoo } = setup([], { kind: 'raw', body });
    const error = await provider.fetchDaily('IWM').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderError);
    expect((error as ProviderError).reason).toBe('an unreadable answer (not JSON)');
    expect(yahoo.chartCalls).toHaveLength(3);
  });

  it('keeps the good rows of an answer with null rows, without retrying', async () => {
    const { provider, yahoo } = setup([{ kind: 'ok', nullRows: [0, 5, 6] }]);
    const bars = await provider.fetchDaily('IWM');
    expect(bars).toHaveLength(iwm.length - 3);
    expect(bars.map((b) => b.date)).not.toContain(iwm[5]!.date);
    expect(yahoo.chartCalls).toHaveLength(1);
  });

  it("retries an answer carrying another symbol's data and never returns it", async () => {
    const { provider, yahoo } = setup([{ kind: 'ok', symbol: 'SPY' }]);
    const bars = await provider.fetchDaily('IWM');
    expect(bars.at(-1)!.close).toBe(iwm.at(-1)!.close);
    expect(yahoo.chartCalls).toEqual(['IWM', 'IWM']);

    const always = setup([], { kind: 'ok', symbol: 'SPY' });
    await expect(always.provider.fetchDaily('IWM')).rejects.toThrow(/answered for SPY instead/);
  });

  it('retries a dropped connection', async () => {
    const { provider, yahoo } = setup([{ kind: 'network' }]);
    await expect(provider.fetchDaily('IWM')).resolves.toHaveLength(iwm.length);
    expect(yahoo.chartCalls).toHaveLength(2);
  });

  it('does not retry an unknown symbol, and counts it as a healthy answer', async () => {
    const { provider, yahoo, breaker } = setup([], {
      kind: 'status',
      status: 404,
      body: JSON.stringify({ chart: { result: null, error: { code: 'Not Found', description: 'No data found, symbol may be delisted' } } }),
    });
    await expect(provider.fetchDaily('ZZZZ')).rejects.toBeInstanceOf(UnknownSymbolError);
    expect(yahoo.chartCalls).toHaveLength(1);
    expect(breaker.consecutiveFailures).toBe(0);
  });

  it('opens the circuit after consecutive failed requests, then lets one trial through after the cool-down', async () => {
    const { provider, yahoo, breaker, time } = setup([], { kind: 'status', status: 500, body: 'oops' }, { retries: 0, failureThreshold: 3 });
    for (let i = 0; i < 3; i++) await expect(provider.fetchDaily('IWM')).rejects.toBeInstanceOf(ProviderError);
    expect(breaker.state).toBe('open');
    expect(yahoo.chartCalls).toHaveLength(3);

    // Open: refused without asking Yahoo.
    await expect(provider.fetchDaily('IWM')).rejects.toThrow(/not asked: it failed 3 times in a row; trying again in 60 s/);
    expect(yahoo.chartCalls).toHaveLength(3);

    // After the cool-down a single trial goes out; Yahoo is back, so the circuit closes.
    time.advance(60_000);
    yahoo.script.push({ kind: 'ok' });
    await expect(provider.fetchDaily('IWM')).resolves.toHaveLength(iwm.length);
    expect(breaker.state).toBe('closed');
    expect(yahoo.chartCalls).toHaveLength(4);
  });

  it('opens the circuit again when the trial fails', async () => {
    const { provider, breaker, time, yahoo } = setup([], { kind: 'status', status: 500 }, { retries: 0, failureThreshold: 1 });
    await expect(provider.fetchDaily('IWM')).rejects.toThrow();
    time.advance(60_000);
    await expect(provider.fetchDaily('IWM')).rejects.toThrow('HTTP 500');
    expect(breaker.state).toBe('open');
    await expect(provider.fetchDaily('IWM')).rejects.toThrow(/not asked/);
    expect(yahoo.chartCalls).toHaveLength(2);
  });
});

describe('falling back to the cache when Yahoo fails', () => {
  function cachedSetup() {
    const { provider, yahoo, time } = setup([], { kind: 'ok' }, { retries: 1, failureThreshold: 20 });
    const market = createCachedMarketData({ provider, store: openSqliteStore(':memory:').prices, ttlMs: 60_000, now: time.now });
    return { market, yahoo, time };
  }

  it('answers from the cache with the reason once retries are spent', async () => {
    const { market, yahoo, time } = cachedSetup();
    await market.getDaily('IWM');
    time.advance(61_000);
    yahoo.script.push({ kind: 'status', status: 503, body: 'down' }, { kind: 'status', status: 503, body: 'down' });
    const result = await market.getDaily('IWM');
    expect(result.stale).toEqual({ reason: 'HTTP 503' });
    expect(result.bars.at(-1)!.date).toBe('2026-01-20');
  });

  it('says "as of" in the /smallcaps answer, and names the provider and cause only when nothing is cached', async () => {
    const running = realServices();
    try {
      const { market, yahoo, time } = cachedSetup();
      const ctx: CommandContext = { locale: 'en', services: { ...running.services, market }, platform: 'console', userId: 't', commandPrefix: '/' };

      yahoo.script.push(...Array.from({ length: 8 }, () => ({ kind: 'status', status: 503, body: 'down' }) as const));
      const nothing = await runText(COMMANDS, '/smallcaps ytd', ctx, () => {});
      expect(nothing).toMatchObject({ ok: false, kind: 'user-error' });
      expect(nothing.output.replies[0]!.text).toMatch(/^I couldn't get prices from Yahoo Finance and have nothing cached to show: IWM: HTTP 503/);
      // A source that is down is not a mistake in the question: no usage, but where else to get data.
      expect(nothing.output.replies[0]!.text).not.toContain('Usage');
      expect(nothing.output.replies[0]!.text).toContain('Try `--data sample` for the bundled sample data');

      yahoo.script.length = 0;
      const fresh = await runText(COMMANDS, '/smallcaps ytd', ctx, () => {});
      expect(fresh.output.replies[0]!.text).not.toContain('saved data');
      expect(fresh.ok).toBe(true);
      time.advance(61_000);
      yahoo.script.push(...Array.from({ length: 8 }, () => ({ kind: 'hang' }) as const));
      const stale = await runText(COMMANDS, '/smallcaps ytd', ctx, () => {});
      expect(stale.ok).toBe(true);
      const reply = stale.output.replies[0]!;
      expect(reply.tone).toBe('warning');
      expect(JSON.stringify(reply)).toContain('the data source did not answer (no answer within 150 ms), so this uses saved data as of Jan 20, 2026');
    } finally {
      await running.close();
    }
  });
});
