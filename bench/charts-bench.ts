import os from 'node:os';
import { pathToFileURL } from 'node:url';
import type { ChartSpec } from '../core/charts/chart-spec.ts';
import type { PngEncoder } from '../core/charts/render-chart.ts';
import { renderChart } from '../core/charts/render-chart.ts';
import { createRenderPool } from '../core/charts/render-pool.ts';
import { allRealSpecs } from '../test/core/charts/real-specs.ts';

export const CHART_TARGETS = { p99Ms: 60, chartsPerSecond: 40, rssGrowthMb: 30 } as const;

export type KindTiming = {
  readonly kind: ChartSpec['kind'];
  readonly renders: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  /** The same with Skia's own PNG encoder, for comparison. */
  readonly skiaP50Ms: number;
  readonly skiaP99Ms: number;
};
export type ChartsBenchResult = {
  readonly perKind: readonly KindTiming[];
  readonly throughput: {
    readonly poolSize: number;
    readonly charts: number;
    readonly seconds: number;
    readonly chartsPerSecond: number;
    /** CPU time of the whole process (all threads) per chart during the burst: what load on the machine does not change. */
    readonly cpuMsPerChart: number;
  };
  /** One-minute load average when the bench started; other work on the machine slows every figure but cpuMsPerChart. */
  readonly loadAverage: number;
  /**
   * Process RSS (workers included). Each figure is the median of the readings taken after
   * each of the last five batches of 20 renders: a single reading swings by ±30 MB with the
   * timing of garbage collection in the workers. The single readings are kept too.
   */
  readonly rss: { readonly after100Mb: number; readonly after2000Mb: number; readonly growthMb: number; readonly single100Mb: number; readonly single2000Mb: number };
  readonly ok: { readonly p99: boolean; readonly throughput: boolean; readonly rss: boolean };
};

function percentile(sorted: readonly number[], p: number): number {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

const rssMb = () => process.memoryUsage().rss / 2 ** 20;

/**
 * Wide charts from real data: per-kind render time (drawing + PNG encoding) on this thread,
 * then throughput and memory through a render pool with one worker per core.
 */
export async function benchCharts(options: { rendersPerKind?: number; burst?: number; soak?: number } = {}): Promise<ChartsBenchResult> {
  const rendersPerKind = options.rendersPerKind ?? 30;
  const burst = options.burst ?? 100;
  const soak = options.soak ?? 2000;
  const specs = allRealSpecs('en', 'wide');
  const loadAverage = os.loadavg()[0]!;

  const perKind: KindTiming[] = [];
  const timeRenders = async (spec: ChartSpec, encoder: PngEncoder) => {
    for (let i = 0; i < 3; i++) await renderChart(spec, { encoder });
    const times: number[] = [];
    for (let i = 0; i < rendersPerKind; i++) {
      const start = performance.now();
      await renderChart(spec, { encoder });
      times.push(performance.now() - start);
    }
    return times.sort((a, b) => a - b);
  };
  for (const spec of specs) {
    const times = await timeRenders(spec, 'zlib');
    const skia = await timeRenders(spec, 'skia');
    perKind.push({
      kind: spec.kind,
      renders: rendersPerKind,
      p50Ms: percentile(times, 50),
      p99Ms: percentile(times, 99),
      skiaP50Ms: percentile(skia, 50),
      skiaP99Ms: percentile(skia, 99),
    });
  }

  const poolSize = os.availableParallelism();
  const pool = createRenderPool({ size: poolSize, timeoutMs: 30_000 });
  try {
    await Promise.all(Array.from({ length: poolSize * 4 }, (_, i) => pool.render(specs[i % specs.length]!)));
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    await Promise.all(Array.from({ length: burst }, (_, i) => pool.render(specs[i % specs.length]!)));
    const seconds = (performance.now() - start) / 1000;
    const cpu = process.cpuUsage(cpuStart);
    const cpuMsPerChart = (cpu.user + cpu.system) / 1000 / burst;

    // Memory: a fresh count of renders from here, in batches of 20.
    const readings = new Map<number, number>();
    let done = 0;
    while (done < soak) {
      const n = Math.min(20, soak - done);
      await Promise.all(Array.from({ length: n }, (_, i) => pool.render(specs[(done + i) % specs.length]!)));
      done += n;
      readings.set(done, rssMb());
    }
    const medianUpTo = (end: number) => {
      const window = [...readings].filter(([count]) => count > end - 100 && count <= end).map(([, mb]) => mb).sort((a, b) => a - b);
      return window[Math.floor(window.length / 2)]!;
    };
    const after100Mb = medianUpTo(100);
    const after2000Mb = medianUpTo(soak);
    const worstP99 = Math.max(...perKind.map((k) => k.p99Ms));
    const chartsPerSecond = burst / seconds;
    const growthMb = after2000Mb - after100Mb;
    return {
      perKind,
      throughput: { poolSize, charts: burst, seconds, chartsPerSecond, cpuMsPerChart },
      loadAverage,
      rss: { after100Mb, after2000Mb, growthMb, single100Mb: readings.get(100)!, single2000Mb: readings.get(soak)! },
      ok: { p99: worstP99 < CHART_TARGETS.p99Ms, throughput: chartsPerSecond >= CHART_TARGETS.chartsPerSecond, rss: growthMb < CHART_TARGETS.rssGrowthMb },
    };
  } finally {
    await pool.close();
  }
}

export function formatChartsBench(r: ChartsBenchResult): string {
  const verdict = (ok: boolean) => (ok ? 'OK' : 'MISS');
  const rows = [
    `load average at start: ${r.loadAverage.toFixed(2)} on ${os.availableParallelism()} cores`,
    'wide chart     renders   p50 ms   p99 ms   target            (skia encoder: p50 / p99 ms)',
    ...r.perKind.map((k) => `${k.kind.padEnd(14)} ${String(k.renders).padStart(7)} ${k.p50Ms.toFixed(1).padStart(8)} ${k.p99Ms.toFixed(1).padStart(8)}   ${`${verdict(k.p99Ms < CHART_TARGETS.p99Ms)} (p99 < ${CHART_TARGETS.p99Ms})`.padEnd(17)} (${k.skiaP50Ms.toFixed(1)} / ${k.skiaP99Ms.toFixed(1)})`),
    '',
    `throughput     ${r.throughput.charts} charts through ${r.throughput.poolSize} workers in ${r.throughput.seconds.toFixed(2)} s = ${r.throughput.chartsPerSecond.toFixed(1)} charts/s  ${verdict(r.ok.throughput)} (>= ${CHART_TARGETS.chartsPerSecond})`,
    `cpu            ${r.throughput.cpuMsPerChart.toFixed(1)} ms of CPU per chart (all threads), i.e. at most ${((1000 / r.throughput.cpuMsPerChart) * os.availableParallelism()).toFixed(0)} charts/s on ${os.availableParallelism()} idle cores`,
    `rss            ${r.rss.after100Mb.toFixed(1)} MB after 100, ${r.rss.after2000Mb.toFixed(1)} MB after 2000 (medians of 5 readings): ${r.rss.growthMb >= 0 ? '+' : ''}${r.rss.growthMb.toFixed(1)} MB  ${verdict(r.ok.rss)} (< ${CHART_TARGETS.rssGrowthMb} MB)`,
    `               single readings: ${r.rss.single100Mb.toFixed(1)} MB after 100, ${r.rss.single2000Mb.toFixed(1)} MB after 2000`,
  ];
  return rows.join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(formatChartsBench(await benchCharts()));
}
