import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { summarize } from './stats.ts';
import type { Summary } from './stats.ts';
import { botProcessEnv } from '../test/helpers/bot-process.ts';
import { NODE_FLAGS } from '../core/runtime/node-flags.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const MAIN = path.join(ROOT, 'dist/bots/main.js');
const PRELOAD = path.join(import.meta.dirname, 'support/report-max-rss.mjs');

export const STARTUP_TARGETS = { wallMs: 800, peakRssMb: 150 } as const;

export type StartupBench = { readonly runs: number; readonly wallMs: Summary; readonly peakRssMb: Summary; readonly viaNpmWallMs: Summary };

function once(command: string, args: readonly string[], env: NodeJS.ProcessEnv): Promise<{ wallMs: number; code: number | null }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'inherit'] });
    child.on('error', reject);
    child.on('exit', (code) => resolve({ wallMs: performance.now() - started, code }));
  });
}

/**
 * The compiled one-shot `ask "/smallcaps ytd"` with its chart, started afresh each run as an
 * operator would: wall time and peak RSS (all threads) from `node dist/bots/main.js` with the flags
 * `npm start` gives it, and the
 * wall time through `npm start`, which adds npm's own start-up.
 */
export async function benchStartup(runs = 7): Promise<StartupBench | 'not built'> {
  if (!existsSync(MAIN)) return 'not built';
  const out = mkdtempSync(path.join(os.tmpdir(), 'rotation-startup-'));
  const env = botProcessEnv({ ROTATION_OUT_DIR: out });
  const walls: number[] = [];
  const rss: number[] = [];
  const npmWalls: number[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      const rssFile = path.join(out, `rss-${i}`);
      const run = await once(process.execPath, [...NODE_FLAGS, '--import', PRELOAD, MAIN, 'ask', '/smallcaps ytd'], { ...env, BENCH_MAX_RSS_FILE: rssFile });
      if (run.code !== 0) throw new Error(`the one-shot ask exited with ${run.code}`);
      walls.push(run.wallMs);
      rss.push(Number(readFileSync(rssFile, 'utf8')) / 1024);
      npmWalls.push((await once('npm', ['start', '--silent', '--', 'ask', '/smallcaps ytd'], env)).wallMs);
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
  return { runs, wallMs: summarize(walls), peakRssMb: summarize(rss), viaNpmWallMs: summarize(npmWalls) };
}
