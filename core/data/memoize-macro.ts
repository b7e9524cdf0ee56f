import type { MacroData, MacroSeries } from './macro.ts';

/** Keeps each macro series for `ttlMs`; concurrent requests share one fetch; failures are not kept. */
export function memoizeMacro(inner: MacroData, ttlMs: number, now: () => number = Date.now): MacroData {
  const kept = new Map<string, { at: number; value: Promise<MacroSeries> }>();
  return {
    sourceLabel: inner.sourceLabel,
    getSeries(id) {
      const key = id.toUpperCase();
      const hit = kept.get(key);
      if (hit && now() - hit.at < ttlMs) return hit.value;
      const value = inner.getSeries(key);
      kept.set(key, { at: now(), value });
      value.catch(() => kept.delete(key));
      return value;
    },
  };
}
