import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import type { RenderPool } from '../../../core/charts/render-pool.ts';
import { ChartRenderError, ChartRenderTimeoutError, RenderPoolClosedError, createRenderPool } from '../../../core/charts/render-pool.ts';
import { CHART_SIZES } from '../../../core/charts/sizes.ts';
import { allRealSpecs, ytdLinesSpec } from './real-specs.ts';
import { pngSize } from './png-pixels.ts';

const FLAKY_WORKER = new URL('../../fixtures/charts/flaky-render-worker.ts', import.meta.url);
const titled = (title: string) => ({ ...ytdLinesSpec(), title });

const pools: RenderPool[] = [];
const track = (pool: RenderPool) => {
  pools.push(pool);
  return pool;
};
afterEach(async () => {
  await Promise.all(pools.splice(0).map((p) => p.close()));
});

describe('render pool', { timeout: 60_000 }, () => {
  it('renders a burst of 20 charts through 2 workers, queueing the rest', async () => {
    const pool = track(createRenderPool({ size: 2, timeoutMs: 20_000 }));
    const specs = Array.from({ length: 20 }, (_, i) => allRealSpecs('en', i % 2 ? 'square' : 'wide')[i % 5]!);
    const pending = specs.map((spec) => pool.render(spec));
    expect(pool.stats().queued + pool.stats().busy).toBeGreaterThan(2);
    const charts = await Promise.all(pending);
    charts.forEach((chart, i) => expect(pngSize(chart.png)).toEqual(CHART_SIZES[specs[i]!.size]));
    expect(pool.stats()).toMatchObject({ size: 2, busy: 0, queued: 0, replaced: 0 });
    expect(pool.stats().idle).toBe(2);
  });

  it('holds no worker until the first chart, and starts only one for one chart', async () => {
    const pool = track(createRenderPool({ size: 2, timeoutMs: 20_000 }));
    expect(pool.stats()).toMatchObject({ busy: 0, idle: 0, starting: 0 });
    await pool.render(ytdLinesSpec());
    expect(pool.stats()).toMatchObject({ busy: 0, idle: 1, starting: 0 });
  });

  it('reports a render that throws as a chart that could not be drawn, and keeps the worker', async () => {
    const pool = track(createRenderPool({ size: 1, timeoutMs: 20_000 }));
    const spec = ytdLinesSpec();
    const failed = pool.render({ ...spec, dates: spec.dates.slice(0, 1) });
    await expect(failed).rejects.toBeInstanceOf(ChartRenderError);
    await expect(failed).rejects.toThrow(/could not be drawn: a lines chart needs at least two dates/);
    const next = await pool.render(spec);
    expect(pngSize(next.png)).toEqual(CHART_SIZES.wide);
    expect(pool.stats().replaced).toBe(0);
  });

  it('times out a hanging render, replaces its worker, and leaves other renders alone', async () => {
    const pool = track(createRenderPool({ size: 2, timeoutMs: 3_000, workerUrl: FLAKY_WORKER }));
    await Promise.all([pool.render(titled('warm-up 1')), pool.render(titled('warm-up 2'))]);
    const hanging = pool.render(titled('hang'));
    const meanwhile = pool.render(titled('fine'));
    await expect(hanging).rejects.toBeInstanceOf(ChartRenderTimeoutError);
    await expect(hanging).rejects.toThrow(/could not be drawn within 3000 ms/);
    expect(pngSize((await meanwhile).png)).toEqual(CHART_SIZES.wide);
    expect(pool.stats().replaced).toBe(1);
    const after = await Promise.all([pool.render(titled('after 1')), pool.render(titled('after 2'))]);
    for (const chart of after) expect(pngSize(chart.png)).toEqual(CHART_SIZES.wide);
  });

  it('replaces a worker that dies mid-render and fails only that render', async () => {
    const pool = track(createRenderPool({ size: 1, timeoutMs: 20_000, workerUrl: FLAKY_WORKER }));
    const crashed = pool.render(titled('crash'));
    const queued = pool.render(titled('fine'));
    await expect(crashed).rejects.toThrow(/could not be drawn: the renderer stopped/);
    expect(pngSize((await queued).png)).toEqual(CHART_SIZES.wide);
    expect(pool.stats().replaced).toBe(1);
  });

  it('fails waiting renders with a clear error when no worker can start', async () => {
    const pool = track(createRenderPool({ size: 1, timeoutMs: 20_000, workerUrl: new URL('../../fixtures/charts/no-such-worker.ts', import.meta.url) }));
    await expect(pool.render(titled('fine'))).rejects.toThrow(/could not be drawn: the renderer did not start/);
  });

  it('passes a worker-side error message through', async () => {
    const pool = track(createRenderPool({ size: 1, timeoutMs: 20_000, workerUrl: FLAKY_WORKER }));
    await expect(pool.render(titled('throw'))).rejects.toThrow('The chart could not be drawn: deliberate failure');
  });

  it('on close, rejects in-flight and queued renders with a shutdown error, then refuses new ones', async () => {
    const pool = track(createRenderPool({ size: 1, timeoutMs: 20_000, workerUrl: FLAKY_WORKER }));
    await pool.render(titled('warm-up'));
    const inFlight = pool.render(titled('slow'));
    const queued = pool.render(titled('fine'));
    expect(pool.stats()).toMatchObject({ busy: 1, queued: 1 });
    const outcomes = Promise.allSettled([inFlight, queued]);
    await pool.close();
    const [a, b] = await outcomes;
    expect(a).toMatchObject({ status: 'rejected', reason: expect.any(RenderPoolClosedError) });
    expect(b).toMatchObject({ status: 'rejected', reason: { message: expect.stringMatching(/shutting down/) } });
    await expect(pool.render(titled('late'))).rejects.toBeInstanceOf(RenderPoolClosedError);
    expect(pool.stats()).toMatchObject({ busy: 0, idle: 0, starting: 0, queued: 0 });
    await pool.close();
  });

  it('lets a program that never calls close() exit once its renders are done (run under tsx)', async () => {
    const script = fileURLToPath(new URL('../../fixtures/charts/render-once-without-close.ts', import.meta.url));
    // The child is killed if it lingers; a kill fails the test through the rejected promise.
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', script], { timeout: 45_000 });
    expect(stdout).toContain('rendered 1200x675');
  });
});
