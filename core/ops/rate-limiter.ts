export type Limit = { readonly key: string; readonly max: number };

export type RateDecision =
  | { readonly ok: true }
  /** `key` is the first limit that was reached; `retryAfterMs` is when all of them allow one more. */
  | { readonly ok: false; readonly key: string; readonly retryAfterMs: number };

export type RateLimiter = {
  /** Counts one use against every limit, or none when any of them is reached. */
  take(limits: readonly Limit[]): RateDecision;
  /** Keys currently remembered (for tests and the memory bound). */
  readonly size: number;
};

export type RateLimiterOptions = {
  readonly windowMs: number;
  readonly now: () => number;
  /** Keys remembered at most; the oldest are forgotten first. */
  readonly maxKeys?: number;
};

/**
 * A sliding-window limiter: at most `max` uses of a key in any `windowMs`. It keeps the times of
 * the recent uses per key, so "6 a minute" means exactly that, and says when the next one is free.
 */
export function createRateLimiter({ windowMs, now, maxKeys = 50_000 }: RateLimiterOptions): RateLimiter {
  const uses = new Map<string, number[]>();

  const recent = (key: string, at: number): number[] => {
    const times = uses.get(key);
    if (!times) return [];
    let drop = 0;
    while (drop < times.length && times[drop]! <= at - windowMs) drop += 1;
    if (drop) times.splice(0, drop);
    if (times.length === 0) uses.delete(key);
    return times;
  };

  return {
    get size() {
      return uses.size;
    },
    take(limits) {
      const at = now();
      let blocked: { key: string; retryAfterMs: number } | undefined;
      for (const { key, max } of limits) {
        const times = recent(key, at);
        if (times.length < max) continue;
        // The use that must age out before one more fits.
        const freeAt = times[times.length - max]! + windowMs;
        const retryAfterMs = Math.max(1, freeAt - at);
        if (!blocked) blocked = { key, retryAfterMs };
        else blocked.retryAfterMs = Math.max(blocked.retryAfterMs, retryAfterMs);
      }
      if (blocked) return { ok: false, ...blocked };
      for (const { key } of limits) {
        const times = uses.get(key);
        if (times) times.push(at);
        else {
          uses.set(key, [at]);
          if (uses.size > maxKeys) uses.delete(uses.keys().next().value!);
        }
      }
      return { ok: true };
    },
  };
}
