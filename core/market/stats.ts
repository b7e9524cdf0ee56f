/** Simple return from `base` to `end`, as a decimal (0.067 = +6.7%). */
export const simpleReturn = (base: number, end: number): number => end / base - 1;

/** Deepest peak-to-trough fall within values[from..to], as a negative decimal (or 0). */
export function maxDrawdown(values: readonly number[], from = 0, to = values.length - 1): number {
  let peak = -Infinity;
  let worst = 0;
  for (let i = from; i <= to; i++) {
    const v = values[i]!;
    if (v > peak) peak = v;
    const dd = v / peak - 1;
    if (dd < worst) worst = dd;
  }
  return worst;
}

/** Share (0–100) of `samples` at or below `value`. */
export function percentileRank(samples: readonly number[], value: number): number {
  if (samples.length === 0) return NaN;
  let atOrBelow = 0;
  for (const s of samples) if (s <= value) atOrBelow++;
  return (atOrBelow / samples.length) * 100;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Trailing simple moving average; null until `window` values exist. */
export function movingAverage(values: readonly number[], window: number): (number | null)[] {
  const out: (number | null)[] = new Array(values.length).fill(null);
  let sum = 0;
  for (let i = 0; i < values.length; i++) {
    sum += values[i]!;
    if (i >= window) sum -= values[i - window]!;
    if (i >= window - 1) out[i] = sum / window;
  }
  return out;
}
