export type Summary = { p50: number; p99: number; mean: number; n: number };

export function summarize(samples: readonly number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return { p50: at(0.5), p99: at(0.99), mean: sorted.reduce((a, b) => a + b, 0) / sorted.length, n: sorted.length };
}

export async function timeMany(n: number, f: () => unknown | Promise<unknown>): Promise<Summary> {
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await f();
    samples.push(performance.now() - t0);
  }
  return summarize(samples);
}

export const ms = (x: number) => `${x.toFixed(2)} ms`;

export function verdict(value: number, target: number): string {
  return value < target ? 'OK' : 'MISS';
}

export const peakRssMb = () => process.resourceUsage().maxRSS / 1024;
